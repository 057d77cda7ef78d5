import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hsNomenclature, parseCsv } from "../seed/commodities";
import { seedDatabase } from "../seed/seed";
import { createTestDatabase, type TestDatabase } from "../testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(() => db?.destroy());

/** Every commodity row with the transaction that last wrote it: unchanged xmin means not rewritten. */
async function versions(): Promise<Map<string, string>> {
  const { rows } = await db.pool.query<{ code: string; xmin: string }>("SELECT hs_code AS code, xmin::text AS xmin FROM commodity");
  return new Map(rows.map((row) => [row.code, row.xmin]));
}

describe("HS 2022 nomenclature", () => {
  it("is read from data/: 21 sections, 97 chapters, 1,229 headings, 5,613 subheadings", () => {
    const { sections, commodities } = hsNomenclature();
    expect(sections).toHaveLength(21);
    const byLevel = (level: number) => commodities.filter((c) => c.level === level).length;
    expect([byLevel(2), byLevel(4), byLevel(6)]).toEqual([97, 1229, 5613]);
    expect(commodities.find((c) => c.hsCode === "270900")).toEqual({
      hsCode: "270900",
      description: expect.stringMatching(/^Oils; petroleum oils and oils obtained from bituminous minerals, crude/),
      level: 6,
      parentCode: "2709",
      sectionCode: "V",
    });
  });

  it("is seeded through a pool whose statement_timeout is shorter than the load (the API's EXECUTION_TIMEOUT_MS)", async () => {
    const strict = await createTestDatabase({ statementTimeoutMs: 5 });
    try {
      await seedDatabase(strict.prisma);
      expect(await strict.prisma.commodity.count()).toBe(hsNomenclature().commodities.length);
    } finally {
      await strict.destroy();
    }
  }, 120_000);

  it("parses quoted CSV fields", () => {
    expect(parseCsv('a,b\n"x, ""y""",2\r\n')).toEqual([{ a: 'x, "y"', b: "2" }]);
  });

  it("is seeded whole, with levels, parents and sections, and a second seed rewrites no row", async () => {
    await seedDatabase(db.prisma);
    const { rows } = await db.pool.query<{ level: number; count: number }>("SELECT level, count(*)::int AS count FROM commodity GROUP BY level ORDER BY level");
    expect(rows).toEqual([{ level: 2, count: 97 }, { level: 4, count: 1229 }, { level: 6, count: 5613 }]);
    const sections = await db.pool.query("SELECT code, position, name FROM hs_section ORDER BY position");
    expect(sections.rowCount).toBe(21);
    expect(sections.rows[4]).toEqual({ code: "V", position: 5, name: "Mineral products" });
    const tree = await db.pool.query(
      "SELECT hs_code, level, parent_code, section_code FROM commodity WHERE hs_code IN ('27', '2709', '270900') ORDER BY level",
    );
    expect(tree.rows).toEqual([
      { hs_code: "27", level: 2, parent_code: null, section_code: "V" },
      { hs_code: "2709", level: 4, parent_code: "27", section_code: "V" },
      { hs_code: "270900", level: 6, parent_code: "2709", section_code: "V" },
    ]);

    const before = await versions();
    await seedDatabase(db.prisma);
    const after = await versions();
    expect(after.size).toBe(6939);
    expect([...after].filter(([code, xmin]) => before.get(code) !== xmin)).toEqual([]);
  }, 60_000);
});

describe("migration hs_nomenclature", () => {
  it("keeps the headings seeded before it and gives them level, parent and section", async () => {
    const dir = path.resolve(__dirname, "..", "..", "..", "..", "prisma", "migrations");
    const migrations = readdirSync(dir).filter((name) => /^\d+_/.test(name)).sort();
    const index = migrations.findIndex((name) => name.endsWith("_hs_nomenclature"));
    const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const client = await db.pool.connect();
    try {
      // The migrations before it, in a schema of their own, then the old seed's headings and a record.
      await client.query("CREATE SCHEMA before_hs; SET search_path TO before_hs");
      for (const name of migrations.slice(0, index)) await client.query(sql(name));
      await client.query(`INSERT INTO commodity (hs_code, description) VALUES ('2701', 'Coal'), ('2709', 'Crude'), ('2710', 'Not crude'),
        ('2711', 'Gases'), ('2716', 'Electrical energy')`);
      await client.query(`INSERT INTO country (code, alpha3, numeric, name, official_name) VALUES ('AZ', 'AZE', '031', 'Azerbaijan', 'Azerbaijan'), ('IL', 'ISR', '376', 'Israel', 'Israel')`);
      await client.query(`INSERT INTO source (publisher, title) VALUES ('P', 'T')`);
      await client.query(`INSERT INTO export_record (exporter_code, importer_code, commodity_code, period, source_id)
        SELECT 'AZ', 'IL', '2709', DATE '2024-01-01', id FROM source`);
      await client.query(sql(migrations[index]!));
      const { rows } = await client.query("SELECT hs_code, description, level, parent_code, section_code FROM commodity ORDER BY hs_code");
      expect(rows).toEqual([
        { hs_code: "27", description: expect.stringMatching(/^Mineral fuels/), level: 2, parent_code: null, section_code: "V" },
        ...[
          ["2701", "Coal"],
          ["2709", "Crude"],
          ["2710", "Not crude"],
          ["2711", "Gases"],
          ["2716", "Electrical energy"],
        ].map(([hs_code, description]) => ({ hs_code, description, level: 4, parent_code: "27", section_code: "V" })),
      ]);
      expect((await client.query("SELECT count(*)::int AS n FROM export_record")).rows).toEqual([{ n: 1 }]);
      expect((await client.query("SELECT count(*)::int AS n FROM hs_section")).rows).toEqual([{ n: 21 }]);
    } finally {
      await client.query("RESET search_path; DROP SCHEMA IF EXISTS before_hs CASCADE");
      client.release();
    }
  }, 60_000);
});
