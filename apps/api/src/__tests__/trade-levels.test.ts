/**
 * Trade queries at any HS level, each flow counted once: one file (one source) carries Kyrgyzstan's January
 * 2024 exports at 2, 4 and 6 digits, as Comtrade's AG2/AG4/AG6 downloads do. For a query at code C a record at K
 * counts only when no record of the same flow (exporter, importer, period, source) exists at an ancestor of K
 * at C's level or deeper. Every expected figure is worked out by hand from the rows below.
 */
import { insertExports, startTestServer, type ExportFixtureRow, type TestServer } from "./harness";

let server: TestServer;

const ROWS: ExportFixtureRow[] = [
  // KG → IT, 2024-01 at every level: chapter 27, its heading 2709 and subheading 270900, heading 2710 and 271012.
  ["IT", "27", "2024-01", 1000, 500_000],
  ["IT", "2709", "2024-01", 800, 400_000],
  ["IT", "270900", "2024-01", 800, 400_000],
  ["IT", "2710", "2024-01", 200, 100_000],
  ["IT", "271012", "2024-01", 200, 100_000],
  // KG → FR only at 6 digits: counted under 2709 and under chapter 27.
  ["FR", "270900", "2024-01", 300, 150_000],
  // KG → DE at 4 and 6 digits.
  ["DE", "2709", "2024-01", 100, 60_000],
  ["DE", "270900", "2024-01", 100, 60_000],
  // KG → IT in February, one heading only.
  ["IT", "2711", "2024-02", 50, 30_000],
];

beforeAll(async () => {
  server = await startTestServer();
  await insertExports(server.db, "KG", "HS levels", ROWS);
}, 120_000);
afterAll(() => server?.close());

interface Top {
  commodity: { hsCode: string; level: number };
  totalQuantityTonnes: number | null;
  totalValueUsd: number | null;
  partners: Array<{ partner: { code: string }; quantityTonnes: number | null; valueUsd: number | null; share: number | null; records: number }>;
}

async function top(commodity: string): Promise<{ top: Top; statements: number }> {
  const { body, statements } = await server.gql<{ topPartners: Top }>(
    `query ($commodity: String!) {
      topPartners(exporter: "KG", commodity: $commodity, period: "2024-01") {
        commodity { hsCode level } totalQuantityTonnes totalValueUsd
        partners { partner { code } quantityTonnes valueUsd share records }
      }
    }`,
    { commodity },
  );
  expect(body.errors).toBeUndefined();
  return { top: body.data!.topPartners, statements };
}

const partner = (code: string, quantityTonnes: number, valueUsd: number, total: number) => ({
  partner: { code },
  quantityTonnes,
  valueUsd,
  share: expect.closeTo(valueUsd / total, 12),
  records: 1,
});

describe("topPartners at any level", () => {
  it("chapter 27: IT by its chapter row only, FR by its subheading, DE by its heading; one statement", async () => {
    const { top: result, statements } = await top("27");
    expect(statements).toBe(1);
    expect(result.commodity).toEqual({ hsCode: "27", level: 2 });
    // 1,000 + 300 + 100 t; 500,000 + 150,000 + 60,000 USD.
    expect(result.totalQuantityTonnes).toBe(1400);
    expect(result.totalValueUsd).toBe(710_000);
    expect(result.partners).toEqual([partner("IT", 1000, 500_000, 710_000), partner("FR", 300, 150_000, 710_000), partner("DE", 100, 60_000, 710_000)]);
  });

  it("heading 2709: the 2709 rows win over 270900, FR's subheading counts", async () => {
    const { top: result } = await top("2709");
    expect(result.totalValueUsd).toBe(610_000);
    expect(result.partners).toEqual([partner("IT", 800, 400_000, 610_000), partner("FR", 300, 150_000, 610_000), partner("DE", 100, 60_000, 610_000)]);
  });

  it("subheading 270900: every 270900 row", async () => {
    const { top: result } = await top("270900");
    expect(result.totalQuantityTonnes).toBe(1200);
    expect(result.partners.map((p) => [p.partner.code, p.valueUsd])).toEqual([["IT", 400_000], ["FR", 150_000], ["DE", 60_000]]);
  });

  it("heading 2710: the heading, not its subheading as well", async () => {
    const { top: result } = await top("2710");
    expect(result.partners).toEqual([partner("IT", 200, 100_000, 100_000)]);
  });

  it("refuses an unknown code and a malformed one with their codes", async () => {
    const unknown = await server.gql(`{ topPartners(exporter: "KG", commodity: "2799", period: "2024-01") { totalValueUsd } }`);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: "UNKNOWN_COMMODITY", field: "commodity" });
    const malformed = await server.gql(`{ topPartners(exporter: "KG", commodity: "27090", period: "2024-01") { totalValueUsd } }`);
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_COMMODITY_CODE", field: "commodity" });
  });
});

