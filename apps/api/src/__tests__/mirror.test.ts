/**
 * Mirror comparison (mirrorFlows), every observation of a flow (flowObservations) and honest shares
 * (topPartners.total) over real PostgreSQL and HTTP. Kazakhstan's (KZ) oil to Italy, Germany and France, and
 * Nigeria's (NG) buyers as sources rank them; every expected figure is worked out by hand from the rows below.
 */
import { periodToDate } from "@tradegraph/domain";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;

type Source = "kzStat" | "kzMinistry" | "itCustoms" | "eurostat" | "old" | "ranking";
interface Row {
  exporter?: string;
  importer: string;
  commodity?: string;
  frequency?: "MONTHLY" | "ANNUAL";
  period: string;
  flow: "EXPORT" | "IMPORT" | "RE_EXPORT" | "RE_IMPORT";
  tonnes: number | null;
  valueUsd?: number | null;
  value?: number | null;
  currency?: string;
  cifValue?: number | null;
  fobValue?: number | null;
  reportedRank?: number | null;
  source: Source;
}

const ROWS: Row[] = [
  // KZ → IT, January: KZ's export (FOB stated) from two publications, Italy's import (CIF stated), all USD.
  { importer: "IT", period: "2024-01", flow: "EXPORT", tonnes: 1000, valueUsd: 500_000, fobValue: 500_000, source: "kzStat" },
  { importer: "IT", period: "2024-01", flow: "EXPORT", tonnes: 990, valueUsd: 495_000, source: "kzMinistry" },
  { importer: "IT", period: "2024-01", flow: "IMPORT", tonnes: 1010, valueUsd: 530_000, cifValue: 530_000, source: "itCustoms" },
  // February: only Italy reports (a stated value: CIF by convention). March: only KZ. April: nobody.
  { importer: "IT", period: "2024-02", flow: "IMPORT", tonnes: 900, valueUsd: 450_000, source: "itCustoms" },
  { importer: "IT", period: "2024-03", flow: "EXPORT", tonnes: 800, valueUsd: 400_000, source: "kzStat" },
  // KZ → DE, 2023: KZ's export in USD, Germany's import in EUR as Eurostat compiles it (no USD figure).
  { importer: "DE", frequency: "ANNUAL", period: "2023", flow: "EXPORT", tonnes: 5000, valueUsd: 2_500_000, source: "kzStat" },
  { importer: "DE", frequency: "ANNUAL", period: "2023", flow: "IMPORT", tonnes: 5100, value: 2_400_000, currency: "EUR", cifValue: 2_400_000, source: "eurostat" },
  // KZ → FR, January, at several HS levels: KZ's chapter row and its 2709 detail (one flow: the chapter counts),
  // a re-export of 2709 (the export counts); France's 2709 import from two publications (the newer counts) and 2710.
  { importer: "FR", commodity: "27", period: "2024-01", flow: "EXPORT", tonnes: 300, valueUsd: 150_000, source: "kzStat" },
  { importer: "FR", commodity: "2709", period: "2024-01", flow: "EXPORT", tonnes: 300, valueUsd: 150_000, source: "kzStat" },
  { importer: "FR", commodity: "2709", period: "2024-01", flow: "RE_EXPORT", tonnes: 5, valueUsd: 2_500, source: "kzStat" },
  { importer: "FR", commodity: "2709", period: "2024-01", flow: "IMPORT", tonnes: 310, valueUsd: 160_000, source: "itCustoms" },
  { importer: "FR", commodity: "2709", period: "2024-01", flow: "IMPORT", tonnes: 305, valueUsd: 158_000, source: "old" },
  // France's 2710 import states 12,000 USD and a CIF value of 12,600: the CIF figure is compared.
  { importer: "FR", commodity: "2710", period: "2024-01", flow: "IMPORT", tonnes: 20, valueUsd: 12_000, cifValue: 12_600, source: "itCustoms" },
  // KZ → ES, January: Spain's 2709 import in EUR and its 2710 import in USD (its side has no single value).
  { importer: "ES", period: "2024-01", flow: "EXPORT", tonnes: 50, valueUsd: 25_000, source: "kzStat" },
  { importer: "ES", period: "2024-01", flow: "IMPORT", tonnes: 40, value: 20_000, currency: "EUR", source: "eurostat" },
  { importer: "ES", commodity: "2710", period: "2024-01", flow: "IMPORT", tonnes: 10, valueUsd: 6_000, source: "itCustoms" },
  // KZ → NL, January: KZ's 2709 export FOB and its 2710 export with a CIF figure only (the bases differ).
  { importer: "NL", period: "2024-01", flow: "EXPORT", tonnes: 60, valueUsd: 30_000, fobValue: 30_000, source: "kzStat" },
  { importer: "NL", commodity: "2710", period: "2024-01", flow: "EXPORT", tonnes: 10, cifValue: 7_000, source: "kzStat" },
  { importer: "NL", period: "2024-01", flow: "IMPORT", tonnes: 72, valueUsd: 39_000, source: "itCustoms" },
  // KZ → PL, January: an export stated at 0 USD.
  { importer: "PL", period: "2024-01", flow: "EXPORT", tonnes: 5, valueUsd: 0, source: "kzStat" },
  { importer: "PL", period: "2024-01", flow: "IMPORT", tonnes: 5, valueUsd: 3_000, source: "itCustoms" },
  // NG's buyers in January as a ranking source states them: ranks 1, 2 and 5, and India named without figures.
  { exporter: "NG", importer: "ES", period: "2024-01", flow: "EXPORT", tonnes: 100, valueUsd: 60_000, reportedRank: 1, source: "ranking" },
  { exporter: "NG", importer: "NL", period: "2024-01", flow: "EXPORT", tonnes: 80, valueUsd: 40_000, reportedRank: 2, source: "ranking" },
  { exporter: "NG", importer: "FR", period: "2024-01", flow: "EXPORT", tonnes: 20, valueUsd: 10_000, reportedRank: 5, source: "ranking" },
  { exporter: "NG", importer: "IN", period: "2024-01", flow: "EXPORT", tonnes: null, valueUsd: null, source: "ranking" },
  // February: ranks 1 and 2, both with figures. March: Spain's quantity without a value.
  { exporter: "NG", importer: "ES", period: "2024-02", flow: "EXPORT", tonnes: 100, valueUsd: 60_000, reportedRank: 1, source: "ranking" },
  { exporter: "NG", importer: "NL", period: "2024-02", flow: "EXPORT", tonnes: 50, valueUsd: 20_000, reportedRank: 2, source: "ranking" },
  { exporter: "NG", importer: "ES", period: "2024-03", flow: "EXPORT", tonnes: 100, valueUsd: null, source: "ranking" },
  { exporter: "NG", importer: "NL", period: "2024-03", flow: "EXPORT", tonnes: 50, valueUsd: 20_000, source: "ranking" },
  // April: ranks 1 and 3, both with figures: the second buyer is missing.
  { exporter: "NG", importer: "ES", period: "2024-04", flow: "EXPORT", tonnes: 100, valueUsd: 60_000, reportedRank: 1, source: "ranking" },
  { exporter: "NG", importer: "NL", period: "2024-04", flow: "EXPORT", tonnes: 50, valueUsd: 20_000, reportedRank: 3, source: "ranking" },
];

