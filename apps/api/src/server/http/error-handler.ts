import type { ErrorRequestHandler } from "express";
import { classifyHttpError } from "../errors";
import type { Logger } from "../logger";

/** Errors raised outside GraphQL (body too large, not JSON, …) as a GraphQL-shaped JSON body with a code. */
export function httpErrorHandler(bodyLimit: string, logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const reply = classifyHttpError(error, bodyLimit);
    if (reply.status >= 500) logger.error({ err: error }, "http error");
    res.status(reply.status).json(reply.body);
  };
}
