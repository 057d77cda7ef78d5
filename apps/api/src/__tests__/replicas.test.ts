/**
 * Read replicas against a real streaming standby (standby.ts starts a private primary and standby; this file
 * does not use DATABASE_URL, so it runs the same on both CI runs). Reads are served by the standby, seen in
 * its pg_stat_activity; a client's reads right after its write go to the primary; a standby that lags
 * past the bound or is stopped is skipped, and reads still answer from the primary.
 */
import { createPool, openDatabase, withDatabase, type Database } from "@tradegraph/db";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import type pg from "pg";
import { generateApiKey } from "../auth/api-key";
import { toGlobalId } from "../common/global-id";
import { parseEnv } from "../env";
import { createServer, type TradegraphServer } from "../server/create-server";
import { openDatabaseRouter, type DatabaseRouter } from "../server/database";
import { createLogger } from "../server/logger";
import { countStatement } from "../sql";
import { post } from "./hostile";
import { startStandbyCluster, type StandbyCluster } from "./standby";

jest.setTimeout(30_000);

let cluster: StandbyCluster;
let testDb: TestDatabase;
let apiDb: Database;
let router: DatabaseRouter;
let server: TradegraphServer;
let url: string;
/** Test-side connections to the database on each server, for counters. */
let onPrimary: pg.Pool;
let onStandby: pg.Pool;
let editor: Record<string, string>;
let sourceId: string;
const logs: string[] = [];

beforeAll(async () => {
  cluster = await startStandbyCluster();
  testDb = await createTestDatabase({ serverUrl: cluster.primaryUrl, seed: true, onQuery: countStatement });
  const name = new URL(testDb.url).pathname.slice(1);
  const replicaUrl = withDatabase(cluster.standbyUrl, name);
  onPrimary = createPool(testDb.url, { max: 1, applicationName: "tradegraph-test" });
  onStandby = createPool(replicaUrl, { max: 1, applicationName: "tradegraph-test" });
  // The standby has the test database once it has replayed its creation and the seed.
  await until(async () => (await onStandby.query("SELECT count(*)::int AS n FROM export_record").then((r) => r.rows[0].n > 0, () => false)), "the standby has the seeded database");
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
  });
  const logger = createLogger("info", { write: (line: string) => void logs.push(line) });
  // The API's own pool on the primary, named as main.ts names it (testDb's pool seeded the database).
  apiDb = await openDatabase({ url: testDb.url, migrate: false, poolSize: 4, applicationName: "tradegraph-api", onQuery: countStatement, ...env.pool });
  router = await openDatabaseRouter(apiDb, env.replicas, { max: 4, applicationName: "tradegraph-api", onQuery: countStatement, ...env.pool }, logger);
  server = await createServer({ env, db: apiDb, logger, router });
  url = await server.listen(0, "127.0.0.1");
  const key = generateApiKey();
  await testDb.prisma.apiKey.create({ data: { name: "replica test", prefix: key.prefix, secretHash: key.secretHash, role: "EDITOR" } });
  editor = { authorization: `Bearer ${key.key}` };
  sourceId = toGlobalId("Source", (await testDb.prisma.source.findFirstOrThrow()).id);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await router?.close();
  await apiDb?.close();
  await onPrimary?.end();
  await onStandby?.end().catch(() => undefined);
  await testDb?.destroy();
  await cluster?.stop();
});

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => post(url, JSON.stringify({ query, variables }), headers);
type Answer = Awaited<ReturnType<typeof gql>>;
const ok = (answer: Answer) => {
  if (answer.status !== 200 || answer.body.errors) throw new Error(`HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`);
  return answer.body.data as Record<string, unknown>;
};
/** exportRecords.totalCount as one client sees it (raw SQL on the pg pool). */
const totalCount = async (headers: Record<string, string> = {}) =>
  (ok(await gql(`{ exportRecords(first: 1) { totalCount } }`, undefined, headers)).exportRecords as { totalCount: number }).totalCount;

/**
 * The statements the API's connections to one server are running or ran last (pg_stat_activity, live), by
 * pool: the primary's connections are named tradegraph-api, the replica's tradegraph-api-replica-1.
 */
async function lastStatements(pool: pg.Pool, applicationName: string): Promise<string[]> {
  const { rows } = await pool.query<{ query: string }>(
    "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
    [applicationName],
  );
  return rows.map((row) => row.query);
}
const reads = (statements: string[], table: string) => statements.filter((q) => new RegExp(`\\b${table}\\b`).test(q)).length;

