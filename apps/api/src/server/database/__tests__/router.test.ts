/**
 * The read router's choices and the settings that configure it, without a database: replicas are marked
 * healthy or not by hand (replicas.test.ts checks real ones). No connection is opened: pg pools connect lazily.
 */
import type { Database } from "@tradegraph/db";
import { parseEnv } from "../../../env";
import { DatabaseRouter } from "../router";

const primary = { url: "primary" } as unknown as Database;
const settings = { maxLagMs: 1000, checkIntervalMs: 1000, readYourWritesMs: 200 };
let router: DatabaseRouter;

beforeEach(() => {
  router = new DatabaseRouter(primary, { ...settings, urls: ["postgresql://127.0.0.1:1/a", "postgresql://127.0.0.1:1/b"] });
  for (const replica of router.replicas) replica.healthy = true;
});
afterEach(() => router.close());

describe("DatabaseRouter", () => {
  it("reads from the replicas in turn, skipping unhealthy ones", () => {
    const [a, b] = router.replicas;
    expect([router.reader(null), router.reader(null), router.reader(null)]).toEqual([a!.db, b!.db, a!.db]);
    b!.healthy = false;
    expect([router.reader(null), router.reader(null)]).toEqual([a!.db, a!.db]);
  });

  it("falls back to the primary when no replica is healthy, and without replicas", async () => {
    for (const replica of router.replicas) replica.healthy = false;
    expect(router.reader("key:1")).toBe(primary);
    const none = new DatabaseRouter(primary, { ...settings, urls: [] });
    expect(none.reader(null)).toBe(primary);
    await none.close();
  });

  it("sends a client to the primary for the read-your-writes window after its write, and only that client", async () => {
    router.noteWrite("key:1");
    expect(router.reader("key:1")).toBe(primary);
    expect(router.reader("key:2")).not.toBe(primary);
    expect(router.reader(null)).not.toBe(primary);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(router.reader("key:1")).not.toBe(primary);
  });

  it("lists every pool by name for metrics", () => {
    expect(router.pools().map((p) => p.name)).toEqual(["primary", "replica-1", "replica-2"]);
  });
});

describe("replica and pool settings", () => {
  const base = { DATABASE_URL: "postgresql://u@db:5432/app" };
  it("parses DATABASE_REPLICA_URLS and the timings", () => {
    const env = parseEnv({ ...base, DATABASE_REPLICA_URLS: " postgresql://u@r1/app , postgres://u@r2/app ", DB_QUERY_TIMEOUT_MS: "15000" });
    expect(env.replicas.urls).toEqual(["postgresql://u@r1/app", "postgres://u@r2/app"]);
    expect(env.pool).toEqual({ connectTimeoutMs: 5000, queryTimeoutMs: 15000, keepAliveDelayMs: 10000 });
    expect(parseEnv(base).pool.queryTimeoutMs).toBe(12_000);
    expect(parseEnv(base).replicas.urls).toEqual([]);
  });

  it("refuses replicas without a primary, URLs that are not PostgreSQL's, and a query timeout inside the statement timeout", () => {
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgresql://u@r1/app" })).toThrow(/DATABASE_REPLICA_URLS: read replicas need a primary PostgreSQL server/);
    expect(() => parseEnv({ ...base, DATABASE_REPLICA_URLS: "http://secret@r1/app" })).toThrow(/DATABASE_REPLICA_URLS: "http:\/\/…@r1\/app" is not a PostgreSQL URL/);
    expect(() => parseEnv({ ...base, DATABASE_REPLICA_URLS: "r1:5432" })).toThrow(/is not a PostgreSQL URL/);
    expect(() => parseEnv({ ...base, DB_QUERY_TIMEOUT_MS: "5000" })).toThrow(/DB_QUERY_TIMEOUT_MS: must be 0 or longer than EXECUTION_TIMEOUT_MS/);
    expect(parseEnv({ ...base, DB_QUERY_TIMEOUT_MS: "0" }).pool.queryTimeoutMs).toBe(0);
    expect(() => parseEnv({ ...base, DB_REPLICA_CHECK_INTERVAL_MS: "10" })).toThrow(/DB_REPLICA_CHECK_INTERVAL_MS/);
  });
});
