import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { Context } from "../../context";
import type { Logger } from "../../logger";

/** One JSON log line per GraphQL request: operation, duration, statements, error codes. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const codes = [...(errors ?? []), ...((body?.errors ?? []) as GraphQLError[])]
            .map((e) => (e.extensions as { code?: string } | undefined)?.code)
            .filter(Boolean);
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              key: contextValue.caller?.prefix ?? null,
              errorCodes: [...new Set(codes)],
            },
            "graphql request",
          );
        },
      };
    },
  };
}
