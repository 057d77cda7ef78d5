/**
 * Trade analytics on a small dataset with several partners: topPartners ranks, ties, shares and unit prices,
 * by value and by quantity, for a month and a range; tradeSeries totals per month, quarter and year with the
 * empty buckets present. Every expected figure is worked out by hand from the rows below.
 */
import { insertExports, startTestServer, type ExportFixtureRow, type TestServer } from "./harness";

let server: TestServer;

// Kazakhstan's exports (no seeded record has KZ as exporter). Missing figures stay null.
const ROWS: ExportFixtureRow[] = [
  ["IT", "2709", "2023-01", 100, 50_000],
  ["IT", "2709", "2023-02", 200, 110_000],
  ["FR", "2709", "2023-01", 300, 150_000],
  ["DE", "2709", "2023-01", 100, 150_000],
  ["DE", "2709", "2023-02", 100, null],
  ["CN", "2709", "2023-01", 50, null],
  ["US", "2709", "2023-01", null, 20_000],
  ["IT", "2710", "2023-01", 10, 9_000],
  ["IT", "2709", "2023-05", 400, 200_000],
  ["IT", "2709", "2024-01", 1000, 600_000],
];

beforeAll(async () => {
  server = await startTestServer();
  await insertExports(server.db, "KZ", "trade analytics", ROWS);
}, 120_000);
afterAll(() => server?.close());

interface Partner {
  rank: number | null;
  partner: { code: string };
  quantityTonnes: number | null;
  valueUsd: number | null;
  share: number | null;
  unitPriceUsdPerTonne: number | null;
  unitPriceUsdPerBarrel: number | null;
  records: number;
}
interface Top {
  from: string;
  to: string;
  totalQuantityTonnes: number | null;
  totalValueUsd: number | null;
  partnerCount: number;
  partners: Partner[];
}

async function topPartners(args: string): Promise<Top> {
  const { body } = await server.gql<{ topPartners: Top }>(`{
    topPartners(exporter: "KZ", commodity: "2709", ${args}) {
      from to totalQuantityTonnes totalValueUsd partnerCount
      partners { rank partner { code } quantityTonnes valueUsd share unitPriceUsdPerTonne unitPriceUsdPerBarrel records }
    }
  }`);
  expect(body.errors).toBeUndefined();
  return body.data!.topPartners;
}

/** [code, rank, share] per partner line, shares to 6 places. */
const ranking = (top: Top) => top.partners.map((p) => [p.partner.code, p.rank, p.share == null ? null : Number(p.share.toFixed(6))]);

