import { parseEnv } from "../env";
import { startTestServer, type TestServer } from "./harness";

const VITE = "http://localhost:5173";
const SANDBOX = "https://sandbox.embed.apollographql.com";

let dev: TestServer;
let production: TestServer;
let configured: TestServer;
let anyOrigin: TestServer;
beforeAll(async () => {
  [dev, production, configured, anyOrigin] = await Promise.all([
    startTestServer({ seed: false }),
    startTestServer({ seed: false, env: { NODE_ENV: "production" } }),
    startTestServer({ seed: false, env: { NODE_ENV: "production", CORS_ORIGINS: "https://app.example.com, http://localhost:5173" } }),
    startTestServer({ seed: false, env: { NODE_ENV: "production", CORS_ORIGINS: "*" } }),
  ]);
}, 120_000);
afterAll(() => Promise.all([dev, production, configured, anyOrigin].map((s) => s?.close())));

/** What a browser sends before a JSON POST with an API key from another origin. */
const preflight = (server: TestServer, origin: string) =>
  fetch(server.url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization,apollo-require-preflight" },
  });

const post = (server: TestServer, origin: string) =>
  fetch(server.url, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });

describe("CORS outside production (default)", () => {
  it.each([VITE, "http://127.0.0.1:3000", "http://localhost", SANDBOX, "https://studio.apollographql.com", "https://explorer.embed.apollographql.com"])(
    "answers the preflight of %s with 204, its origin, the methods, the asked headers and a max age",
    async (origin) => {
      const response = await preflight(dev, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
      expect(response.headers.get("access-control-allow-headers")).toBe("content-type,authorization,apollo-require-preflight");
      expect(response.headers.get("access-control-max-age")).toBe("7200");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toMatch(/origin/i);
    },
  );

  it("lets the page read the request id, rate-limit headers and Retry-After of a POST", async () => {
    const response = await post(dev, VITE);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    expect(response.headers.get("access-control-allow-origin")).toBe(VITE);
    const exposed = response.headers.get("access-control-expose-headers")!.split(",");
    expect(exposed).toEqual(expect.arrayContaining(["x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset", "retry-after"]));
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it.each(["https://evil.example", "http://localhost.evil.example", "https://localhost:5173", "null"])("gives %s no CORS headers", async (origin) => {
    for (const response of [await preflight(dev, origin), await post(dev, origin)]) {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-expose-headers")).toBeNull();
    }
  });

  it("keeps CSRF prevention: a simple cross-site POST or GET without a preflight header is refused", async () => {
    const simple = await fetch(dev.url, { method: "POST", headers: { origin: VITE, "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(simple.status).toBe(400);
    const get = await fetch(`${dev.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { origin: VITE } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
  });
});

describe("CORS in production", () => {
  it("allows no origin until CORS_ORIGINS is set", async () => {
    for (const origin of [VITE, SANDBOX]) {
      const response = await preflight(production, origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect((await post(production, origin)).headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("allows exactly the configured origins", async () => {
    expect((await preflight(configured, "https://app.example.com")).headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect((await post(configured, VITE)).headers.get("access-control-allow-origin")).toBe(VITE);
    expect((await preflight(configured, "http://localhost:5174")).headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(configured, SANDBOX)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows every origin with CORS_ORIGINS=*, still without credentials", async () => {
    const response = await preflight(anyOrigin, "https://anywhere.example");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });
});

describe("CORS_ORIGINS", () => {
  it("refuses values that are not origins, naming the variable", () => {
    for (const value of ["app.example.com", "https://app.example.com/path", "ftp://files.example.com", "https://a.example, *"]) {
      expect(() => parseEnv({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    }
  });

  it("reads a list with spaces and a trailing slash as origins", () => {
    expect(parseEnv({ CORS_ORIGINS: " https://App.example.com/ ,http://localhost:5173" }).cors).toEqual({
      anyOrigin: false,
      origins: ["https://app.example.com", "http://localhost:5173"],
      loopback: false,
    });
  });
});