/** Some connection of the API to the standby ran a statement on `table` last. */
async function expectReadOnStandby(table: string): Promise<void> {
  const statements = await lastStatements(onStandby, "tradegraph-api-replica-1");
  if (reads(statements, table) > 0) return;
  const primary = await lastStatements(onPrimary, "tradegraph-api");
  throw new Error(`no ${table} statement on the standby: ${JSON.stringify({ healthy: router.replicas[0]!.healthy, problem: router.replicas[0]!.problem, lag: router.replicas[0]!.lagMs, standby: statements, primary }).slice(0, 3000)}`);
}

let year = 1950;
const UPSERT = `mutation U($input: ExportRecordInput!) { upsertExportRecord(input: $input) { exportRecord { id } userErrors { code } } }`;
const upsert = () => gql(UPSERT, { input: { exporter: "AZ", importer: "IL", commodity: "2709", period: `${year++}-01`, source: sourceId, valueUsd: 1 } }, editor);

describe("with a healthy standby", () => {
  it("serves reads (raw SQL and Prisma) from the standby, not the primary", async () => {
    expect(router.replicas[0]!.healthy).toBe(true);
    for (let i = 0; i < 3; i++) {
      // exportRecords runs hand-written SQL on the pg pool, commodities a Prisma query.
      ok(await gql(`{ exportRecords(first: 5) { totalCount nodes { id } } }`));
      await expectReadOnStandby("export_record");
      ok(await gql(`{ commodities { hsCode } }`));
      await expectReadOnStandby("commodity");
    }
    // The primary's connections never ran an export_record statement: auth and reference data only.
    expect(reads(await lastStatements(onPrimary, "tradegraph-api"), "export_record")).toBe(0);
    expect(logs.filter((line) => line.includes("read replica skipped"))).toEqual([]);
  });

  it("reports the replica's pool in /metrics beside the primary's", async () => {
    ok(await gql(`{ exportRecords(first: 1) { totalCount } }`));
    const metrics = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
    const open = (pool: string) => Number(new RegExp(`^tradegraph_db_pool_total_connections\\{pool="${pool}"\\} (\\d+)$`, "m").exec(metrics)?.[1]);
    expect(open("primary")).toBeGreaterThan(0);
    expect(open("replica-1")).toBeGreaterThan(0);
  });

  it("sends a mutation to the primary and the same key's reads right after it too, while other clients read the replica", async () => {
    // With replay paused the standby cannot have the write: only the primary can answer with it.
    await cluster.pauseReplay();
    try {
      const before = await totalCount(editor);
      const write = ok(await upsert());
      expect((write.upsertExportRecord as { userErrors: unknown[] }).userErrors).toEqual([]);
      expect(await totalCount(editor)).toBe(before + 1);
      // An anonymous client did not write: it reads the (paused) standby and does not see it yet.
      expect(await totalCount()).toBe(before);
      // After the read-your-writes window the key reads from the replica again.
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(await totalCount(editor)).toBe(before);
    } finally {
      await cluster.resumeReplay();
    }
    await until(async () => (await totalCount()) === (await totalCount(editor)) && (await totalCount(editor)) > 0, "the standby has replayed the write");
  });
});

describe("a lagging standby", () => {
  it("is skipped past DB_REPLICA_MAX_LAG_MS, and used again once it catches up", async () => {
    router.settings.maxLagMs = 500;
    await cluster.pauseReplay();
    try {
      const before = await totalCount();
      ok(await upsert());
      await until(() => !router.replicas[0]!.healthy, "the router sees the standby lagging", 5_000);
      expect(router.replicas[0]!.problem).toMatch(/^lagging/);
      // Served by the primary: the new row is counted.
      expect(await totalCount()).toBe(before + 1);
    } finally {
      await cluster.resumeReplay();
      router.settings.maxLagMs = 60_000;
    }
    await until(() => router.replicas[0]!.healthy, "the standby is in use again", 5_000);
    expect(logs.some((line) => line.includes('"read replica skipped"') && line.includes("lagging"))).toBe(true);
  });
});

describe("the standby is stopped", () => {
  it("reads still answer, from the primary", async () => {
    const expected = await testDb.prisma.exportRecord.count();
    await onStandby.end();
    await cluster.stopStandby();
    await until(() => !router.replicas[0]!.healthy, "the router sees the standby down", 5_000);
    expect(router.replicas[0]!.problem).toMatch(/^unreachable/);
    for (let i = 0; i < 5; i++) {
      expect(await totalCount()).toBe(expected);
      expect(reads(await lastStatements(onPrimary, "tradegraph-api"), "export_record")).toBeGreaterThan(0);
      ok(await gql(`{ commodities { hsCode } }`));
    }
    expect((await fetch(url.replace(/\/graphql$/, "/readyz"))).status).toBe(200);
  });
});