interface Series {
  points: Array<{ from: string; quantityTonnes: number | null; valueUsd: number | null; records: number }>;
}

async function series(args: string): Promise<{ points: Series["points"]; statements: number }> {
  const { body, statements } = await server.gql<{ tradeSeries: Series }>(`{ tradeSeries(exporter: "KG", ${args}) { points { from quantityTonnes valueUsd records } } }`);
  expect(body.errors).toBeUndefined();
  return { points: body.data!.tradeSeries.points, statements };
}

describe("tradeSeries at any level", () => {
  it("chapter 27 by month: January counts each flow once, February's heading is under the chapter", async () => {
    const { points, statements } = await series(`commodity: "27", from: "2024-01", to: "2024-03"`);
    expect(statements).toBe(1);
    expect(points).toEqual([
      { from: "2024-01", quantityTonnes: 1400, valueUsd: 710_000, records: 3 },
      { from: "2024-02", quantityTonnes: 50, valueUsd: 30_000, records: 1 },
      { from: "2024-03", quantityTonnes: null, valueUsd: null, records: 0 },
    ]);
  });

  it("all commodities: the same totals (the most aggregated record of each flow)", async () => {
    const { points } = await series(`from: "2024-01", to: "2024-02", granularity: YEAR`);
    expect(points).toEqual([{ from: "2024-01", quantityTonnes: 1450, valueUsd: 740_000, records: 4 }]);
  });

  it("one importer and heading 2709", async () => {
    const { points } = await series(`importer: "IT", commodity: "2709", from: "2024-01", to: "2024-01"`);
    expect(points).toEqual([{ from: "2024-01", quantityTonnes: 800, valueUsd: 400_000, records: 1 }]);
  });

  it("refuses an unknown code", async () => {
    const { body } = await server.gql(`{ tradeSeries(exporter: "KG", commodity: "2799", from: "2024-01", to: "2024-01") { from } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNKNOWN_COMMODITY", field: "commodity" });
  });
});

describe("bilateral", () => {
  it("sums KG → IT once per flow and lists the most aggregated codes", async () => {
    const { body } = await server.gql<{ bilateral: any }>(`{
      bilateral(a: "KG", b: "IT", from: "2024-01", to: "2024-02") {
        aToB { quantityTonnes valueUsd records byCommodity { commodity { hsCode } quantityTonnes valueUsd records } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.bilateral.aToB).toEqual({
      quantityTonnes: 1050,
      valueUsd: 530_000,
      records: 2,
      byCommodity: [
        { commodity: { hsCode: "27" }, quantityTonnes: 1000, valueUsd: 500_000, records: 1 },
        { commodity: { hsCode: "2711" }, quantityTonnes: 50, valueUsd: 30_000, records: 1 },
      ],
    });
  });
});

describe("exportRecords", () => {
  it("lists every observation at a code and under it (a list of records, not a total)", async () => {
    const { body } = await server.gql<{ exportRecords: { totalCount: number } }>(`{ exportRecords(filter: { exporter: "KG", commodity: "2709" }) { totalCount } }`);
    expect(body.data!.exportRecords.totalCount).toBe(5);
  });
});
