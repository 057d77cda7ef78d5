import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit, type RateLimitInfo, type Store } from "express-rate-limit";
import { parseApiKey } from "../../auth/api-key";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { Middleware } from "./graphql";
import { sendJson } from "./send";

/** Where the counts live: shared stores (Redis) by name, or express-rate-limit's in-process memory. */
export interface RateLimitDeps {
  logger: Logger;
  metrics?: Metrics;
  /** A store per limit (`caller`, `refused_key`); unset: in memory, per process. */
  store?: (name: string) => Store;
}

export interface RateLimitSettings {
  /** Requests per minute and client address without an API key; 0: no limit. */
  anonymousPerMinute: number;
  /** Requests per minute and API key; 0: no limit. */
  keyPerMinute: number;
}

const WINDOW_MS = 60_000;
/** In errors/codes.ts's public codes. */
const RATE_LIMITED = "RATE_LIMITED";

/** The prefix of a key-shaped `Authorization: Bearer tg_<prefix>_<secret>` header (not yet checked), or null. */
function presentedKeyPrefix(req: Request): string | null {
  const [scheme, token, ...rest] = (req.headers.authorization ?? "").trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || !token || rest.length > 0) return null;
  return parseApiKey(token)?.prefix ?? null;
}

const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown");

/** GitHub's rate-limit headers: the limit, what is left and used in this window, and when it resets (epoch seconds). */
function setHeaders(res: Response, info: RateLimitInfo | undefined): void {
  if (!info) return;
  res.setHeader("x-ratelimit-limit", String(info.limit));
  res.setHeader("x-ratelimit-remaining", String(Math.max(0, info.limit - info.used)));
  res.setHeader("x-ratelimit-used", String(Math.min(info.used, info.limit)));
  res.setHeader("x-ratelimit-reset", String(Math.ceil((info.resetTime?.getTime() ?? Date.now() + WINDOW_MS) / 1000)));
}

function secondsUntil(info: RateLimitInfo | undefined): number {
  return Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
}

/** HTTP 429 with a GraphQL error body (`extensions.code: RATE_LIMITED`), rate-limit headers and Retry-After. */
function refuse(logger: Logger, metrics: Metrics | undefined, property: string, what: (req: Request) => string) {
  const limit = property === "rateLimit" ? "caller" : "refused_key";
  return (req: Request, res: Response) => {
    metrics?.rateLimitRefusals.inc({ limit });
    const info = (req as Request & Record<string, RateLimitInfo | undefined>)[property];
    const retryAfter = secondsUntil(info);
    setHeaders(res, info);
    res.setHeader("retry-after", String(retryAfter));
    logger.info({ requestId: res.locals.requestId, limit: info?.limit, errorCodes: [RATE_LIMITED] }, "rate limited");
    sendJson(req, res, 429, {
      errors: [
        {
          message: `Rate limit exceeded: ${info?.limit ?? "too many"} requests per minute ${what(req)}. Retry after ${retryAfter} s.`,
          extensions: { code: RATE_LIMITED, retryAfter },
        },
      ],
    });
  };
}

/**
 * Per-minute request limits for /graphql, kept in memory (per process) or in Redis: by API key when the request presents
 * one, else by client address. Every answer carries x-ratelimit-limit/-remaining/-used/-reset; a request over
 * the limit gets HTTP 429, RATE_LIMITED and Retry-After. Inventing keys does not escape the address's limit:
 * requests whose key is refused (HTTP 401) also count against their address. With a shared store (REDIS_URL)
 * all replicas count together; when the store fails, the request goes through uncounted (fail open).
 */
export function rateLimitMiddleware(settings: RateLimitSettings, { logger, metrics, store }: RateLimitDeps): Middleware[] {
  // The store logs and counts its own failures (rate-limited); express-rate-limit's console logging is muted.
  const shared = store ? { passOnStoreError: true, logger: { error() {}, warn() {} } } : {};
  const limitOf = (req: Request) => (presentedKeyPrefix(req) ? settings.keyPerMinute : settings.anonymousPerMinute);
  const perCaller = rateLimit({
    windowMs: WINDOW_MS,
    limit: limitOf,
    skip: (req) => limitOf(req) === 0,
    keyGenerator: (req) => {
      const prefix = presentedKeyPrefix(req);
      return prefix ? `key:${prefix}` : `address:${addressOf(req)}`;
    },
    standardHeaders: false,
    legacyHeaders: false,
    requestPropertyName: "rateLimit",
    ...shared,
    ...(store ? { store: store("caller") } : {}),
    handler: refuse(logger, metrics, "rateLimit", (req) => (presentedKeyPrefix(req) ? "for this API key" : "from this address without an API key")),
  });
  const refusedKeys = rateLimit({
    windowMs: WINDOW_MS,
    limit: settings.anonymousPerMinute,
    skip: (req) => settings.anonymousPerMinute === 0 || !req.headers.authorization,
    keyGenerator: (req) => `refused-key:${addressOf(req)}`,
    // Counts only the requests whose key was refused.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    standardHeaders: false,
    legacyHeaders: false,
    requestPropertyName: "rateLimitRefusedKeys",
    ...shared,
    ...(store ? { store: store("refused_key") } : {}),
    handler: refuse(logger, metrics, "rateLimitRefusedKeys", () => "with refused API keys from this address"),
  });
  const headers: RequestHandler = (req, res, next) => {
    setHeaders(res, (req as Request & { rateLimit?: RateLimitInfo }).rateLimit);
    next();
  };
  // express-rate-limit's handlers only use what node:http requests and responses have (plus `req.app` settings).
  return [refusedKeys, perCaller, headers] as unknown as Middleware[];
}
