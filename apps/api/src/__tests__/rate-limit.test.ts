import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createLogger } from "../server/logger";
import { rateLimitMiddleware } from "../server/http/rate-limit";
import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

const logs: string[] = [];
let server: TestServer;
let reader: TestKey;
let editor: TestKey;

beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_PER_MINUTE_WITH_KEY: "8" }, logs });
  reader = await createKey(server, "READER");
  editor = await createKey(server, "EDITOR");
}, 120_000);
afterAll(() => server?.close());

const QUERY = `{ countries(first: 1) { totalCount } }`;
/** As sent through a reverse proxy on this machine (the API trusts X-Forwarded-For from loopback only). */
const from = (address: string, headers: Record<string, string> = {}) => ({ "x-forwarded-for": address, ...headers });
const limits = (headers: Headers) => ({
  limit: headers.get("x-ratelimit-limit"),
  remaining: headers.get("x-ratelimit-remaining"),
  used: headers.get("x-ratelimit-used"),
});

describe("rate limits", () => {
  it("count anonymous requests per client address and report them in GitHub's headers", async () => {
    const started = Date.now() / 1000;
    for (let i = 1; i <= 5; i++) {
      const { status, headers, body } = await server.gql(QUERY, undefined, from("203.0.113.1"));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(limits(headers)).toEqual({ limit: "5", remaining: String(5 - i), used: String(i) });
      const reset = Number(headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(started));
      expect(reset).toBeLessThanOrEqual(Math.ceil(started) + 61);
    }
  });

  it("refuse the request over the limit with HTTP 429, RATE_LIMITED and Retry-After", async () => {
    const { status, headers, body } = await server.gql(QUERY, undefined, from("203.0.113.1"));
    expect(status).toBe(429);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(body.errors![0]!.message).toMatch(/5 requests per minute/);
    expect(limits(headers)).toEqual({ limit: "5", remaining: "0", used: "5" });
    const retryAfter = Number(headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(logs.some((line) => line.includes('"rate limited"') && line.includes("RATE_LIMITED"))).toBe(true);
  });

  it("give another address its own budget, and leave /healthz alone", async () => {
    expect((await server.gql(QUERY, undefined, from("203.0.113.2"))).status).toBe(200);
    const health = await fetch(server.url.replace(/\/graphql$/, "/healthz"), { headers: from("203.0.113.1") });
    expect(health.status).toBe(200);
  });

  it("count requests with an API key per key, with the key's higher limit, even from a limited address", async () => {
    for (let i = 1; i <= 8; i++) {
      const { status, headers } = await server.gql(QUERY, undefined, from("203.0.113.1", reader.headers));
      expect(status).toBe(200);
      expect(limits(headers)).toEqual({ limit: "8", remaining: String(8 - i), used: String(i) });
    }
    const over = await server.gql(QUERY, undefined, from("203.0.113.3", reader.headers));
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0]?.message).toMatch(/for this API key/);
    // Another key is not affected.
    expect((await server.gql(QUERY, undefined, from("203.0.113.1", editor.headers))).status).toBe(200);
  });

  it("count requests whose key is refused against their address: inventing keys does not lift the limit", async () => {
    const invented = (i: number) => ({ authorization: `Bearer tg_${String(i).padStart(8, "0")}_${"A".repeat(43)}` });
    for (let i = 0; i < 5; i++) {
      const { status, body } = await server.gql(QUERY, undefined, from("203.0.113.4", invented(i)));
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const over = await server.gql(QUERY, undefined, from("203.0.113.4", invented(99)));
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // The address's anonymous budget is separate.
    expect((await server.gql(QUERY, undefined, from("203.0.113.4"))).status).toBe(200);
  });
});

describe("a limit of 0", () => {
  it("turns limiting off, without headers", async () => {
    const app = express();
    app.set("trust proxy", "loopback");
    const limits = rateLimitMiddleware({ anonymousPerMinute: 0, keyPerMinute: 0 }, { logger: createLogger("silent") }) as unknown as express.RequestHandler[];
    app.use(...limits, (_req, res) => void res.json({ ok: true }));
    const httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/`;
      for (let i = 0; i < 20; i++) {
        const response = await fetch(url, { headers: i % 2 ? reader.headers : {} });
        expect(response.status).toBe(200);
        expect(response.headers.get("x-ratelimit-limit")).toBeNull();
      }
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
