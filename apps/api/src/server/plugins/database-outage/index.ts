import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../context";
import { ErrorCode } from "../../errors";

/** A response without data because the database is unreachable is HTTP 503 with Retry-After, so clients back off. */
export function databaseOutagePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          if (body && body.data == null && body.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", "1");
          }
        },
      };
    },
  };
}
