import type { GraphQLFormattedError } from "graphql";
import { ErrorCode, isPublicCode } from "./codes";

/** graphql-armor's and graphql-js's limit messages, and the code each gets. */
const LIMIT_CODES: Array<[RegExp, string]> = [
  [/depth limit/i, "MAX_DEPTH_EXCEEDED"],
  [/aliases limit/i, "MAX_ALIASES_EXCEEDED"],
  [/directives limit/i, "MAX_DIRECTIVES_EXCEEDED"],
  [/token limit|Document contains more th(?:an|at) \d+ tokens/i, "MAX_TOKENS_EXCEEDED"],
];

/** Messages and codes of an error and its causes: Prisma's driver-adapter errors carry pg's code in `cause`. */
function errorText(error: unknown, depth = 0): string {
  if (error == null || typeof error !== "object" || depth > 3) return "";
  const e = error as { message?: unknown; code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown };
  return [e.message, e.code, e.originalCode, e.kind].filter((v) => typeof v === "string").join(" ") + " " + errorText(e.cause, depth + 1);
}

/** PostgreSQL errors that mean the database is unreachable rather than that the request was wrong. */
export function isDatabaseDown(error: unknown): boolean {
  // pg and PostgreSQL (SQLSTATE classes 08, 57P0x, 53300), and Prisma's P1001/P1002/P1017/P2024 for the same.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|terminating connection|Can't reach database server|\b(57P0[123]|08\d{3}|53300|P1001|P1002|P1017|P2024)\b|DatabaseNotReachable|TooManyConnections|the database system is/i.test(
    errorText(error),
  );
}

/** Prisma got no connection for a transaction within its wait (P2028): the pool is busy, the request is fine. */
export const isPoolBusy = (error: unknown) => /Unable to start a transaction in the given time/i.test(errorText(error));

/** Text PostgreSQL cannot take, such as U+0000 (SQLSTATE 22021, 22P05): the client's input, not a server fault. */
export const isUnstorableText = (error: unknown) => /\b(22021|22P05)\b|invalid byte sequence for encoding/i.test(errorText(error));

/** PostgreSQL cancelled a statement at `statement_timeout`. */
export const isStatementTimeout = (error: unknown) => /canceling statement due to statement timeout/i.test(String((error as Error)?.message));

/**
 * What the client sees for a GraphQL error: `formatted` is Apollo's rendering, `original` the thrown error.
 * Returns null for an unexpected error (the caller logs it with an id and masks it in production).
 */
export function classifyError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError | null {
  const code = formatted.extensions?.code as string | undefined;
  const limit = LIMIT_CODES.find(([pattern]) => pattern.test(String(formatted.message)));
  if (limit && (code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED" || code === "BAD_USER_INPUT")) {
    return { ...formatted, extensions: { code: limit[1] } };
  }
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === "provided sha does not match query") {
    return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } };
  }
  if (isPublicCode(code)) return formatted;
  if (isStatementTimeout(original)) {
    return { message: "The request took too long and was stopped.", path: formatted.path, extensions: { code: ErrorCode.TIMEOUT } };
  }
  if (isDatabaseDown(original)) {
    return {
      message: "The database is unavailable. Try again shortly.",
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if (isPoolBusy(original)) {
    return { message: "The server is busy. Try again shortly.", path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (isUnstorableText(original)) {
    return {
      message: "The input contains a character the database cannot store or search (such as U+0000).",
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  return null;
}
