import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prismaCli } from "../migrate";
import { createTestDatabase, type TestDatabase } from "../testing";

const prismaDir = path.resolve(__dirname, "..", "..", "..", "..", "prisma");
const schema = path.join(prismaDir, "schema.prisma");
const snapshot = path.join(prismaDir, "schema.migrated.prisma");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(() => db?.destroy());

/** `prisma migrate diff` between two schema files: the SQL a migration would need, empty when none. */
async function migrationSql(from: string, to: string): Promise<string> {
  const sql = await prismaCli(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], db.url);
  return sql.replace(/^--.*$/gm, "").trim();
}

describe("prisma/schema.prisma", () => {
  it("has no change without a migration (run `npm run db:migration:new -- <name>`)", async () => {
    expect(await migrationSql(snapshot, schema)).toBe("");
  }, 60_000);

  it("would need a migration after a change (the check above can fail)", async () => {
    const changed = path.join(mkdtempSync(path.join(tmpdir(), "tradegraph-schema-")), "schema.prisma");
    copyFileSync(schema, changed);
    writeFileSync(changed, readFileSync(changed, "utf8").replace('@@map("export_record")', 'note String?\n  @@map("export_record")'));
    expect(await migrationSql(snapshot, changed)).toMatch(/ALTER TABLE "export_record" ADD COLUMN\s+"note" TEXT/);
  }, 60_000);
});

describe("migration frequency_reporter_flow", () => {
  it("carries existing rows over as monthly exports reported by their exporter, and keeps a mirror pair apart", async () => {
    const dir = path.join(prismaDir, "migrations");
    const migrations = readdirSync(dir).filter((name) => /^\d+_/.test(name)).sort();
    const index = migrations.findIndex((name) => name.endsWith("_frequency_reporter_flow"));
    const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const client = await db.pool.connect();
    try {
      await client.query("CREATE SCHEMA before_flow; SET search_path TO before_flow");
      for (const name of migrations.slice(0, index)) await client.query(sql(name));
      await client.query(`INSERT INTO country (code, alpha3, numeric, name, official_name) VALUES ('AZ', 'AZE', '031', 'Azerbaijan', 'Azerbaijan'), ('IT', 'ITA', '380', 'Italy', 'Italy')`);
      await client.query(`INSERT INTO source (publisher, title) VALUES ('P', 'T')`);
      await client.query(`INSERT INTO commodity (hs_code, description, level, parent_code, section_code) VALUES ('27', 'Mineral fuels', 2, NULL, 'V'), ('2709', 'Crude', 4, '27', 'V')`);
      await client.query(`INSERT INTO export_record (exporter_code, importer_code, commodity_code, period, quantity_tonnes, source_id)
        SELECT 'AZ', 'IT', '2709', DATE '2024-01-01', 600000, id FROM source`);
      await client.query(sql(migrations[index]!));
      const { rows } = await client.query("SELECT exporter_code, importer_code, frequency, to_char(period, 'YYYY-MM') AS period, reporter_code, flow FROM export_record");
      expect(rows).toEqual([{ exporter_code: "AZ", importer_code: "IT", frequency: "MONTHLY", period: "2024-01", reporter_code: "AZ", flow: "EXPORT" }]);
      // Italy's report of the same flow is a second observation, not a duplicate.
      await client.query(`INSERT INTO export_record (exporter_code, importer_code, commodity_code, period, reporter_code, flow, quantity_tonnes, source_id)
        SELECT 'AZ', 'IT', '2709', DATE '2024-01-01', 'IT', 'IMPORT', 610000, id FROM source`);
      expect((await client.query("SELECT count(*)::int AS n FROM export_record")).rows).toEqual([{ n: 2 }]);
    } finally {
      await client.query("RESET search_path; DROP SCHEMA IF EXISTS before_flow CASCADE");
      client.release();
    }
  }, 60_000);
});
