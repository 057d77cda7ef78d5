import { seedDatabase } from "../seed/seed";
import {
  apiKeyTable,
  commodityTable,
  countryTable,
  exportRecordTable,
  hsSectionTable,
  meetingParticipantTable,
  meetingTable,
  pgRun,
  prismaRun,
  reportFindingTable,
  reportSubjectTable,
  reportTable,
  sourceTable,
  writeExportRecords,
  type ExportRecordValues,
  type Table,
  type Columns,
} from "../sql";
import { createTestDatabase, type TestDatabase } from "../testing";

let db: TestDatabase;
let sourceId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.prisma);
  const source = await db.prisma.source.create({ data: { publisher: "Test fixtures", title: "sql descriptions", publishedOn: new Date("2024-02-16T00:00:00Z") } });
  sourceId = source.id;
}, 120_000);

afterAll(async () => {
  await db?.destroy();
});

const TABLES: Array<Table<Columns>> = [
  sourceTable,
  countryTable,
  hsSectionTable,
  commodityTable,
  exportRecordTable,
  meetingTable,
  meetingParticipantTable,
  reportTable,
  reportSubjectTable,
  reportFindingTable,
  apiKeyTable,
];

/**
 * Prisma's String[] columns (topics) are NULL-able in the database but never NULL: Prisma writes [] at least,
 * and the descriptions promise an array.
 */
const NEVER_NULL = new Set(["meeting.topics", "report.topics"]);

/** A column's type as PostgreSQL prints it, in the descriptions' spelling. */
const SPELLING: Record<string, string> = {
  "character(2)": "char(2)",
  "character(3)": "char(3)",
  "character(64)": "char(64)",
  "character varying(5)": "varchar(5)",
  "character varying(6)": "varchar(6)",
  "character varying(16)": "varchar(16)",
  "timestamp(3) with time zone": "timestamptz(3)",
};

