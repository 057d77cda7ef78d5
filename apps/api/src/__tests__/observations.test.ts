/**
 * Each flow counted once across reporters and sources, and frequencies never mixed: topPartners and tradeSeries
 * on Uzbekistan's (UZ) flows, both sides of mirror pairs stored, two sources for one flow, annual beside
 * monthly figures. Every expected figure is worked out by hand from the rows below.
 */
import { periodToDate } from "@tradegraph/domain";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;

type Row = [importer: string, frequency: "MONTHLY" | "ANNUAL", period: string, flow: "EXPORT" | "IMPORT" | "RE_EXPORT" | "RE_IMPORT", tonnes: number, source: "old" | "new"];
const ROWS: Row[] = [
  // Mirror pair: UZ's export report and IT's import report of the same flow.
  ["IT", "MONTHLY", "2024-01", "EXPORT", 600, "old"],
  ["IT", "MONTHLY", "2024-01", "IMPORT", 610, "old"],
  // Only the importer reports: the default (ANY) falls back to it.
  ["TH", "MONTHLY", "2024-01", "IMPORT", 100, "old"],
  // Two sources of UZ's export to IL: the newer publication wins.
  ["IL", "MONTHLY", "2024-01", "EXPORT", 500, "old"],
  ["IL", "MONTHLY", "2024-01", "EXPORT", 520, "new"],
  // An export and a re-export (which exports include): the export counts.
  ["GE", "MONTHLY", "2024-01", "EXPORT", 40, "old"],
  ["GE", "MONTHLY", "2024-01", "RE_EXPORT", 3, "old"],
  // Another month, and a year: the annual figure never joins the monthly sums.
  ["IT", "MONTHLY", "2024-02", "EXPORT", 700, "old"],
  ["IT", "ANNUAL", "2024", "EXPORT", 8000, "old"],
  ["IT", "ANNUAL", "2024", "IMPORT", 8100, "new"],
  ["TH", "ANNUAL", "2023", "EXPORT", 900, "old"],
];

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.db;
  const old = await prisma.source.create({ data: { publisher: "Test fixtures", title: "observations old", publishedOn: new Date("2024-02-01") } });
  const fresh = await prisma.source.create({ data: { publisher: "Test fixtures", title: "observations new", publishedOn: new Date("2024-03-01") } });
  await prisma.exportRecord.createMany({
    data: ROWS.map(([importer, frequency, period, flow, tonnes, source]) => ({
      exporterCode: "UZ",
      importerCode: importer,
      reporterCode: flow === "EXPORT" || flow === "RE_EXPORT" ? "UZ" : importer,
      commodityCode: "2709",
      frequency,
      period: periodToDate(period.length === 4 ? `${period}-01` : period),
      flow,
      quantityTonnes: tonnes,
      valueUsd: tonnes * 10,
      sourceId: (source === "old" ? old : fresh).id,
    })),
  });
}, 120_000);
afterAll(() => server?.close());

interface Top {
  frequency: string;
  reportedBy: string;
  totalQuantityTonnes: number | null;
  partners: Array<{ partner: { code: string }; quantityTonnes: number | null; records: number }>;
}

async function topPartners(args: string): Promise<Top> {
  const { body } = await server.gql<{ topPartners: Top }>(`{
    topPartners(exporter: "UZ", commodity: "2709", by: QUANTITY, ${args}) {
      frequency reportedBy totalQuantityTonnes partners { partner { code } quantityTonnes records }
    }
  }`);
  expect(body.errors).toBeUndefined();
  return body.data!.topPartners;
}

const figures = (top: Top) => top.partners.map((p) => [p.partner.code, p.quantityTonnes, p.records]);

