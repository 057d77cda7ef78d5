import { ISO_COUNTRIES, addMonths, periodToDate } from "@tradegraph/domain";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
const importers = ISO_COUNTRIES.map((c) => c.code).filter((code) => code !== "NO");

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.db;
  const sources = await Promise.all(
    [1, 2, 3].map((n) => prisma.source.create({ data: { publisher: "Test fixtures", title: `statements ${n}` } })),
  );
  await prisma.exportRecord.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      exporterCode: "NO",
      reporterCode: "NO",
      importerCode: importers[i % importers.length]!,
      commodityCode: ["2709", "2710", "2711"][i % 3]!,
      period: periodToDate(addMonths("2021-01", Math.floor(i / importers.length))),
      valueUsd: 10 * i,
      quantityTonnes: i,
      sourceId: sources[i % 3]!.id,
    })),
  });
}, 120_000);
afterAll(() => server?.close());

const QUERY = `query($first: Int!) {
  exportRecords(filter: { exporter: "NO" }, first: $first) {
    edges { node { id period valueUsd exporter { name } importer { name region } commodity { description } source { publisher title } } }
  }
}`;

describe("SQL statements per request", () => {
  it("are the same for 100 export records with exporter, importer, commodity and source as for 5", async () => {
    const small = await server.gql<{ exportRecords: { edges: unknown[] } }>(QUERY, { first: 5 });
    const large = await server.gql<{ exportRecords: { edges: unknown[] } }>(QUERY, { first: 100 });
    expect(small.body.data!.exportRecords.edges).toHaveLength(5);
    expect(large.body.data!.exportRecords.edges).toHaveLength(100);
    expect(small.statements).toBeGreaterThan(0);
    // One page query plus one batched load of the sources; countries and commodities are in memory.
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(small.statements);
  });

  it("computes topPartners in one statement (countries and commodities are in memory)", async () => {
    const { body, statements } = await server.gql(`{
      topPartners(exporter: "NO", commodity: "2709", from: "2021-01", to: "2021-12", limit: 100) {
        exporter { name } commodity { hsCode } partners { rank partner { name } valueUsd share }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(1);
  });

  it("says how complete topPartners' total is in the same statement", async () => {
    const { body, statements } = await server.gql(`{
      topPartners(exporter: "NO", commodity: "27", from: "2021-01", to: "2021-12", limit: 100) {
        total { basis figure complete partnersWithoutFigures { name } missingReportedRanks } partners { share shareOfCompleteTotal }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(1);
  });

  it("compares both sides over a range in one statement, plus one batched load of the sources", async () => {
    const mirror = (range: string) =>
      server.gql(`{
        mirrorFlows(exporter: "NO", importer: "${importers[0]}", commodity: "27", ${range}) {
          periods { period exporterReport { quantityTonnes sources { title } } importerReport { quantityTonnes sources { title } } valueGap }
          totals { quantityGapTonnes }
        }
      }`);
    const month = await mirror(`from: "2021-01", to: "2021-01"`);
    const decade = await mirror(`from: "2021-01", to: "2030-12"`);
    expect(month.body.errors).toBeUndefined();
    expect(decade.body.errors).toBeUndefined();
    expect(month.statements).toBe(2);
    expect(decade.statements).toBe(2);
  });

  it("lists a flow's observations with their sources in two statements", async () => {
    const { body, statements } = await server.gql(`{
      flowObservations(exporter: "NO", importer: "${importers[0]}", commodity: "2709", period: "2021-01") {
        observations { counted record { valueUsd importer { name } source { title } } } quantitySpread { spread }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(2);
  });
});
