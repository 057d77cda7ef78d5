import cors from "cors";
import type { RequestHandler } from "express";
import type { CorsSettings } from "../../env";

/** Response headers a browser page may read: request id, rate limits, Retry-After, statement count. */
export const EXPOSED_HEADERS = [
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-used",
  "x-ratelimit-reset",
  "retry-after",
  "x-sql-statements",
];

/** How long a browser may reuse a preflight answer, in seconds (Chromium caps it at 2 hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Whether a browser page at `origin` may call the API. */
export function isAllowedOrigin(settings: CorsSettings, origin: string): boolean {
  return settings.anyOrigin || settings.origins.includes(origin) || (settings.loopback && LOOPBACK_ORIGIN.test(origin));
}

/**
 * CORS for browser apps: allowed origins get Access-Control-Allow-Origin (their own origin, or `*`), preflights
 * are answered 204 with Access-Control-Max-Age. Keys travel in the Authorization header, never in cookies, so
 * credentials are not allowed. Other origins get no CORS headers and the browser refuses the response.
 */
export function corsMiddleware(settings: CorsSettings): RequestHandler {
  return cors({
    origin: settings.anyOrigin ? "*" : (origin, callback) => callback(null, origin !== undefined && isAllowedOrigin(settings, origin)),
    methods: ["GET", "POST", "OPTIONS"],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
    optionsSuccessStatus: 204,
  });
}