describe("topPartners counts each flow once", () => {
  it("by default: the exporter's report, else the importer's; the newest source; the export before the re-export", async () => {
    const top = await topPartners(`period: "2024-01"`);
    expect(top).toMatchObject({ frequency: "MONTHLY", reportedBy: "ANY", totalQuantityTonnes: 600 + 520 + 100 + 40 });
    expect(figures(top)).toEqual([
      ["IT", 600, 1],
      ["IL", 520, 1],
      ["TH", 100, 1],
      ["GE", 40, 1],
    ]);
  });

  it("say which sources and declared flows they used", async () => {
    const { body } = await server.gql<{ topPartners: { partners: Array<{ partner: { code: string }; flows: string[]; sources: Array<{ title: string }> }> } }>(`{
      topPartners(exporter: "UZ", commodity: "2709", period: "2024-01", by: QUANTITY) { partners { partner { code } flows sources { title } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.topPartners.partners.map((p) => [p.partner.code, p.flows, p.sources.map((s) => s.title)])).toEqual([
      ["IT", ["EXPORT"], ["observations old"]],
      ["IL", ["EXPORT"], ["observations new"]],
      ["TH", ["IMPORT"], ["observations old"]],
      ["GE", ["EXPORT"], ["observations old"]],
    ]);
  });

  it("with reportedBy: EXPORTER only the exporter's reports, with IMPORTER only the importer's", async () => {
    expect(figures(await topPartners(`period: "2024-01", reportedBy: EXPORTER`))).toEqual([
      ["IT", 600, 1],
      ["IL", 520, 1],
      ["GE", 40, 1],
    ]);
    const imports = await topPartners(`period: "2024-01", reportedBy: IMPORTER`);
    expect(imports.totalQuantityTonnes).toBe(710);
    expect(figures(imports)).toEqual([
      ["IT", 610, 1],
      ["TH", 100, 1],
    ]);
  });

  it("with flows: only those declared flows", async () => {
    expect(figures(await topPartners(`period: "2024-01", flows: [RE_EXPORT]`))).toEqual([["GE", 3, 1]]);
  });

  it("never mixes annual and monthly observations", async () => {
    // The months of 2024 only: January's four flows and IT's February.
    const months = await topPartners(`from: "2024-01", to: "2024-12"`);
    expect(months.totalQuantityTonnes).toBe(1260 + 700);
    expect(figures(months)[0]).toEqual(["IT", 1300, 2]);
    const year = await topPartners(`frequency: ANNUAL, period: "2024"`);
    expect(year).toMatchObject({ frequency: "ANNUAL", totalQuantityTonnes: 8000 });
    expect(figures(await topPartners(`frequency: ANNUAL, period: "2024", reportedBy: IMPORTER`))).toEqual([["IT", 8100, 1]]);
  });

  it("rejects a month for an annual query and a year for a monthly one", async () => {
    for (const args of [`frequency: ANNUAL, period: "2024-01"`, `period: "2024"`]) {
      const { body } = await server.gql(`{ topPartners(exporter: "UZ", commodity: "2709", ${args}) { totalQuantityTonnes } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PERIOD" });
    }
  });
});

describe("tradeSeries by YEAR", () => {
  async function series(args: string) {
    const { body } = await server.gql<{ tradeSeries: { frequency: string; points: Array<{ bucket: string; quantityTonnes: number | null; records: number }> } }>(`{
      tradeSeries(exporter: "UZ", importer: "IT", commodity: "2709", granularity: YEAR, ${args}) { frequency points { bucket quantityTonnes records } }
    }`);
    expect(body.errors).toBeUndefined();
    return body.data!.tradeSeries;
  }

  it("sums the year's monthly observations by default, and gives the annual figure with frequency: ANNUAL", async () => {
    expect((await series(`from: "2024-01", to: "2024-12"`)).points).toEqual([{ bucket: "2024", quantityTonnes: 1300, records: 2 }]);
    const annual = await series(`frequency: ANNUAL, from: "2023", to: "2024"`);
    expect(annual.frequency).toBe("ANNUAL");
    expect(annual.points.map((p) => [p.bucket, p.quantityTonnes])).toEqual([
      ["2023", null],
      ["2024", 8000],
    ]);
  });

  it("refuses annual observations by MONTH", async () => {
    const { body } = await server.gql(`{ tradeSeries(exporter: "UZ", frequency: ANNUAL, from: "2023", to: "2024") { frequency } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