const PUBLISHED: Record<Source, string | null> = {
  kzStat: "2024-03-01",
  kzMinistry: "2024-02-01",
  itCustoms: "2024-04-01",
  eurostat: "2024-06-01",
  old: "2024-02-15",
  ranking: null,
};

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.db;
  const sources = new Map<Source, number>();
  for (const [key, published] of Object.entries(PUBLISHED) as Array<[Source, string | null]>) {
    const source = await prisma.source.create({ data: { publisher: "Test fixtures", title: `mirror ${key}`, publishedOn: published ? new Date(published) : null } });
    sources.set(key, source.id);
  }
  await prisma.exportRecord.createMany({
    data: ROWS.map((row) => {
      const exporter = row.exporter ?? "KZ";
      const currency = row.currency ?? "USD";
      return {
        exporterCode: exporter,
        importerCode: row.importer,
        reporterCode: row.flow === "EXPORT" || row.flow === "RE_EXPORT" ? exporter : row.importer,
        commodityCode: row.commodity ?? "2709",
        frequency: row.frequency ?? "MONTHLY",
        period: periodToDate(row.period.length === 4 ? `${row.period}-01` : row.period),
        flow: row.flow,
        quantityTonnes: row.tonnes,
        valueUsd: currency === "USD" ? (row.valueUsd ?? null) : null,
        // A USD row written with valueUsd alone keeps value NULL (as older writers do); the EUR row states it.
        value: currency === "USD" ? (row.fobValue != null ? row.valueUsd : null) : row.value,
        currency,
        cifValue: row.cifValue ?? null,
        fobValue: row.fobValue ?? null,
        reportedRank: row.reportedRank ?? null,
        sourceId: sources.get(row.source)!,
      };
    }),
  });
}, 120_000);
afterAll(() => server?.close());

