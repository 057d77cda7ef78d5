import { randomUUID } from "node:crypto";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import type { Env } from "../../env";
import type { Logger } from "../logger";
import { classifyError } from "./classify";
import { ErrorCode } from "./codes";

/** Apollo's formatError: known errors as classifyError says; anything else logged with an id, masked in production. */
export function formatErrorPolicy(env: Env, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as GraphQLError)?.originalError ?? error;
    const known = classifyError(formatted, original);
    if (known) return known;
    const code = formatted.extensions?.code as string | undefined;
    const errorId = randomUUID();
    logger.error({ errorId, err: original, path: formatted.path }, "unexpected error");
    if (env.production) {
      return { message: `Internal error (id ${errorId}).`, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: code ?? ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
  };
}
