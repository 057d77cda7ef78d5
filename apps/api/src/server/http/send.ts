import type { IncomingMessage, ServerResponse } from "node:http";
import etag from "etag";
import fresh from "fresh";

/** `type` with `charset=utf-8`: its own charset replaced, or one added (what Express's res.send does). */
function withUtf8(type: string): string {
  return /;\s*charset=/i.test(type) ? type.replace(/(;\s*charset=)("[^"]*"|[^;]*)/i, "$1utf-8") : `${type}; charset=utf-8`;
}

/**
 * Sends a complete text body as Express 5's `res.send(string)` does, without Express: UTF-8 charset on the
 * content type (text/html when none is set), Content-Length, a weak ETag, 304 to a GET or HEAD whose
 * If-None-Match still matches, no body for HEAD, 204 and 304.
 */
export function sendText(req: IncomingMessage, res: ServerResponse, text: string): void {
  const type = res.getHeader("content-type");
  res.setHeader("content-type", withUtf8(typeof type === "string" ? type : "text/html"));
  let body: Buffer | undefined = Buffer.from(text, "utf8");
  if (!res.hasHeader("etag")) res.setHeader("etag", etag(body, { weak: true }));
  const status = res.statusCode;
  const cacheable = (req.method === "GET" || req.method === "HEAD") && ((status >= 200 && status < 300) || status === 304);
  if (cacheable && fresh(req.headers, { etag: res.getHeader("etag") as string, "last-modified": res.getHeader("last-modified") as string })) {
    res.statusCode = 304;
  }
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader("content-type");
    res.removeHeader("content-length");
    res.removeHeader("transfer-encoding");
    body = undefined;
  } else {
    res.setHeader("content-length", body.length);
  }
  if (req.method === "HEAD" || body === undefined) res.end();
  else res.end(body);
}

/** Sends `value` as JSON with `status` (Express's `res.status(status).json(value)`). */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/json");
  sendText(req, res, JSON.stringify(value));
}