const REPORT = `quantityTonnes value currency valueBasis valueBasisByConvention flows records`;
const MIRROR = `exporter { code } importer { code } commodity { hsCode } frequency from to
  periods { period missingSide quantityGapTonnes valueGap currency cifFobRatio comparable incomparableReason
    exporterReport { ${REPORT} sources { title } } importerReport { ${REPORT} sources { title } } }
  totals { exporterQuantityTonnes importerQuantityTonnes quantityGapTonnes periodsWithBothSides periodsMissingExporter periodsMissingImporter
    comparablePeriods currency exporterValue importerValue valueGap cifFobRatio }`;

interface Report {
  quantityTonnes: number | null;
  value: number | null;
  currency: string | null;
  valueBasis: string | null;
  valueBasisByConvention: boolean;
  flows: string[];
  records: number;
  sources: Array<{ title: string }>;
}
interface Period {
  period: string;
  missingSide: string | null;
  quantityGapTonnes: number | null;
  valueGap: number | null;
  currency: string | null;
  cifFobRatio: number | null;
  comparable: boolean;
  incomparableReason: string | null;
  exporterReport: Report | null;
  importerReport: Report | null;
}
interface Mirror {
  exporter: { code: string };
  importer: { code: string };
  commodity: { hsCode: string };
  frequency: string;
  from: string;
  to: string;
  periods: Period[];
  totals: Record<string, number | string | null>;
}

async function mirror(args: string): Promise<{ result: Mirror; statements: number }> {
  const response = await server.gql<{ mirrorFlows: Mirror }>(`{ mirrorFlows(${args}) { ${MIRROR} } }`);
  expect(response.body.errors).toBeUndefined();
  return { result: response.body.data!.mirrorFlows, statements: response.statements };
}

