import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { ImportOptionError, importExportRecords, type ImportOptions, type RejectedRow } from "../index";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
}, 120_000);

afterAll(async () => {
  await db?.destroy();
});

// On PostgreSQL imports COPY; on the embedded database (no DATABASE_URL) they take the batched writer.
const DEFAULT_WRITER = process.env.DATABASE_URL ? "copy" : "batched";
const WRITERS = process.env.DATABASE_URL ? (["copy", "batched"] as const) : (["batched"] as const);

const fixture = (name: string) => path.join(__dirname, "fixtures", name);
const SOURCE = { publisher: "Test ministry", title: "Crude exports" };

function importFile(name: string, options: ImportOptions = {}) {
  return importExportRecords(db, createReadStream(fixture(name)), { fileName: name, ...options });
}

async function count(where = "TRUE"): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM export_record e JOIN source s ON s.id = e.source_id WHERE ${where}`);
  return rows[0]!.n;
}

async function flows(title: string) {
  const { rows } = await db.pool.query(
    `SELECT exporter_code || '>' || importer_code AS flow, commodity_code AS hs, to_char(period, 'YYYY-MM') AS period,
            quantity_tonnes::text AS tonnes, value_usd::text AS usd, quantity_estimated AS qe, value_approximate AS va,
            reported_rank AS rank, e.created_by
       FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.title = $1 ORDER BY 1, 2, 3, e.flow`,
    [title],
  );
  return rows;
}

describe("UN Comtrade files", () => {
  it("import exports (X), re-exports (RX) and imports (M) in tonnes, and skip and count World, areas and breakdowns", async () => {
    const summary = await importFile("comtrade-2024-01.csv", { actor: "test" });
    expect(summary).toMatchObject({
      ok: true,
      format: "comtrade",
      source: { publisher: "UN Comtrade", title: "Comtrade database", synthetic: false },
      read: 10,
      inserted: 5,
      written: 5,
      skipped: 5,
      skippedBy: { world: 2, notCountry: 2, breakdown: 1 },
      skippedCodes: { "partner W00": 2, "partner _X": 1, "partner X1": 1, "motCode 9": 1 },
      rejected: 0,
      errorCount: 0,
    });
    expect(await flows("Comtrade database")).toEqual([
      { flow: "AZ>GE", hs: "2710", period: "2024-01", tonnes: "41250.500", usd: "30100000.00", qe: true, va: false, rank: null, created_by: "test" },
      // The re-export (RX) of the same product to the same partner: its own observation beside the export.
      { flow: "AZ>GE", hs: "2710", period: "2024-01", tonnes: "3000.000", usd: "2100000.00", qe: false, va: false, rank: null, created_by: "test" },
      { flow: "AZ>IL", hs: "2709", period: "2024-01", tonnes: "523500.000", usd: "297000000.00", qe: false, va: false, rank: null, created_by: "test" },
      { flow: "AZ>IT", hs: "2709", period: "2024-01", tonnes: "1210000.000", usd: "688500000.50", qe: false, va: false, rank: null, created_by: "test" },
      // Italy's import from Kazakhstan, reported by Italy (flow M): stored as KZ → IT.
      { flow: "KZ>IT", hs: "2709", period: "2024-01", tonnes: "1480000.000", usd: "864300000.00", qe: false, va: false, rank: null, created_by: "test" },
    ]);
  }, 30_000);

  it("change nothing when the same file is imported again", async () => {
    const before = await db.pool.query("SELECT id, updated_at FROM export_record ORDER BY id");
    const again = await importFile("comtrade-2024-01.csv", { actor: "someone else" });
    expect(again).toMatchObject({ ok: true, read: 10, inserted: 0, updated: 0, written: 0, unchanged: 5, skipped: 5 });
    expect((await db.pool.query("SELECT id, updated_at FROM export_record ORDER BY id")).rows).toEqual(before.rows);
  });

  it("update only the rows whose figures changed", async () => {
    const content = readFileSync(fixture("comtrade-2024-01.csv"), "utf8").replace("688500000.5,688500000.5", "690000000,690000000");
    const summary = await importExportRecords(db, content, { fileName: "comtrade-2024-01.csv", actor: "corrector" });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    expect((await flows("Comtrade database")).find((f) => f.flow === "AZ>IT")).toMatchObject({ usd: "690000000.00", created_by: "test" });
    const { rows } = await db.pool.query("SELECT updated_by FROM export_record WHERE value_usd = 690000000");
    expect(rows).toEqual([{ updated_by: "corrector" }]);
  });

  it("write nothing when a row is bad (strict), and say which rows and why", async () => {
    const before = await count();
    const summary = await importFile("comtrade-bad.csv");
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({ line: 2, field: "cmdCode", code: "UNKNOWN_COMMODITY" }),
      expect.objectContaining({ line: 3, field: "period", code: "INVALID_PERIOD" }),
      expect.objectContaining({ line: 4, field: "netWgt", code: "INVALID_QUANTITY" }),
    ]);
    expect(summary).toMatchObject({ inserted: 0, written: 0, rejected: 3, errorCount: 3 });
    expect(await count()).toBe(before);
    expect((await db.pool.query("SELECT 1 FROM source WHERE title = 'comtrade-bad.csv'")).rowCount).toBe(0);
  });

  it("update one UN Comtrade source, so two overlapping downloads converge on the one-file totals", async () => {
    // January–February and February–March of Uzbekistan's exports: February is in both, with the same figures.
    const header = "freqCode,reporterISO,partnerISO,flowCode,cmdCode,period,netWgt,primaryValue,cifvalue,fobvalue,qtyUnitAbbr,qty";
    const q1 = [
      header,
      "M,UZB,ITA,X,2709,202401,600000000,300000000,,300000000,kg,600000000",
      "M,UZB,ITA,X,2709,202402,500000000,250000000,,250000000,kg,500000000",
      "M,ITA,UZB,M,2709,202402,510000000,260000000,260000000,255000000,kg,510000000",
    ].join("\n");
    const q2 = [
      header,
      "M,UZB,ITA,X,2709,202402,500000000,250000000,,250000000,kg,500000000",
      "M,ITA,UZB,M,2709,202402,510000000,260000000,260000000,255000000,kg,510000000",
      "M,UZB,ITA,X,2709,202403,400000000,200000000,,200000000,kg,400000000",
      "A,UZB,ITA,X,2709,2024,9000000000,4500000000,,4500000000,kg,9000000000",
    ].join("\n");
    const totals = async () =>
      (
        await db.pool.query(
          `SELECT count(*)::int AS n, sum(quantity_tonnes)::text AS tonnes, sum(value_usd)::text AS usd, sum(value)::text AS value,
                  sum(cif_value)::text AS cif, sum(fob_value)::text AS fob, sum(supplementary_quantity)::text AS qty, count(DISTINCT source_id)::int AS sources
             FROM export_record WHERE exporter_code = 'UZ' OR importer_code = 'UZ'`,
        )
      ).rows[0];
    // One file holding every row once: 600,000 + 500,000 + 510,000 + 400,000 t monthly, 9,000,000 t annual.
    const oneFile = {
      n: 5,
      tonnes: "11010000.000",
      usd: "5510000000.00",
      value: "5510000000.00",
      cif: "260000000.00",
      fob: "5505000000.00",
      qty: "11010000000.000",
      sources: 1,
    };
    expect(await importExportRecords(db, q1, { fileName: "uz-q1.csv" })).toMatchObject({ ok: true, inserted: 3 });
    expect(await importExportRecords(db, q2, { fileName: "uz-2024.csv" })).toMatchObject({ ok: true, inserted: 2, unchanged: 2 });
    expect(await totals()).toEqual(oneFile);
    expect(await importExportRecords(db, q2, { fileName: "uz-2024.csv" })).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 4 });
    expect(await importExportRecords(db, q1, { fileName: "uz-q1.csv" })).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 3 });
    expect(await totals()).toEqual(oneFile);
  });
});

describe("Comtrade quantities and values", () => {
  /** The stored rows of a source, with every figure of the Comtrade mapping. */
  async function observations(title: string) {
    const { rows } = await db.pool.query(
      `SELECT e.frequency || ' ' || (CASE WHEN e.frequency = 'ANNUAL' THEN to_char(period, 'YYYY') ELSE to_char(period, 'YYYY-MM') END) AS period,
              exporter_code || '>' || importer_code AS flow, e.flow AS declared, reporter_code AS reporter, commodity_code AS hs,
              quantity_tonnes::text AS tonnes, quantity_estimated AS qe, value::text AS value, currency, value_usd::text AS usd,
              cif_value::text AS cif, fob_value::text AS fob, supplementary_quantity::text AS qty, supplementary_unit AS unit,
              supplementary_quantity_estimated AS "qtyE"
         FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.title = $1 ORDER BY 1, 2, 5, 3`,
      [title],
    );
    return rows.map((r) => Object.values(r).join(" | "));
  }

  // Columns: period | flow | declared | reporter | hs | tonnes | qe | value | currency | usd | cif | fob | qty | unit | qtyE
  const STORED = [
    "ANNUAL 2023 | AZ>IT | EXPORT | AZ | 2709 | 14200000.000 | false | 8100000000.00 | USD | 8100000000.00 |  | 8100000000.00 | 14200000000.000 | kg | false",
    // The mirror: Italy's import from Azerbaijan, CIF at Italy's border, beside Azerbaijan's export.
    "ANNUAL 2023 | AZ>IT | IMPORT | IT | 2709 | 14350000.000 | false | 8310000000.00 | USD | 8310000000.00 | 8310000000.00 | 8150000000.00 | 14350000000.000 | kg | false",
    // Georgia's import of sawn wood in cubic metres; of water with no quantity unit (N/A): no supplementary quantity.
    "MONTHLY 2024-01 | AZ>GE | IMPORT | GE | 2201 | 250.000 | false | 50000.00 | USD | 50000.00 | 50000.00 |  |  |  | false",
    "MONTHLY 2024-01 | AZ>GE | IMPORT | GE | 4407 | 510.300 | false | 96000.00 | USD | 96000.00 | 96000.00 | 91000.00 | 850.500 | m³ | false",
    // A re-export of 120 cars (units, estimated).
    "MONTHLY 2024-01 | AZ>GE | RE_EXPORT | AZ | 8703 | 180.000 | false | 2400000.00 | USD | 2400000.00 |  | 2400000.00 | 120.000 | u | true",
    // One flow at three HS levels, and its mirror.
    "MONTHLY 2024-01 | AZ>IT | EXPORT | AZ | 27 | 1300000.000 | false | 760000000.00 | USD | 760000000.00 |  | 760000000.00 | 1300000000.000 | kg | false",
    "MONTHLY 2024-01 | AZ>IT | EXPORT | AZ | 2709 | 1210000.000 | false | 688500000.00 | USD | 688500000.00 |  | 688500000.00 | 1210000000.000 | kg | false",
    "MONTHLY 2024-01 | AZ>IT | IMPORT | IT | 2709 | 1215000.000 | true | 702400000.25 | USD | 702400000.25 | 702400000.25 | 690000000.00 | 1215000000.000 | kg | true",
    "MONTHLY 2024-01 | AZ>IT | EXPORT | AZ | 270900 | 1210000.000 | false | 688500000.00 | USD | 688500000.00 |  | 688500000.00 | 1210000000.000 | kg | false",
  ];

  it.each(["strict", "lenient"] as const)(
    "store every row of a file with annual and monthly rows, HS levels, a mirror pair, a re-export and units (%s), and change nothing the second time",
    async (mode) => {
      const source = { publisher: "UN Comtrade", title: `comtrade-observations ${mode}` };
      const summary = await importFile("comtrade-observations.csv", { source, mode });
      expect(summary).toMatchObject({ ok: true, read: 9, inserted: 9, skipped: 0, rejected: 0, errorCount: 0 });
      expect(await observations(source.title)).toEqual(STORED);
      expect(await importFile("comtrade-observations.csv", { source, mode })).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 9 });
      expect(await observations(source.title)).toEqual(STORED);
    },
  );

  it("refuse a quantity without a unit, a negative CIF value and a bad flag, saying where", async () => {
    const header = "reporterISO,partnerISO,flowCode,cmdCode,period,netWgt,primaryValue,cifvalue,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated";
    const file = [
      header,
      "AZE,ITA,X,2709,202401,1000,500,,-1,N/A,12,False",
      "AZE,ITA,X,2709,202402,1000,500,-3,8,kg,1000,False",
      "AZE,ITA,X,2709,202403,1000,500,,5,u,12,maybe",
      "AZE,ITA,X,2709,202404,1000,500,,5,u,-2,False",
    ].join("\n");
    const summary = await importExportRecords(db, file, { fileName: "bad-quantities.csv", mode: "lenient" });
    expect(summary.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [2, "MISSING_UNIT", "qtyUnitAbbr"],
      [3, "INVALID_AMOUNT", "cifvalue"],
      [4, "INVALID_FLAG", "isQtyEstimated"],
      [5, "INVALID_QUANTITY", "qty"],
    ]);
    expect(summary).toMatchObject({ inserted: 0, rejected: 4 });
  });
});

describe("HS levels", () => {
  it("import 2-, 4- and 6-digit codes of the nomenclature, the same flow at several levels included", async () => {
    const summary = await importFile("comtrade-levels.csv", { source: { publisher: "UN Comtrade", title: "comtrade-levels.csv" } });
    expect(summary).toMatchObject({ ok: true, read: 4, inserted: 4, rejected: 0, errorCount: 0 });
    expect((await flows("comtrade-levels.csv")).map((f) => [f.flow, f.hs, f.tonnes])).toEqual([
      ["AZ>IT", "27", "1300000.000"],
      ["AZ>IT", "2709", "1210000.000"],
      ["AZ>IT", "270900", "1210000.000"],
      ["AZ>TR", "080222", "2000.000"],
    ]);
  });
});

describe("native files", () => {
  it("import CSV with quoted commas and line breaks, alpha-3 codes and flags", async () => {
    const summary = await importFile("native.csv", { source: { publisher: "Native", title: "csv" } });
    expect(summary).toMatchObject({ ok: true, format: "csv", read: 5, inserted: 5, errorCount: 0 });
    expect(await flows("csv")).toEqual([
      expect.objectContaining({ flow: "AZ>IL", tonnes: "523500.000", usd: "297000000.00", va: true, rank: 1 }),
      expect.objectContaining({ flow: "AZ>IT", tonnes: "1210000.500", usd: "688500000.50", va: true, rank: 2 }),
      expect.objectContaining({ flow: "AZ>TH", tonnes: null, usd: "150000000.00", va: true }),
      expect.objectContaining({ flow: "KZ>IT", period: "2024-02" }),
      expect.objectContaining({ flow: "NO>DE", hs: "2711", tonnes: "3100000.125", qe: true }),
    ]);
  });

  it("import JSON Lines and JSON arrays to the same rows", async () => {
    const jsonl = await importFile("native.jsonl", { source: { publisher: "Native", title: "json" } });
    expect(jsonl).toMatchObject({ ok: true, format: "json", read: 2, inserted: 2 });
    const array = await importFile("native.json", { source: { publisher: "Native", title: "json" } });
    expect(array).toMatchObject({ ok: true, format: "json", read: 2, inserted: 0, unchanged: 2 });
  });

  it("read a byte-order mark and CRLF line ends", async () => {
    const summary = await importFile("bom.csv", { source: { publisher: "Native", title: "bom" } });
    expect(summary).toMatchObject({ ok: true, read: 2, inserted: 2 });
  });

  it("list every bad row in strict mode and write nothing", async () => {
    const before = await count();
    const summary = await importFile("bad-rows.csv", { source: SOURCE });
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, "UNKNOWN_COUNTRY", "importer"],
      [4, "UNKNOWN_COMMODITY", "commodity"],
      [5, "INVALID_PERIOD", "period"],
      [6, "INVALID_QUANTITY", "quantityTonnes"],
      [7, "INVALID_AMOUNT", "valueUsd"],
      [8, "SAME_COUNTRY", "importer"],
      [9, "MISSING_FIGURES", "quantityTonnes"],
      [10, "INVALID_FLAG", "flags"],
      [11, "INVALID_RANK", "reportedRank"],
      [13, "COLUMN_COUNT", undefined],
    ]);
    expect(summary.errors.find((e) => e.code === "COLUMN_COUNT")?.message).toContain("4 of the header's 8 columns");
    expect(await count()).toBe(before);
  });

  it("write the good rows and hand over the bad ones in lenient mode", async () => {
    const rejects: RejectedRow[] = [];
    const summary = await importFile("bad-rows.csv", { source: SOURCE, mode: "lenient", onReject: (row) => void rejects.push(row) });
    expect(summary).toMatchObject({ ok: true, read: 12, inserted: 2, rejected: 10, errorCount: 10 });
    expect(await count(`s.title = '${SOURCE.title}'`)).toBe(2);
    expect(rejects).toHaveLength(10);
    expect(rejects[0]).toEqual({
      line: 3,
      field: "importer",
      code: "UNKNOWN_COUNTRY",
      message: expect.stringContaining('"XX"'),
      raw: "AZ,XX,2709,2024-01,100,200,,",
    });
    expect(rejects.at(-1)).toMatchObject({ line: 13, code: "COLUMN_COUNT", raw: "AZ,GE,2710,2024-0" });
  });

  // The COPY path finds duplicates once, set-wise, after the last row; the batched one per batch of `batchSize`.
  it.each([...WRITERS.map((writer) => [writer, 10_000] as const), ["batched", 2] as const])("reject later rows for a natural key already given (%s writer, batches of %d)", async (writer, batchSize) => {
    const rejects: RejectedRow[] = [];
    const source = { publisher: "Duplicates", title: `${writer} ${batchSize}` };
    const strict = await importFile("duplicates.csv", { source, batchSize, writer });
    expect(strict).toMatchObject({ ok: false, writer, inserted: 0, rejected: 2 });
    expect(strict.errors.map((e) => [e.line, e.code])).toEqual([
      [4, "DUPLICATE_KEY"],
      [6, "DUPLICATE_KEY"],
    ]);
    expect(strict.errors[0]!.message).toBe("AZ → IL, 2709, 2024-01 is already on line 2: a file may give each exporter, importer, commodity and month once.");
    expect(await count(`s.title = '${source.title}'`)).toBe(0);

    const lenient = await importFile("duplicates.csv", { source, batchSize, writer, mode: "lenient", onReject: (row) => void rejects.push(row) });
    expect(lenient).toMatchObject({ ok: true, read: 5, inserted: 3, rejected: 2 });
    expect(rejects.map((r) => [r.line, r.code, r.raw])).toEqual([
      [4, "DUPLICATE_KEY", "AZE,ISR,2709,202401,523400,296000000,,"],
      [6, "DUPLICATE_KEY", "AZ,IT,2709,2024-01,1,2,,"],
    ]);
    // The first occurrence wins.
    expect((await flows(source.title)).find((f) => f.flow === "AZ>IL")).toMatchObject({ tonnes: "523500.000" });
  });

  // The COPY path reads the duplicates back from PostgreSQL a page of DUPLICATE_PAGE at a time: more than one page here.
  it.each(WRITERS)("hand over every one of 10,009 duplicates of one row, in line order (%s writer)", async (writer) => {
    const content = ["exporter,importer,commodity,period,quantityTonnes,valueUsd", ...Array.from({ length: 10_010 }, () => "AZ,IL,2709,2024-01,1,2")].join("\n");
    const rejects: RejectedRow[] = [];
    const source = { publisher: "Duplicates", title: `many ${writer}` };
    const summary = await importExportRecords(db, content, { format: "csv", source, writer, mode: "lenient", onReject: (row) => void rejects.push(row) });
    expect(summary).toMatchObject({ ok: true, read: 10_010, inserted: 1, rejected: 10_009, errorCount: 10_009 });
    expect(summary.errors).toHaveLength(100);
    expect(rejects.map((r) => r.line)).toEqual(Array.from({ length: 10_009 }, (_, i) => i + 3));
    expect(new Set(rejects.map((r) => r.code))).toEqual(new Set(["DUPLICATE_KEY"]));
    expect(rejects.at(-1)!.message).toContain("is already on line 2");
  });

  it("list duplicates and other bad rows together, by line, and write nothing in strict mode", async () => {
    const content = [
      "exporter,importer,commodity,period,quantityTonnes,valueUsd",
      "AZ,IL,2709,2024-01,1,2",
      "AZ,IL,2709,2024-01,1,2", // 3: duplicate of 2
      "AZ,XX,2709,2024-01,1,2", // 4: unknown country
      "AZ,IT,2799,2024-01,1,2", // 5: unknown commodity
      "AZ,IL,2709,2024-01,3,4", // 6: duplicate of 2
      "AZ,GE,2709,2024-01,1,2",
    ].join("\n");
    const source = { publisher: "Mixed", title: "errors by line" };
    const summary = await importExportRecords(db, content, { format: "csv", source });
    expect(summary).toMatchObject({ ok: false, read: 6, inserted: 0, rejected: 4, errorCount: 4 });
    expect(summary.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "DUPLICATE_KEY"],
      [4, "UNKNOWN_COUNTRY"],
      [5, "UNKNOWN_COMMODITY"],
      [6, "DUPLICATE_KEY"],
    ]);
    expect(summary.errors[2]!.message).toMatch(/^commodity "2799" is not in the commodity table \(known: /);
    expect(await count(`s.title = '${source.title}'`)).toBe(0);
  });

  it("rewrite only changed rows when a file is imported again, inserting the new ones", async () => {
    const source = { publisher: "Merge", title: "changed rows" };
    const header = "exporter,importer,commodity,period,quantityTonnes,valueUsd,flags,reportedRank";
    const first = [header, "AZ,IL,2709,2024-01,10,20,,", "AZ,IT,2709,2024-01,30,40,,1", "KZ,IT,2709,2024-01,50,,,"].join("\n");
    expect(await importExportRecords(db, first, { format: "csv", source, actor: "first" })).toMatchObject({ ok: true, writer: DEFAULT_WRITER, inserted: 3 });
    const stamps = async () => (await db.pool.query(`SELECT e.id, e.updated_at, e.updated_by FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.title = $1 ORDER BY e.id`, [source.title])).rows;
    const before = await stamps();
    // Same AZ>IL; AZ>IT gains a flag; KZ>IT gets a value; a new row.
    const second = [header, "AZ,IL,2709,2024-01,10,20,,", "AZ,IT,2709,2024-01,30,40,valueEstimated,1", "KZ,IT,2709,2024-01,50,60,,", "AZ,GE,2709,2024-01,1,,,"].join("\n");
    const again = await importExportRecords(db, second, { format: "csv", source, actor: "second" });
    expect(again).toMatchObject({ ok: true, read: 4, inserted: 1, updated: 2, unchanged: 1, written: 3 });
    const after = await stamps();
    expect(after[0]).toEqual(before[0]); // the unchanged row is not rewritten
    expect(after.slice(1).map((r) => r.updated_by)).toEqual(["second", "second", "second"]);
    expect(await importExportRecords(db, second, { format: "csv", source, dryRun: true })).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 4 });
  });

  it("serialise concurrent imports into one source: both succeed and each row is stored once", async () => {
    const source = { publisher: "Concurrent", title: "one source" };
    const header = "exporter,importer,commodity,period,quantityTonnes,valueUsd";
    const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `AZ,IT,2709,2023-${String(from + i).padStart(2, "0")},${from + i},1`);
    const a = [header, ...months(1, 8)].join("\n");
    const b = [header, ...months(5, 12).reverse()].join("\n"); // overlaps a in 05–08, in the opposite order
    // The source exists, so both upsert (a new source would make the second wait for the first's source row).
    expect(await importExportRecords(db, [header, "AZ,IT,2709,2022-12,1,1"].join("\n"), { format: "csv", source })).toMatchObject({ ok: true, inserted: 1 });
    const [first, second] = await Promise.all([importExportRecords(db, a, { format: "csv", source }), importExportRecords(db, b, { format: "csv", source })]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(first.inserted + second.inserted).toBe(12);
    expect(first.unchanged + second.unchanged).toBe(4);
    expect(await count(`s.title = '${source.title}'`)).toBe(13);
  });

  it.each([
    ["empty.csv", "EMPTY_FILE", 1],
    ["header-only.csv", "EMPTY_FILE", 1],
    ["semicolons.csv", "WRONG_DELIMITER", 1],
    ["missing-column.csv", "MISSING_COLUMN", 1],
  ])("refuse %s with %s, even in lenient mode", async (name, code, line) => {
    const before = await count();
    const summary = await importFile(name, { source: SOURCE, mode: "lenient" });
    expect(summary).toMatchObject({ ok: false, inserted: 0, errorCount: 1, errors: [expect.objectContaining({ code, line })] });
    expect(await count()).toBe(before);
  });

  it("explain a wrong delimiter and a missing column", async () => {
    expect((await importFile("semicolons.csv", { source: SOURCE })).errors[0]!.message).toMatch(/separated by semicolons/);
    expect((await importFile("missing-column.csv", { source: SOURCE })).errors[0]).toMatchObject({ field: "commodity", message: expect.stringContaining("lacks column commodity") });
  });

  it("report a last line cut inside a quote", async () => {
    const summary = await importFile("truncated.csv", { source: SOURCE, mode: "lenient" });
    expect(summary).toMatchObject({ ok: true, read: 2, rejected: 1, errors: [expect.objectContaining({ line: 3, code: "CSV_SYNTAX" })] });
  });

  it("reject unknown JSON keys and lines that are not JSON", async () => {
    const content = '{"exporter":"AZ","importer":"IL","commodity":"2709","period":"2024-05","valueEur":1}\nnot json\n';
    const summary = await importExportRecords(db, content, { format: "json", source: SOURCE });
    expect(summary.errors.map((e) => [e.line, e.code])).toEqual([
      [1, "UNKNOWN_COLUMN"],
      [2, "INVALID_JSON"],
    ]);
  });

  it("read the value in its currency, CIF/FOB values and supplementary quantities, and say which line is wrong and why", async () => {
    const file = [
      "exporter,importer,commodity,frequency,flow,period,quantityTonnes,value,currency,valueUsd,cifValue,fobValue,supplementaryQuantity,supplementaryUnit,flags",
      "AZ,IT,2709,ANNUAL,IMPORT,2023,11300000,6800000000,EUR,,6800000000,,,,quantityApproximate|valueApproximate",
      "AZ,GE,8703,MONTHLY,RE_EXPORT,2024-02,180,,,2400000,,2400000,120,u,supplementaryQuantityEstimated",
      "AZ,DE,2709,ANNUAL,IMPORT,2023,1200000,750300000,EUR,750300000,,,,,",
      "AZ,ES,2709,ANNUAL,IMPORT,2023,1400000,-1,EUR,,,,,,",
      "AZ,HR,2709,ANNUAL,IMPORT,2023,1150000,699200000,euro,,,,,,",
      "AZ,GR,2709,ANNUAL,IMPORT,2023,529600,309400000,EUR,,,,,l,",
    ].join("\n");
    const source = { publisher: "Test statistics office", title: "values in currencies" };
    const summary = await importExportRecords(db, file, { format: "csv", source, mode: "lenient" });
    expect(summary.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [4, "CURRENCY_MISMATCH", "valueUsd"],
      [5, "INVALID_AMOUNT", "value"],
      [6, "INVALID_CURRENCY", "currency"],
      [7, "UNIT_WITHOUT_QUANTITY", "supplementaryUnit"],
    ]);
    expect(summary).toMatchObject({ inserted: 2, rejected: 4 });
    const { rows } = await db.pool.query(
      `SELECT importer_code AS importer, value::text, currency, value_usd::text AS usd, cif_value::text AS cif, fob_value::text AS fob,
              supplementary_quantity::text AS qty, supplementary_unit AS unit, supplementary_quantity_estimated AS "qtyE", value_approximate AS va
         FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.title = $1 ORDER BY 1`,
      [source.title],
    );
    expect(rows).toEqual([
      { importer: "GE", value: "2400000.00", currency: "USD", usd: "2400000.00", cif: null, fob: "2400000.00", qty: "120.000", unit: "u", qtyE: true, va: false },
      // EUR stays EUR: no USD figure is invented.
      { importer: "IT", value: "6800000000.00", currency: "EUR", usd: null, cif: "6800000000.00", fob: null, qty: null, unit: null, qtyE: false, va: true },
    ]);
  });

  it("count without writing in a dry run", async () => {
    const before = await count();
    const summary = await importFile("native.csv", { source: { publisher: "Native", title: "dry run" }, dryRun: true });
    expect(summary).toMatchObject({ ok: true, dryRun: true, read: 5, inserted: 5, updated: 0 });
    expect(await count()).toBe(before);
    expect((await db.pool.query("SELECT 1 FROM source WHERE title = 'dry run'")).rowCount).toBe(0);
    const existing = await importFile("native.csv", { source: { publisher: "Native", title: "csv" }, dryRun: true });
    expect(existing).toMatchObject({ inserted: 0, unchanged: 5 });
  });

  it("stop at maxRows", async () => {
    const summary = await importFile("native.csv", { source: SOURCE, maxRows: 3 });
    expect(summary).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "TOO_MANY_ROWS", line: 6 })] });
  });

  it("need a source for native files", async () => {
    const failure = importFile("native.csv");
    await expect(failure).rejects.toBeInstanceOf(ImportOptionError);
    await expect(failure).rejects.toMatchObject({ code: "SOURCE_REQUIRED", message: expect.stringMatching(/source is required/) });
  });
});