describe("topPartners", () => {
  it("ranks by value with ties sharing a rank, partners without a value last and unranked", async () => {
    const top = await topPartners(`period: "2023-01", by: VALUE`);
    expect(top).toMatchObject({ from: "2023-01", to: "2023-01", totalValueUsd: 370_000, totalQuantityTonnes: 550, partnerCount: 5 });
    expect(ranking(top)).toEqual([
      ["DE", 1, 0.405405],
      ["FR", 1, 0.405405],
      ["IT", 3, 0.135135],
      ["US", 4, 0.054054],
      ["CN", null, null],
    ]);
    const shares = top.partners.reduce((sum, p) => sum + (p.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 10);
  });

  it("derives unit prices per partner (USD/t, and USD/bbl for crude at 7.33 bbl/t); null where a figure is missing", async () => {
    const top = await topPartners(`period: "2023-01"`);
    const byCode = Object.fromEntries(top.partners.map((p) => [p.partner.code, p]));
    expect(byCode.DE).toMatchObject({ quantityTonnes: 100, valueUsd: 150_000, unitPriceUsdPerTonne: 1500, records: 1 });
    expect(byCode.DE!.unitPriceUsdPerBarrel).toBeCloseTo(1500 / 7.33, 6);
    expect(byCode.FR!.unitPriceUsdPerTonne).toBe(500);
    expect(byCode.US).toMatchObject({ quantityTonnes: null, valueUsd: 20_000, unitPriceUsdPerTonne: null, unitPriceUsdPerBarrel: null });
    expect(byCode.CN).toMatchObject({ quantityTonnes: 50, valueUsd: null, unitPriceUsdPerTonne: null });
  });

  it("ranks and shares by quantity", async () => {
    const top = await topPartners(`period: "2023-01", by: QUANTITY`);
    expect(ranking(top)).toEqual([
      ["FR", 1, 0.545455],
      ["DE", 2, 0.181818],
      ["IT", 2, 0.181818],
      ["CN", 4, 0.090909],
      ["US", null, null],
    ]);
  });

  it("sums a range of months per partner", async () => {
    const top = await topPartners(`from: "2023-01", to: "2023-05"`);
    expect(top).toMatchObject({ from: "2023-01", to: "2023-05", totalValueUsd: 680_000, totalQuantityTonnes: 1250, partnerCount: 5 });
    expect(ranking(top)).toEqual([
      ["IT", 1, 0.529412],
      ["DE", 2, 0.220588],
      ["FR", 2, 0.220588],
      ["US", 4, 0.029412],
      ["CN", null, null],
    ]);
    expect(top.partners[0]).toMatchObject({ quantityTonnes: 700, valueUsd: 360_000, records: 3 });
    expect(top.partners[0]!.unitPriceUsdPerTonne).toBeCloseTo(360_000 / 700, 9);
    // IT's three records come from one source, as the exporter's report: each is listed once.
    const { body } = await server.gql<{ topPartners: { partners: Array<{ flows: string[]; sources: Array<{ title: string }> }> } }>(
      `{ topPartners(exporter: "KZ", commodity: "2709", from: "2023-01", to: "2023-05", limit: 1) { partners { flows sources { title } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.topPartners.partners).toEqual([{ flows: ["EXPORT"], sources: [{ title: "trade analytics" }] }]);
    // DE's February record has no value: its 100 t are in the total but not in the price.
    expect(top.partners[1]).toMatchObject({ partner: { code: "DE" }, quantityTonnes: 200, valueUsd: 150_000, unitPriceUsdPerTonne: 1500, records: 2 });
  });

  it("cuts the list at `limit` but keeps the totals and partner count of all partners", async () => {
    const top = await topPartners(`period: "2023-01", limit: 2`);
    expect(ranking(top)).toEqual([
      ["DE", 1, 0.405405],
      ["FR", 1, 0.405405],
    ]);
    expect(top).toMatchObject({ totalValueUsd: 370_000, partnerCount: 5 });
  });

  it("answers an empty ranking, not an error, for a month without records", async () => {
    const top = await topPartners(`period: "2022-06"`);
    expect(top).toMatchObject({ totalValueUsd: null, totalQuantityTonnes: null, partnerCount: 0, partners: [] });
  });
});

interface Point {
  bucket: string;
  from: string;
  to: string;
  quantityTonnes: number | null;
  valueUsd: number | null;
  unitPriceUsdPerTonne: number | null;
  records: number;
}

async function series(args: string): Promise<Point[]> {
  const { body } = await server.gql<{ tradeSeries: { points: Point[] } }>(`{
    tradeSeries(exporter: "KZ", ${args}) { points { bucket from to quantityTonnes valueUsd unitPriceUsdPerTonne records } }
  }`);
  expect(body.errors).toBeUndefined();
  return body.data!.tradeSeries.points;
}

const empty = (bucket: string, from: string, to: string): Point => ({ bucket, from, to, quantityTonnes: null, valueUsd: null, unitPriceUsdPerTonne: null, records: 0 });

describe("tradeSeries", () => {
  it("gives every month of the range, empty months with records: 0 and null figures", async () => {
    expect(await series(`importer: "IT", commodity: "2709", from: "2023-01", to: "2023-06"`)).toEqual([
      { bucket: "2023-01", from: "2023-01", to: "2023-01", quantityTonnes: 100, valueUsd: 50_000, unitPriceUsdPerTonne: 500, records: 1 },
      { bucket: "2023-02", from: "2023-02", to: "2023-02", quantityTonnes: 200, valueUsd: 110_000, unitPriceUsdPerTonne: 550, records: 1 },
      empty("2023-03", "2023-03", "2023-03"),
      empty("2023-04", "2023-04", "2023-04"),
      { bucket: "2023-05", from: "2023-05", to: "2023-05", quantityTonnes: 400, valueUsd: 200_000, unitPriceUsdPerTonne: 500, records: 1 },
      empty("2023-06", "2023-06", "2023-06"),
    ]);
  });

  it("sums quarters over all importers; the unit price uses only records that have both figures", async () => {
    const points = await series(`commodity: "2709", from: "2023-01", to: "2024-03", granularity: QUARTER`);
    expect(points.map((p) => p.bucket)).toEqual(["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]);
    // Q1: IT 100 t + 200 t, FR 300 t, DE 100 t + 100 t (no value), CN 50 t (no value); US 20,000 USD (no quantity).
    expect(points[0]).toMatchObject({ from: "2023-01", to: "2023-03", quantityTonnes: 850, valueUsd: 480_000, records: 7 });
    expect(points[0]!.unitPriceUsdPerTonne).toBeCloseTo(460_000 / 700, 9);
    expect(points[1]).toEqual({ bucket: "2023-Q2", from: "2023-04", to: "2023-06", quantityTonnes: 400, valueUsd: 200_000, unitPriceUsdPerTonne: 500, records: 1 });
    expect(points[2]).toEqual(empty("2023-Q3", "2023-07", "2023-09"));
    expect(points[3]).toEqual(empty("2023-Q4", "2023-10", "2023-12"));
    expect(points[4]).toEqual({ bucket: "2024-Q1", from: "2024-01", to: "2024-03", quantityTonnes: 1000, valueUsd: 600_000, unitPriceUsdPerTonne: 600, records: 1 });
  });

  it("sums years over every commodity when none is given", async () => {
    expect(await series(`importer: "IT", from: "2023-01", to: "2024-12", granularity: YEAR`)).toEqual([
      { bucket: "2023", from: "2023-01", to: "2023-12", quantityTonnes: 710, valueUsd: 369_000, unitPriceUsdPerTonne: 369_000 / 710, records: 4 },
      { bucket: "2024", from: "2024-01", to: "2024-12", quantityTonnes: 1000, valueUsd: 600_000, unitPriceUsdPerTonne: 600, records: 1 },
    ]);
  });

  it("clips the first and last bucket to the range", async () => {
    const points = await series(`importer: "IT", commodity: "2709", from: "2023-02", to: "2023-07", granularity: QUARTER`);
    expect(points.map((p) => [p.bucket, p.from, p.to, p.quantityTonnes, p.records])).toEqual([
      ["2023-Q1", "2023-02", "2023-03", 200, 1],
      ["2023-Q2", "2023-04", "2023-06", 400, 1],
      ["2023-Q3", "2023-07", "2023-07", null, 0],
    ]);
  });
});