describe("mirrorFlows", () => {
  it("puts the exporter's FOB next to the importer's CIF per period, with the gaps, the ratio and the missing side", async () => {
    const { result, statements } = await mirror(`exporter: "KZ", importer: "IT", commodity: "2709", from: "2024-01", to: "2024-06"`);
    expect(result).toMatchObject({ exporter: { code: "KZ" }, importer: { code: "IT" }, commodity: { hsCode: "2709" }, frequency: "MONTHLY", from: "2024-01", to: "2024-06" });
    // April to June: neither side reported, not listed.
    expect(result.periods.map((p) => p.period)).toEqual(["2024-01", "2024-02", "2024-03"]);
    const [january, february, march] = result.periods as [Period, Period, Period];
    expect(january).toMatchObject({
      missingSide: null,
      quantityGapTonnes: 10,
      valueGap: 30_000,
      currency: "USD",
      comparable: true,
      incomparableReason: null,
      // The newer of KZ's two publications counts.
      exporterReport: { quantityTonnes: 1000, value: 500_000, currency: "USD", valueBasis: "FOB", valueBasisByConvention: false, flows: ["EXPORT"], records: 1, sources: [{ title: "mirror kzStat" }] },
      importerReport: { quantityTonnes: 1010, value: 530_000, currency: "USD", valueBasis: "CIF", valueBasisByConvention: false, flows: ["IMPORT"], records: 1, sources: [{ title: "mirror itCustoms" }] },
    });
    expect(january.cifFobRatio).toBeCloseTo(1.06, 10);
    // Only Italy: the exporter's side is missing, not invented; the stated value is CIF by convention.
    expect(february).toMatchObject({ missingSide: "EXPORTER", exporterReport: null, quantityGapTonnes: null, valueGap: null, cifFobRatio: null, comparable: false, incomparableReason: "EXPORTER_MISSING" });
    expect(february.importerReport).toMatchObject({ quantityTonnes: 900, value: 450_000, valueBasis: "CIF", valueBasisByConvention: true });
    expect(march).toMatchObject({ missingSide: "IMPORTER", importerReport: null, incomparableReason: "IMPORTER_MISSING" });
    expect(march.exporterReport).toMatchObject({ quantityTonnes: 800, value: 400_000, valueBasis: "FOB", valueBasisByConvention: true });
    expect(result.totals).toEqual({
      exporterQuantityTonnes: 1800,
      importerQuantityTonnes: 1910,
      quantityGapTonnes: 10,
      periodsWithBothSides: 1,
      periodsMissingExporter: 1,
      periodsMissingImporter: 1,
      comparablePeriods: 1,
      currency: "USD",
      exporterValue: 500_000,
      importerValue: 530_000,
      valueGap: 30_000,
      cifFobRatio: 1.06,
    });
    // One statement for both sides, one batched load of the sources.
    expect(statements).toBe(2);
  });

  it("compares quantities but not values in different currencies, and says why", async () => {
    const { result, statements } = await mirror(`exporter: "KZ", importer: "DE", commodity: "2709", frequency: ANNUAL, from: "2023", to: "2023"`);
    expect(result).toMatchObject({ frequency: "ANNUAL", from: "2023-01", to: "2023-12" });
    expect(result.periods).toEqual([
      expect.objectContaining({
        period: "2023",
        missingSide: null,
        quantityGapTonnes: 100,
        valueGap: null,
        currency: null,
        cifFobRatio: null,
        comparable: false,
        incomparableReason: "CURRENCY_MISMATCH",
        exporterReport: expect.objectContaining({ value: 2_500_000, currency: "USD", valueBasis: "FOB" }),
        importerReport: expect.objectContaining({ value: 2_400_000, currency: "EUR", valueBasis: "CIF", valueBasisByConvention: false }),
      }),
    ]);
    expect(result.totals).toMatchObject({ quantityGapTonnes: 100, comparablePeriods: 0, currency: null, exporterValue: null, valueGap: null, cifFobRatio: null });
    expect(statements).toBe(2);
  });

  it("at chapter level counts each flow once per side", async () => {
    const { result } = await mirror(`exporter: "KZ", importer: "FR", commodity: "27", from: "2024-01", to: "2024-01"`);
    const [january] = result.periods as [Period];
    // KZ: the chapter row (not its 2709 detail, not the re-export): 300 t. France: the newer 2709 import and 2710.
    expect(january.exporterReport).toMatchObject({ quantityTonnes: 300, value: 150_000, records: 1, flows: ["EXPORT"] });
    expect(january.importerReport).toMatchObject({ quantityTonnes: 330, value: 172_600, records: 2, flows: ["IMPORT"], valueBasis: "CIF" });
    expect(january).toMatchObject({ quantityGapTonnes: 30, valueGap: 22_600, comparable: true });
  });

  it.each([
    ["ES", { valueGap: null, currency: null, incomparableReason: "MIXED_CURRENCIES" }, { value: null, currency: null, quantityTonnes: 50 }],
    ["NL", { valueGap: 2_000, currency: "USD", incomparableReason: "BASIS_NOT_CIF_FOB" }, { value: 37_000, valueBasis: "UNKNOWN", quantityTonnes: 70 }],
    ["PL", { valueGap: 3_000, currency: "USD", incomparableReason: "EXPORTER_VALUE_ZERO" }, { value: 0, valueBasis: "FOB" }],
  ])("says why the values of KZ → %s are not compared", async (importer, expected, side) => {
    const { result } = await mirror(`exporter: "KZ", importer: "${importer}", commodity: "27", from: "2024-01", to: "2024-01"`);
    const [january] = result.periods as [Period];
    expect(january).toMatchObject({ ...expected, missingSide: null, comparable: false, cifFobRatio: null });
    expect(importer === "ES" ? january.importerReport : january.exporterReport).toMatchObject(side);
    expect(result.totals).toMatchObject({ comparablePeriods: 0, valueGap: null, cifFobRatio: null });
  });

  it("costs one statement without sources", async () => {
    const response = await server.gql(`{ mirrorFlows(exporter: "KZ", importer: "IT", commodity: "27", from: "2024-01", to: "2024-12") { periods { period valueGap } totals { valueGap } } }`);
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
  });

  it.each([
    [`exporter: "XX", importer: "IT", commodity: "2709", from: "2024-01", to: "2024-02"`, "UNKNOWN_COUNTRY", "exporter"],
    [`exporter: "KZ", importer: "KZ", commodity: "2709", from: "2024-01", to: "2024-02"`, "SAME_COUNTRY", "importer"],
    [`exporter: "KZ", importer: "IT", commodity: "2799", from: "2024-01", to: "2024-02"`, "UNKNOWN_COMMODITY", "commodity"],
    [`exporter: "KZ", importer: "IT", commodity: "27090", from: "2024-01", to: "2024-02"`, "INVALID_COMMODITY_CODE", "commodity"],
    [`exporter: "KZ", importer: "IT", commodity: "2709", from: "2024-13", to: "2024-02"`, "INVALID_PERIOD", "from"],
    [`exporter: "KZ", importer: "IT", commodity: "2709", from: "2024", to: "2024"`, "INVALID_PERIOD", "from"],
    [`exporter: "KZ", importer: "IT", commodity: "2709", from: "2024-03", to: "2024-02"`, "INVALID_PERIOD_RANGE", "from"],
    [`exporter: "KZ", importer: "IT", commodity: "2709", from: "1950-01", to: "2024-02"`, "BAD_USER_INPUT", "to"],
  ])("refuses %s with %s", async (args, code, field) => {
    const { body } = await server.gql(`{ mirrorFlows(${args}) { periods { period } } }`);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
  });
});

