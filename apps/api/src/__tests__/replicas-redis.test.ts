import { createHash } from "node:crypto";
import { startTestServer, type TestServer } from "./harness";
import { createKey } from "./keys";
import { startPrivateRedis, type PrivateRedis } from "./support/redis-server";

/** Two API servers (replicas) on one database and one private Redis, as behind a load balancer. */
let redis: PrivateRedis;
let a: TestServer;
let b: TestServer;
/** A second pair with a low limit, counting in Redis database 1 so the other tests do not use its budget. */
let limited1: TestServer;
let limited2: TestServer;
const LIMIT = 5;
const logsOfA: string[] = [];

const metricsOf = async (server: TestServer) => (await fetch(new URL("/metrics", server.url))).text();
/** The value of one sample line in the exposition text, 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  a = await startTestServer({ env: { REDIS_URL: redis.url }, logs: logsOfA });
  b = await startTestServer({ env: { REDIS_URL: redis.url }, database: a.db });
  const limits = { REDIS_URL: `${redis.url}/1`, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  limited1 = await startTestServer({ env: limits, database: a.db });
  limited2 = await startTestServer({ env: limits, database: a.db });
}, 120_000);

afterAll(async () => {
  for (const server of [limited2, limited1, b]) await server?.close();
  await a?.close();
  await redis?.stop();
}, 60_000);

const MEETINGS = `query Meetings { meetings(first: 5) { totalCount edges { node { title } } } }`;

describe("two replicas on one Redis", () => {
  it("count a client's requests together: refused after N in total across both", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await (i % 2 ? limited2 : limited1).gql("{ __typename }")).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const refused1 = await limited1.gql("{ __typename }");
    const refused2 = await limited2.gql("{ __typename }");
    expect([refused1.status, refused2.status]).toEqual([429, 429]);
    expect(refused2.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused2.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));
    expect(sample(await metricsOf(limited2), 'tradegraph_rate_limit_refusals_total{limit="caller"}')).toBe(1);
  });

  it("serve a persisted query (APQ hash) registered through the other", async () => {
    const query = `query Apq { countries(first: 2) { edges { node { code } } } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (server: TestServer, body: object) =>
      fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
        async (r) => (await r.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
      );
    expect((await post(b, { extensions })).errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(a, { query, extensions });
    expect(registered.errors).toBeUndefined();
    // Apollo stores the query in the background.
    let served: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 20 && !served?.data; i++) {
      served = await post(b, { extensions });
      if (!served.data) await new Promise((r) => setTimeout(r, 50));
    }
    expect(served?.errors).toBeUndefined();
    expect(served?.data).toEqual(registered.data);
  });

  it("answer a public read filled through one from the cache on the other, without the database", async () => {
    const filled = await a.gql(MEETINGS);
    expect(filled.status).toBe(200);
    expect(filled.headers.get("x-cache")).toBe("MISS");
    expect(filled.statements).toBeGreaterThan(0);
    let hit = await b.gql(MEETINGS);
    for (let i = 0; i < 20 && hit.headers.get("x-cache") !== "HIT"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      hit = await b.gql(MEETINGS);
    }
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(hit.headers.get("age")).toMatch(/^\d+$/);
    expect(hit.headers.get("cache-control")).toBe("public, max-age=60");
    expect(hit.statements).toBe(0);
    expect(hit.body).toEqual(filled.body);
    expect(sample(await metricsOf(b), 'tradegraph_cache_requests_total{cache="response",result="hit"}')).toBeGreaterThanOrEqual(1);
  });

  it("never answer requests made with an API key from the cache, nor cache mutations", async () => {
    const reader = await createKey(a, "READER");
    const withKey = await b.gql(MEETINGS, undefined, reader.headers);
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get("x-cache")).toBeNull();
    expect(withKey.statements).toBeGreaterThan(0);
    const editor = await createKey(a, "EDITOR");
    const mutation = `mutation { createSource(input: { publisher: "replicas", title: "not cached" }) { source { id } } }`;
    const first = await a.gql(mutation, undefined, editor.headers);
    const second = await b.gql(mutation, undefined, editor.headers);
    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    expect(second.body).not.toEqual(first.body);
  });

  it("miss answers cached before a mutation made through the other replica", async () => {
    const editor = await createKey(a, "EDITOR");
    const source = await b.gql(`mutation { createSource(input: { publisher: "replicas", title: "generation" }) { source { id } } }`, undefined, editor.headers);
    const sourceId = (source.body.data as { createSource: { source: { id: string } } }).createSource.source.id;
    const COUNT = `query Count { exportRecords(first: 1) { totalCount } }`;
    const count = (answer: Awaited<ReturnType<TestServer["gql"]>>) => (answer.body.data as { exportRecords: { totalCount: number } }).exportRecords.totalCount;
    const filled = await a.gql(COUNT);
    expect(filled.headers.get("x-cache")).toBe("MISS");
    let cached = await a.gql(COUNT);
    for (let i = 0; i < 20 && cached.headers.get("x-cache") !== "HIT"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      cached = await a.gql(COUNT);
    }
    expect(cached.headers.get("x-cache")).toBe("HIT");
    const upsert = `mutation U($input: ExportRecordInput!) { upsertExportRecord(input: $input) { userErrors { code } } }`;
    const input = { exporter: "AZ", importer: "IL", commodity: "2709", period: "1949-01", source: sourceId, valueUsd: 1 };
    const wrote = await b.gql(upsert, { input }, editor.headers);
    expect(wrote.body.errors).toBeUndefined();
    expect((wrote.body.data as { upsertExportRecord: { userErrors: unknown[] } }).upsertExportRecord.userErrors).toEqual([]);
    // Answered from the database, with the write, straight after the mutation's answer: no waiting for max-age.
    const after = await a.gql(COUNT);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(after.statements).toBeGreaterThan(0);
    expect(count(after)).toBe(count(filled) + 1);
    // An anonymous mutation (refused: no key) does not empty the cache.
    const refilled = await a.gql(COUNT);
    expect(refilled.headers.get("x-cache")).toBe("HIT");
    await b.gql(upsert, { input });
    expect((await a.gql(COUNT)).headers.get("x-cache")).toBe("HIT");
  });

  it("answer within the command timeout while Redis is stalled (no hang)", async () => {
    redis.pause();
    try {
      const started = Date.now();
      const [one, two] = await Promise.all([a.gql(`query Stalled { meetings(first: 1) { totalCount } }`), b.gql("{ __typename }")]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(one.body.errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      redis.resume();
    }
  });

  it("keep answering with Redis stopped: caches bypassed, rate limits fail open, /metrics shows it", async () => {
    await redis.stop();
    for (const server of [a, b]) {
      const answer = await server.gql(MEETINGS);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.statements).toBeGreaterThan(0);
    }
    // Over its limit before, now uncounted.
    const open = await limited1.gql("{ __typename }");
    expect(open.status).toBe(200);
    const text = await metricsOf(a);
    expect(sample(text, 'tradegraph_cache_requests_total{cache="response",result="bypass"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tradegraph_redis_errors_total{operation="response"}')).toBeGreaterThanOrEqual(1);
    // Logged, but not once per failed call: at most one warning per 10 s.
    for (let i = 0; i < 20; i++) await a.gql(MEETINGS);
    const warnings = logsOfA.filter((line) => line.includes("redis unavailable: failing open"));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(3);
    const limitedText = await metricsOf(limited1);
    expect(sample(limitedText, "tradegraph_rate_limit_fail_open_total")).toBeGreaterThanOrEqual(1);
  });
});
