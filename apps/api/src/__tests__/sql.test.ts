import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { queryRows, sql } from "../sql";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 1 });
}, 120_000);
afterAll(() => db?.destroy());

describe("queryRows", () => {
  it("runs each text as one named prepared statement per connection, whatever its values (unnamed on the embedded database)", async () => {
    const byCode = (code: string) => sql`SELECT code FROM country WHERE code = ${code}`;
    await queryRows(db.pool, byCode("AZ"));
    await queryRows(db.pool, byCode("IL"));
    await queryRows(db.pool, sql`SELECT count(*) FROM country`);
    // The pool has one connection, so this sees the statements prepared on it.
    const prepared = await db.pool.query<{ name: string; statement: string }>("SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time");
    if (db.embedded) {
      // PGlite serves every connection from one session: statements stay unnamed (packages/db, createPool).
      expect(prepared.rows).toEqual([]);
      return;
    }
    expect(prepared.rows.map((row) => row.statement)).toEqual(["SELECT code FROM country WHERE code = $1", "SELECT count(*) FROM country"]);
    expect(prepared.rows.every((row) => row.name.startsWith("tradegraph_"))).toBe(true);
  });

  it("gives each text its own statement, so values are never run under another text's plan", async () => {
    const rows = await queryRows<{ n: number }>(db.pool, sql`SELECT ${2}::int + 1 AS n`);
    const other = await queryRows<{ n: number }>(db.pool, sql`SELECT ${2}::int * 5 AS n`);
    expect([rows[0]!.n, other[0]!.n]).toEqual([3, 10]);
  });
});
