import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./codes";

/** Thrown while building the context when the key lookup finds no database: HTTP 503 with Retry-After. */
export function databaseUnavailable(): GraphQLError {
  // Typed loosely: graphql-yoga's types (through @graphql-yoga/render-graphiql) declare `http.headers` a plain record.
  const extensions: Record<string, unknown> = {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    http: { status: 503, headers: new HeaderMap([["retry-after", "1"]]) },
  };
  return new GraphQLError("The database is unavailable. Try again shortly.", { extensions });
}

/** The same error, answered with HTTP `status` (Apollo reads `extensions.http`). */
export function withHttpStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

export interface HttpErrorReply {
  status: number;
  body: { errors: Array<{ message: string; extensions: { code: string } }> };
}

export function jsonError(status: number, code: string, message: string): HttpErrorReply {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/** An error Express raised before GraphQL ran (body parser, routing): its status, code and message. */
export function classifyHttpError(error: unknown, bodyLimit: string): HttpErrorReply {
  const status = Number((error as { status?: number }).status) || 500;
  const type = (error as { type?: string }).type;
  if (type === "entity.too.large") return jsonError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${bodyLimit}.`);
  if (type === "entity.parse.failed") return jsonError(400, "BAD_REQUEST", "The request body is not valid JSON.");
  if (status < 500) return jsonError(status, "BAD_REQUEST", String((error as Error).message));
  return jsonError(500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal error.");
}
