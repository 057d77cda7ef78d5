/**
 * Which status and code an error gets, in one folder:
 * - codes.ts: the codes, and which are safe to show clients;
 * - user-input.ts: errors resolvers throw for bad arguments (HTTP 200, the field in `extensions.field`);
 * - classify.ts: limits, timeouts, database outages and unstorable text, from the thrown error;
 * - format-error.ts: Apollo's formatError (unexpected errors logged with an id, masked in production);
 * - http-status.ts: errors answered outside GraphQL execution (401, 413, 400, 503) and their bodies.
 * HTTP 429 (RATE_LIMITED) is ../http/rate-limit.ts; MAX_COST_EXCEEDED (400) is ../plugins/cost-limit; a response
 * without data because the database is down is 503 by ../plugins/database-outage.
 */
export { ErrorCode, isPublicCode } from "./codes";
export { parseInput, userInputError } from "./user-input";
export { classifyError, isDatabaseDown, isPoolBusy, isStatementTimeout, isUnstorableText } from "./classify";
export { formatErrorPolicy } from "./format-error";
export { classifyHttpError, databaseUnavailable, jsonError, withHttpStatus, type HttpErrorReply } from "./http-status";