describe("table descriptions", () => {
  it("cover every table of the database", async () => {
    const { rows } = await db.pool.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    expect(TABLES.map((table) => table.name).sort()).toEqual(rows.map((row) => row.name));
  });

  it.each(TABLES.map((table) => [table.name, table] as const))("%s: name, SQL type and nullability of every column match the migrations", async (name, table) => {
    const { rows } = await db.pool.query<{ name: string; type: string; nullable: boolean }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
       FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname`,
      [name],
    );
    const described = Object.values(table.spec)
      .map((column) => ({ name: column.name.replace(/"/g, ""), type: column.type, nullable: column.nullable }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const stored = rows.map((row) => ({
      name: row.name,
      type: SPELLING[row.type] ?? row.type,
      nullable: row.nullable && !NEVER_NULL.has(`${name}.${row.name}`),
    }));
    expect(described).toEqual(stored);
  });
});

describe("columns and decode", () => {
  it("select under the caller's alias and decode numbers, months and days", async () => {
    const { rows } = await db.pool.query(
      `SELECT ${exportRecordTable.columns("x").text} FROM ${exportRecordTable.from("x").text} WHERE ${exportRecordTable.column("x", "reportedRank").text} = 1`,
    );
    const row = exportRecordTable.decode(rows[0]!);
    expect(row).toMatchObject({ exporterCode: "AZ", importerCode: "IL", period: "2024-01", quantityTonnes: 523_500, valueUsd: 297_000_000 });
    expect(typeof row.id).toBe("number");
    expect(row.createdAt).toBeInstanceOf(Date);

    const [source] = (await db.pool.query(`SELECT ${sourceTable.columns("s").text} FROM ${sourceTable.from("s").text} WHERE s.id = $1`, [sourceId])).rows;
    expect(sourceTable.decode(source!).publishedOn).toEqual(new Date("2024-02-16T00:00:00Z"));
  });

  it("refuse an alias that is not a plain identifier", () => {
    expect(() => exportRecordTable.columns("er; DROP TABLE x")).toThrow(/not a plain lower-case SQL alias/);
  });
});

const flow = (overrides: Partial<ExportRecordValues> = {}): ExportRecordValues => ({
  exporterCode: "NO",
  importerCode: "DE",
  commodityCode: "2711",
  frequency: "MONTHLY",
  period: "2020-01",
  reporterCode: "NO",
  flow: "EXPORT",
  quantityTonnes: "10.500",
  valueUsd: 2000.25,
  quantityApproximate: false,
  valueApproximate: false,
  quantityEstimated: false,
  valueEstimated: false,
  reportedRank: null,
  ...overrides,
});

describe("writeExportRecords", () => {
  it("upserts by natural key and rewrites a row only when a figure differs", async () => {
    const run = pgRun(db.pool);
    const first = await writeExportRecords(run, [flow(), flow({ importerCode: "FR" })], { mode: "upsert", sourceId, actor: "a", returning: true });
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(first.rows[0]).toMatchObject({ period: "2020-01", quantityTonnes: 10.5, valueUsd: 2000.25, createdBy: "a", updatedBy: "a" });

    const again = await writeExportRecords(run, [flow()], { mode: "upsert", sourceId, actor: "b", returning: true });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(again.rows[0]).toMatchObject({ id: first.rows[0]!.id, updatedBy: "a", updatedAt: first.rows[0]!.updatedAt });

    const dry = await writeExportRecords(run, [flow({ valueUsd: 1 }), flow({ importerCode: "IT" })], { mode: "compare", sourceId, actor: null });
    expect(dry).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, rows: [] });

    const changed = await writeExportRecords(run, [flow({ valueUsd: 1 })], { mode: "upsert", sourceId, actor: "c" });
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const stored = await db.prisma.exportRecord.findUniqueOrThrow({ where: { id: first.rows[0]!.id } });
    expect(stored).toMatchObject({ createdBy: "a", updatedBy: "c" });
    expect(Number(stored.valueUsd)).toBe(1);
  });

  it("updates one row by id inside a Prisma transaction, and only when something differs", async () => {
    await db.prisma.$transaction(async (tx) => {
      const run = prismaRun(tx);
      const [created] = (await writeExportRecords(run, [flow({ period: "2020-02" })], { mode: "insert", sourceId, actor: "a", returning: true })).rows;
      const moved = await writeExportRecords(run, [flow({ period: "2020-03" })], { mode: "update", id: created!.id, sourceId, actor: "b", returning: true });
      expect(moved).toMatchObject({ updated: 1, unchanged: 0, rows: [expect.objectContaining({ id: created!.id, period: "2020-03", updatedBy: "b" })] });
      const same = await writeExportRecords(run, [flow({ period: "2020-03" })], { mode: "update", id: created!.id, sourceId, actor: "c" });
      expect(same).toMatchObject({ updated: 0, unchanged: 1, rows: [expect.objectContaining({ updatedBy: "b" })] });
      // Figures compare at the column's scale: 10.5004 t is the stored 10.500 t.
      const rounded = await writeExportRecords(run, [flow({ period: "2020-03", quantityTonnes: 10.5004 })], { mode: "update", id: created!.id, sourceId, actor: "c" });
      expect(rounded).toMatchObject({ updated: 0, unchanged: 1 });
    });
  });

  it("keeps both sides of a mirror pair and an annual figure beside the monthly ones", async () => {
    const run = pgRun(db.pool);
    const mirror = flow({ period: "2021-05", reporterCode: "DE", flow: "IMPORT", valueUsd: 2100 });
    const annual = flow({ frequency: "ANNUAL", period: "2021" });
    const written = await writeExportRecords(run, [flow({ period: "2021-05" }), mirror, annual], { mode: "upsert", sourceId, actor: "a", returning: true });
    expect(written).toMatchObject({ inserted: 3, updated: 0 });
    expect(written.rows.map((r) => [r.frequency, r.period, r.reporterCode, r.flow])).toEqual([
      ["MONTHLY", "2021-05", "NO", "EXPORT"],
      ["MONTHLY", "2021-05", "DE", "IMPORT"],
      ["ANNUAL", "2021", "NO", "EXPORT"],
    ]);
    const again = await writeExportRecords(run, [mirror, annual], { mode: "upsert", sourceId, actor: "b" });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it("refuses a reporter that is not the side declaring the flow, and an annual period that is not a year", async () => {
    const run = pgRun(db.pool);
    await expect(writeExportRecords(run, [flow({ period: "2022-01", reporterCode: "DE" })], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23514",
      constraint: "export_record_reporter_check",
    });
    await expect(writeExportRecords(run, [flow({ frequency: "ANNUAL", period: "2022-03" })], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23514",
      constraint: "export_record_annual_period_is_year",
    });
  });

  it("keeps a value in its own currency, CIF and FOB values and the supplementary quantity; USD totals see USD only", async () => {
    const run = pgRun(db.pool);
    const eur = flow({ period: "2023", frequency: "ANNUAL", reporterCode: "DE", flow: "IMPORT", valueUsd: null, value: 6800, currency: "EUR", cifValue: 6800 });
    const usd = flow({ period: "2023-04", fobValue: 1990, supplementaryQuantity: 12, supplementaryUnit: "u", supplementaryQuantityEstimated: true });
    const written = await writeExportRecords(run, [eur, usd], { mode: "upsert", sourceId, actor: "a", returning: true });
    expect(written.rows.map((r) => [r.currency, r.value, r.valueUsd, r.cifValue, r.fobValue, r.supplementaryQuantity, r.supplementaryUnit, r.supplementaryQuantityEstimated])).toEqual([
      ["EUR", 6800, null, 6800, null, null, null, false],
      // valueUsd given alone is the USD value.
      ["USD", 2000.25, 2000.25, null, 1990, 12, "u", true],
    ]);
    expect(await writeExportRecords(run, [eur, usd], { mode: "upsert", sourceId, actor: "b" })).toMatchObject({ unchanged: 2 });
    expect(await writeExportRecords(run, [{ ...eur, cifValue: 6801 }], { mode: "upsert", sourceId, actor: "b" })).toMatchObject({ updated: 1 });
  });

  it("refuses a USD figure in another currency, a negative value and a lower-case currency", async () => {
    const run = pgRun(db.pool);
    await expect(writeExportRecords(run, [flow({ period: "2022-05", value: 10, currency: "EUR" })], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23514",
      constraint: "export_record_value_usd_check",
    });
    await expect(writeExportRecords(run, [flow({ period: "2022-05", valueUsd: null, value: -1, currency: "EUR" })], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23514",
      constraint: "export_record_values_not_negative",
    });
    await expect(writeExportRecords(run, [flow({ period: "2022-05", valueUsd: null, value: 1, currency: "eur" })], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23514",
      constraint: "export_record_currency_check",
    });
  });

  it("keeps the natural key unique: an insert of an existing key fails", async () => {
    await expect(writeExportRecords(pgRun(db.pool), [flow()], { mode: "insert", sourceId, actor: "a" })).rejects.toMatchObject({
      code: "23505",
      constraint: "export_record_natural_key",
    });
  });
});
