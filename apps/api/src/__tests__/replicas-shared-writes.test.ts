/**
 * Read-your-writes across API processes: two API servers, each with its own router (as two processes behind a
 * load balancer), on one private Redis, one primary and a streaming standby (standby.ts) whose replay is paused.
 * A key's write through one is seen by that key's next read through the other; anonymous readers stay on the
 * standby. Independent of DATABASE_URL, like replicas.test.ts.
 */
import { openDatabase, withDatabase, type Database } from "@tradegraph/db";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { generateApiKey } from "../auth/api-key";
import { toGlobalId } from "../common/global-id";
import { parseEnv } from "../env";
import { createServer, type TradegraphServer } from "../server/create-server";
import { openDatabaseRouter, type DatabaseRouter } from "../server/database";
import { createLogger } from "../server/logger";
import { countStatement } from "../sql";
import { post } from "./hostile";
import { startStandbyCluster, type StandbyCluster } from "./standby";
import { startPrivateRedis, type PrivateRedis } from "./support/redis-server";

jest.setTimeout(30_000);

interface Api {
  db: Database;
  router: DatabaseRouter;
  server: TradegraphServer;
  url: string;
}

let cluster: StandbyCluster;
let redis: PrivateRedis;
let testDb: TestDatabase;
let one: Api;
let two: Api;
let editor: Record<string, string>;
let sourceId: string;

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  [cluster, redis] = await Promise.all([startStandbyCluster(), startPrivateRedis()]);
  testDb = await createTestDatabase({ serverUrl: cluster.primaryUrl, seed: true, onQuery: countStatement });
  const replicaUrl = withDatabase(cluster.standbyUrl, new URL(testDb.url).pathname.slice(1));
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    RATE_LIMIT_PER_MINUTE_WITH_KEY: "0",
    DATABASE_URL: testDb.url,
    DATABASE_REPLICA_URLS: replicaUrl,
    DB_REPLICA_CHECK_INTERVAL_MS: "100",
    DB_REPLICA_MAX_LAG_MS: "60000",
    DB_READ_YOUR_WRITES_MS: "1500",
    REDIS_URL: redis.url,
  });
  const logger = createLogger("silent");
  const start = async (): Promise<Api> => {
    const db = await openDatabase({ url: testDb.url, migrate: false, poolSize: 4, applicationName: "tradegraph-api", onQuery: countStatement, ...env.pool });
    const router = await openDatabaseRouter(db, env.replicas, { max: 4, applicationName: "tradegraph-api", onQuery: countStatement, ...env.pool }, logger);
    const server = await createServer({ env, db, logger, router });
    return { db, router, server, url: await server.listen(0, "127.0.0.1") };
  };
  [one, two] = [await start(), await start()];
  const key = generateApiKey();
  await testDb.prisma.apiKey.create({ data: { name: "shared writes", prefix: key.prefix, secretHash: key.secretHash, role: "EDITOR" } });
  editor = { authorization: `Bearer ${key.key}` };
  sourceId = toGlobalId("Source", (await testDb.prisma.source.findFirstOrThrow()).id);
  // Both routers use the standby once it has replayed the seed.
  await until(async () => (await count(two)) > 0 && one.router.replicas[0]!.healthy && two.router.replicas[0]!.healthy, "the standby is in use");
}, 120_000);

afterAll(async () => {
  for (const api of [two, one]) {
    await api?.server.close();
    await api?.router.close();
    await api?.db.close();
  }
  await testDb?.destroy();
  await Promise.all([cluster?.stop(), redis?.stop()]);
}, 60_000);

const gql = (api: Api, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post(api.url, JSON.stringify({ query, variables }), headers);
const ok = (answer: Awaited<ReturnType<typeof gql>>) => {
  if (answer.status !== 200 || answer.body.errors) throw new Error(`HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`);
  return answer.body.data as Record<string, unknown>;
};
let reads = 0;
/**
 * exportRecords.totalCount as one client sees it through one API process, from the database: each document
 * is new (an alias), so the public response cache cannot answer it.
 */
async function count(api: Api, headers: Record<string, string> = {}): Promise<number> {
  const answer = await gql(api, `{ exportRecords(first: 1) { totalCount } read${reads++}: __typename }`, undefined, headers);
  expect(answer.headers.get("x-cache")).not.toBe("HIT");
  return (ok(answer).exportRecords as { totalCount: number }).totalCount;
}
let year = 1900;
const UPSERT = `mutation U($input: ExportRecordInput!) { upsertExportRecord(input: $input) { userErrors { code } } }`;
const upsert = (api: Api) => gql(api, UPSERT, { input: { exporter: "AZ", importer: "IL", commodity: "2709", period: `${year++}-01`, source: sourceId, valueUsd: 1 } }, editor);

describe("two API processes on one Redis, a standby with replay paused", () => {
  it("a key's read through the other process right after its write sees the write; anonymous readers use the standby", async () => {
    await cluster.pauseReplay();
    try {
      const before = await count(two, editor);
      expect((ok(await upsert(one)).upsertExportRecord as { userErrors: unknown[] }).userErrors).toEqual([]);
      // Process two never saw the mutation: only the window in Redis sends this key to the primary.
      expect(await count(two, editor)).toBe(before + 1);
      expect(await count(two)).toBe(before);
      // After the window both read the (paused) standby again.
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(await count(two, editor)).toBe(before);
    } finally {
      await cluster.resumeReplay();
    }
  });

  it("with Redis stopped, a key's reads go to the primary (fail open to the primary) and anonymous ones still to the standby", async () => {
    await until(async () => (await count(two)) === (await count(one, editor)), "the standby has replayed the write");
    await cluster.pauseReplay();
    try {
      await redis.stop();
      const before = await count(two);
      expect((ok(await upsert(one)).upsertExportRecord as { userErrors: unknown[] }).userErrors).toEqual([]);
      // Redis cannot say whether this key wrote: process two reads the primary for it.
      expect(await count(two, editor)).toBe(before + 1);
      expect(await count(two)).toBe(before);
    } finally {
      await cluster.resumeReplay();
    }
  });
});
