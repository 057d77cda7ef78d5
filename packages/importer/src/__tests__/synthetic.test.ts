import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { generateSynthetic, importExportRecords, loadSynthetic, removeSyntheticData, SYNTHETIC_PUBLISHER, syntheticSource, writeSyntheticCsv } from "../index";
import { mulberry32 } from "../synthetic/prng";

function digest(rows: number, seed: number): string {
  const hash = createHash("sha256");
  for (const row of generateSynthetic({ rows, seed })) hash.update(JSON.stringify(row));
  return hash.digest("hex");
}

describe("synthetic data", () => {
  it("is the same for the same seed and different for another", () => {
    expect(digest(5_000, 42)).toBe(digest(5_000, 42));
    expect(digest(5_000, 43)).not.toBe(digest(5_000, 42));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it("has exactly the rows asked for, one per exporter, importer, commodity and month, with a realistic shape", () => {
    const rows = [...generateSynthetic({ rows: 20_000, seed: 7 })];
    expect(rows).toHaveLength(20_000);
    expect(new Set(rows.map((r) => `${r.exporterCode} ${r.importerCode} ${r.commodityCode} ${r.period}`)).size).toBe(20_000);
    expect(new Set(rows.map((r) => r.exporterCode)).size).toBe(40);
    expect(new Set(rows.map((r) => r.period)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.commodityCode))).toEqual(new Set(["2701", "2709", "2710", "2711", "2716"]));
    expect(rows.filter((r) => r.exporterCode === r.importerCode)).toEqual([]);
    expect(rows.filter((r) => (r.quantityTonnes === null) !== (r.commodityCode === "2716"))).toEqual([]); // electricity has no tonnage

    // A few partners take most of an exporter's volume (Zipf-like), and gas peaks in winter.
    const saudiCrude = new Map<string, number>();
    for (const r of rows) if (r.exporterCode === "SA" && r.commodityCode === "2709") saudiCrude.set(r.importerCode, (saudiCrude.get(r.importerCode) ?? 0) + Number(r.quantityTonnes));
    const volumes = [...saudiCrude.values()].sort((a, b) => b - a);
    const total = volumes.reduce((a, b) => a + b, 0);
    expect(volumes.slice(0, 5).reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.5);
    const gas = (month: string) => rows.filter((r) => r.commodityCode === "2711" && r.period.endsWith(month)).reduce((a, r) => a + Number(r.quantityTonnes), 0);
    expect(gas("-01")).toBeGreaterThan(gas("-07"));
  });
});

describe("synthetic data in the database", () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "tradegraph-synthetic-"));
  const options = { rows: 3_000, seed: 1 };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (where: string) =>
    (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM export_record e JOIN source s ON s.id = e.source_id WHERE ${where}`)).rows[0]!.n;

  it("loads under a source marked synthetic, and a CSV written from the same seed imports to the same rows", async () => {
    const loaded = await loadSynthetic(db, options);
    expect(loaded).toMatchObject({ ok: true, read: 3_000, inserted: 3_000, source: { publisher: SYNTHETIC_PUBLISHER, title: "seed 1, 3000 rows", synthetic: true } });
    expect(await count("s.synthetic")).toBe(3_000);

    const file = path.join(dir, "synthetic.csv");
    expect(await writeSyntheticCsv(options, createWriteStream(file))).toBe(3_000);
    const imported = await importExportRecords(db, createReadStream(file), { fileName: file, source: syntheticSource(options) });
    expect(imported).toMatchObject({ ok: true, format: "csv", read: 3_000, inserted: 0, updated: 0, unchanged: 3_000 });
  }, 60_000);

  it("keeps synthetic and real data under separate sources", async () => {
    const summary = await importExportRecords(db, "exporter,importer,commodity,period,valueUsd\nAZ,IL,2709,2024-01,1\n", {
      source: { ...syntheticSource(options), synthetic: false },
    });
    expect(summary).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "SOURCE_CONFLICT" })] });
  });

  it("removes every synthetic row and source in one command, and nothing else", async () => {
    const real = await count("NOT s.synthetic");
    expect(real).toBeGreaterThan(0);
    expect(await removeSyntheticData(db)).toEqual({ rows: 3_000, sources: 1 });
    expect(await count("TRUE")).toBe(real);
    expect((await db.pool.query("SELECT 1 FROM source WHERE synthetic")).rowCount).toBe(0);
  });
});
