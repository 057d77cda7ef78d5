import { randomUUID } from "node:crypto";
import { withStatementCounter } from "../../sql";
import type { Middleware } from "./graphql";

/**
 * Gives each request an id (the client's `x-request-id`, cut to 100 characters, or a new UUID) in the response
 * header and `res.locals.requestId`; with `statementHeader`, counts the SQL statements it runs into
 * `x-sql-statements`.
 */
export function requestIdMiddleware(statementHeader: boolean): Middleware {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const requestId = (Array.isArray(given) ? given.join(", ") : given)?.slice(0, 100) || randomUUID();
    res.setHeader("x-request-id", requestId);
    res.locals.requestId = requestId;
    if (!statementHeader) return next();
    // Statements are counted only when reported: the async context costs CPU on every promise.
    const counter = { count: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!res.headersSent) res.setHeader("x-sql-statements", String(counter.count));
      return writeHead.apply(this, args);
    } as typeof writeHead;
    withStatementCounter(counter, () => next());
  };
}
