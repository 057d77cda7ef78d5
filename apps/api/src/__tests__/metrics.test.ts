import { parseEnv } from "../env";
import { startTestServer, type TestServer } from "./harness";

const TOKEN = "metrics-token-0123456789";
let server: TestServer;
let metricsUrl: string;

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => fetch(metricsUrl, { headers });
/** The value of one sample line in the exposition text, 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

beforeAll(async () => {
  server = await startTestServer({ env: { METRICS_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: "4" } });
  metricsUrl = new URL("/metrics", server.url).toString();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("GET /metrics", () => {
  it("refuses a scrape without the token, or with a wrong one, with 401 and a code", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-token-0123456789" }, { authorization: TOKEN }]) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers in Prometheus's text format, with the pool, cache and rate-limit families", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const family of [
      "# TYPE tradegraph_graphql_requests_total counter",
      "# TYPE tradegraph_graphql_request_duration_seconds histogram",
      "# TYPE tradegraph_db_pool_total_connections gauge",
      "# TYPE tradegraph_db_pool_idle_connections gauge",
      "# TYPE tradegraph_db_pool_waiting_connections gauge",
      "# TYPE tradegraph_cache_requests_total counter",
      "# TYPE tradegraph_rate_limit_refusals_total counter",
      "# TYPE tradegraph_redis_errors_total counter",
      "# TYPE tradegraph_process_cpu_seconds_total counter",
    ]) {
      expect(text).toContain(family);
    }
    expect(text).toMatch(/^tradegraph_db_pool_total_connections\{pool="primary"\} \d+$/m);
    expect(text).toMatch(/^tradegraph_db_pool_waiting_connections\{pool="primary"\} 0$/m);
  });

  it("counts requests by operation and result code, with their latency", async () => {
    await server.gql(`query Ping { __typename }`);
    await server.gql(`query Ping { __typename }`);
    await server.gql(`query Broken { nope }`);
    const text = await (await scrape()).text();
    expect(sample(text, 'tradegraph_graphql_requests_total{operation="Ping",code="OK"}')).toBe(2);
    expect(sample(text, 'tradegraph_graphql_requests_total{operation="Broken",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'tradegraph_graphql_request_duration_seconds_count{operation="Ping"}')).toBe(2);
    expect(sample(text, 'tradegraph_graphql_request_duration_seconds_bucket{le="10",operation="Ping"}')).toBe(2);
  });

  it("counts rate-limit refusals, and is itself neither rate-limited nor CORS'd", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.gql("{ __typename }")).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 6; i++) {
      const response = await scrape({ authorization: `Bearer ${TOKEN}`, origin: "http://localhost:5173" });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      if (i === 5) expect(sample(await response.text(), 'tradegraph_rate_limit_refusals_total{limit="caller"}')).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("METRICS_ENABLED and METRICS_TOKEN", () => {
  it("default to on outside production, and in production only with a token", () => {
    expect(parseEnv({}).metrics).toEqual({ enabled: true, token: undefined });
    expect(parseEnv({ NODE_ENV: "production" }).metrics.enabled).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", METRICS_TOKEN: TOKEN }).metrics.enabled).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", METRICS_ENABLED: "true" }).metrics.enabled).toBe(true);
    expect(parseEnv({ METRICS_ENABLED: "false" }).metrics.enabled).toBe(false);
  });

  it("refuse a short token and a REDIS_URL that is not redis://", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => parseEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a redis:\/\//);
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).redis).toEqual({ url: "redis://127.0.0.1:6379", commandTimeoutMs: 250 });
    expect(parseEnv({}).redis).toBeNull();
  });

  it("is not served when disabled", async () => {
    const off = await startTestServer({ env: { METRICS_ENABLED: "false" }, database: server.db });
    try {
      expect((await fetch(new URL("/metrics", off.url))).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
