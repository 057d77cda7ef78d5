import type { PoolClient } from "pg";
import { createTestDatabase, type TestDatabase } from "../testing";
import { ExportRecordStaging, pgRun, type ExportRecordValues } from "../sql";

// The COPY path's merge checks export_record's foreign keys once for all staged rows (where the role may skip
// the per-row checks): the codes it uses are locked until the transaction ends, and a missing one still fails.
// PGlite takes no COPY FROM STDIN (the importer uses its batched writer there): these need a PostgreSQL server.
const embedded = !process.env.DATABASE_URL;
let db: TestDatabase;

beforeAll(async () => {
  if (!embedded) db = await createTestDatabase({ seed: true });
}, 120_000);
afterAll(() => db?.destroy());

const flow = (overrides: Partial<ExportRecordValues> = {}): ExportRecordValues => ({
  exporterCode: "TV",
  importerCode: "NR",
  commodityCode: "2711",
  frequency: "MONTHLY",
  period: "2020-01",
  reporterCode: "TV",
  flow: "EXPORT",
  quantityTonnes: 1,
  valueUsd: 2,
  quantityApproximate: false,
  valueApproximate: false,
  quantityEstimated: false,
  valueEstimated: false,
  reportedRank: null,
  ...overrides,
});

/** Stages the rows and merges them into a new source inside an open transaction on `client`. */
async function stageAndMerge(client: PoolClient, rows: ExportRecordValues[]) {
  const { rows: created } = await client.query<{ id: number }>("INSERT INTO source (publisher, title) VALUES ('Test', 'staging') RETURNING id");
  const staging = await ExportRecordStaging.create(client, { name: "test_staging" });
  const copy = staging.copy();
  for (const row of rows) await copy.add(row);
  await copy.end();
  return staging.merge(pgRun(client), { mode: "insert", sourceId: created[0]!.id, actor: null });
}

async function inTransaction<T>(run: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    return await run(client);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

(embedded ? describe.skip : describe)("ExportRecordStaging.merge (needs a PostgreSQL server)", () => {
  it("may skip the per-row foreign-key checks here (the tests connect as a role that may set session_replication_role)", async () => {
    const { rows } = await db.pool.query("SELECT has_parameter_privilege('session_replication_role', 'SET') AS may");
    expect(rows).toEqual([{ may: true }]);
  });

  it("locks the countries and commodity the rows use until the transaction ends: another session cannot delete them", async () => {
    await inTransaction(async (client) => {
      expect(await stageAndMerge(client, [flow()])).toEqual({ inserted: 1, updated: 0 });
      // Nothing committed references Tuvalu or Nauru; only the merge's lock keeps them.
      const other = await db.pool.connect();
      try {
        await other.query("BEGIN");
        await other.query("SET LOCAL lock_timeout = '300ms'");
        await expect(other.query("DELETE FROM country WHERE code = 'NR'")).rejects.toMatchObject({ code: "55P03" });
      } finally {
        await other.query("ROLLBACK");
        other.release();
      }
      const { rows } = await client.query("SHOW session_replication_role");
      expect(rows).toEqual([{ session_replication_role: "origin" }]);
    });
  });

  it("still refuses a code that is not in the reference tables (foreign_key_violation)", async () => {
    await inTransaction(async (client) => {
      await expect(stageAndMerge(client, [flow(), flow({ importerCode: "NR", commodityCode: "271199" })])).rejects.toMatchObject({ code: "23503" });
    });
    expect((await db.pool.query("SELECT count(*)::int AS n FROM export_record WHERE exporter_code = 'TV'")).rows).toEqual([{ n: 0 }]);
  });
});