interface Observations {
  commodity: { hsCode: string };
  period: string;
  observations: Array<{ side: string; counted: boolean; record: { flow: string; quantityTonnes: number; valueUsd: number; reporter: { code: string }; source: { title: string } } }>;
  quantitySpread: Record<string, number | null>;
  valueUsdSpread: Record<string, number | null>;
}

const SPREAD = `observations min max spread relativeSpread`;
async function flowObservations(args: string) {
  const response = await server.gql<{ flowObservations: Observations }>(`{ flowObservations(${args}) {
    commodity { hsCode } period
    observations { side counted record { flow quantityTonnes valueUsd reporter { code } source { title } } }
    quantitySpread { ${SPREAD} } valueUsdSpread { ${SPREAD} }
  } }`);
  expect(response.body.errors).toBeUndefined();
  return { result: response.body.data!.flowObservations, statements: response.statements };
}

describe("flowObservations", () => {
  it("lists every observation of a flow by every source and reporter, the counted one first, with the spread", async () => {
    const { result, statements } = await flowObservations(`exporter: "KZ", importer: "IT", commodity: "2709", period: "2024-01"`);
    expect(result.observations.map((o) => [o.side, o.counted, o.record.flow, o.record.reporter.code, o.record.source.title, o.record.quantityTonnes])).toEqual([
      ["EXPORTER", true, "EXPORT", "KZ", "mirror kzStat", 1000],
      ["EXPORTER", false, "EXPORT", "KZ", "mirror kzMinistry", 990],
      ["IMPORTER", false, "IMPORT", "IT", "mirror itCustoms", 1010],
    ]);
    expect(result.quantitySpread).toEqual({ observations: 3, min: 990, max: 1010, spread: 20, relativeSpread: 20 / 990 });
    expect(result.valueUsdSpread).toEqual({ observations: 3, min: 495_000, max: 530_000, spread: 35_000, relativeSpread: 35_000 / 495_000 });
    // The observations with their sources: one statement, one batched load.
    expect(statements).toBe(2);
  });

  it("counts the exporter's report before the importer's, the importer's alone, and has no USD spread for a value in euros", async () => {
    const { result } = await flowObservations(`exporter: "KZ", importer: "DE", commodity: "2709", frequency: ANNUAL, period: "2023"`);
    expect(result.period).toBe("2023");
    expect(result.observations.map((o) => [o.side, o.counted, o.record.valueUsd])).toEqual([
      ["EXPORTER", true, 2_500_000],
      ["IMPORTER", false, null],
    ]);
    expect(result.valueUsdSpread).toEqual({ observations: 1, min: 2_500_000, max: 2_500_000, spread: 0, relativeSpread: 0 });
    const france = await flowObservations(`exporter: "KZ", importer: "FR", commodity: "2710", period: "2024-01"`);
    expect(france.result.observations.map((o) => [o.side, o.counted])).toEqual([["IMPORTER", true]]);
  });

  it("is empty for a flow nobody observed, and refuses bad input with topPartners' codes", async () => {
    const { result } = await flowObservations(`exporter: "KZ", importer: "IT", commodity: "2709", period: "2024-04"`);
    expect(result.observations).toEqual([]);
    expect(result.quantitySpread).toEqual({ observations: 0, min: null, max: null, spread: null, relativeSpread: null });
    for (const [args, code] of [
      [`exporter: "KZ", importer: "IT", commodity: "2709", period: "2024"`, "INVALID_PERIOD"],
      [`exporter: "KZ", importer: "IT", commodity: "2709", frequency: ANNUAL, period: "2024-01"`, "INVALID_PERIOD"],
      [`exporter: "KZ", importer: "QQ", commodity: "2709", period: "2024-01"`, "UNKNOWN_COUNTRY"],
      [`exporter: "KZ", importer: "IT", commodity: "2799", period: "2024-01"`, "UNKNOWN_COMMODITY"],
    ]) {
      const { body } = await server.gql(`{ flowObservations(${args}) { period } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code });
    }
  });
});

interface Total {
  basis: string;
  figure: number | null;
  complete: boolean;
  partnersWithoutFigures: Array<{ code: string }>;
  missingReportedRanks: number[];
}
async function shares(exporter: string, args: string) {
  const response = await server.gql<{ topPartners: { totalValueUsd: number | null; total: Total; partners: Array<{ partner: { code: string }; share: number | null; shareOfCompleteTotal: boolean }> } }>(`{
    topPartners(exporter: "${exporter}", commodity: "2709", ${args}) {
      totalValueUsd total { basis figure complete partnersWithoutFigures { code } missingReportedRanks } partners { partner { code } share shareOfCompleteTotal }
    }
  }`);
  expect(response.body.errors).toBeUndefined();
  return { top: response.body.data!.topPartners, statements: response.statements };
}

describe("topPartners says how complete its total is", () => {
  it("names partners without figures and ranks the sources state that nobody recorded", async () => {
    const { top, statements } = await shares("NG", `period: "2024-01", limit: 1`);
    expect(top.total).toEqual({ basis: "RECORDED_OBSERVATIONS", figure: 110_000, complete: false, partnersWithoutFigures: [{ code: "IN" }], missingReportedRanks: [3, 4] });
    // The whole total, though `limit` lists one partner; its share is of the recorded figures only.
    expect(top.partners).toEqual([{ partner: { code: "ES" }, share: 60_000 / 110_000, shareOfCompleteTotal: false }]);
    expect(statements).toBe(1);
  });

  it("is complete when every partner has the figure and no stated rank is missing", async () => {
    const { top } = await shares("NG", `period: "2024-02"`);
    expect(top.total).toMatchObject({ complete: true, partnersWithoutFigures: [], missingReportedRanks: [] });
    expect(top.partners.map((p) => [p.partner.code, p.shareOfCompleteTotal])).toEqual([
      ["ES", true],
      ["NL", true],
    ]);
  });

  it("is incomplete when a stated rank is missing, though every partner has figures", async () => {
    const { top } = await shares("NG", `period: "2024-04"`);
    expect(top.total).toEqual({ basis: "RECORDED_OBSERVATIONS", figure: 80_000, complete: false, partnersWithoutFigures: [], missingReportedRanks: [2] });
    expect(top.partners.map((p) => [p.partner.code, p.share, p.shareOfCompleteTotal])).toEqual([
      ["ES", 0.75, false],
      ["NL", 0.25, false],
    ]);
  });

  it("judges by the chosen figure: a quantity without a value is no value", async () => {
    expect((await shares("NG", `period: "2024-03"`)).top.total).toMatchObject({ figure: 20_000, complete: false, partnersWithoutFigures: [{ code: "ES" }] });
    expect((await shares("NG", `period: "2024-03", by: QUANTITY`)).top.total).toMatchObject({ figure: 150, complete: true, partnersWithoutFigures: [] });
  });

  it("never calls the article's Israel share complete: Thailand and Italy are named without figures", async () => {
    const { top } = await shares("AZ", `period: "2024-01", by: QUANTITY`);
    const israel = top.partners.find((p) => p.partner.code === "IL")!;
    expect(israel.shareOfCompleteTotal).toBe(false);
    expect(top.total.complete).toBe(false);
  });
});
