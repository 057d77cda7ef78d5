import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorRequestHandler } from "express";
import { classifyHttpError } from "../errors";
import type { Logger } from "../logger";
import { sendJson } from "./send";

/** Errors raised outside GraphQL (body too large, not JSON, …) as a GraphQL-shaped JSON body with a code. */
export function httpErrorReply(bodyLimit: string, logger: Logger) {
  return (error: unknown, req: IncomingMessage, res: ServerResponse): void => {
    const reply = classifyHttpError(error, bodyLimit);
    if (reply.status >= 500) logger.error({ err: error }, "http error");
    sendJson(req, res, reply.status, reply.body);
  };
}

/** httpErrorReply as Express's error handler (routes other than /graphql). */
export function httpErrorHandler(bodyLimit: string, logger: Logger): ErrorRequestHandler {
  const reply = httpErrorReply(bodyLimit, logger);
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    reply(error, req, res);
  };
}
