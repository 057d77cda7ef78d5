import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

describe("the source article through GraphQL", () => {
  it("ranks Israel first among Azerbaijan's crude buyers in January 2024, at about 567 USD/t", async () => {
    const { status, body } = await server.gql<{ topPartners: any }>(`{
      topPartners(exporter: "aze", commodity: "2709", period: "2024-01") {
        exporter { name } commodity { hsCode } from to by totalValueUsd partnerCount
        partners { rank partner { code name } quantityTonnes valueUsd share unitPriceUsdPerTonne unitPriceUsdPerBarrel reportedRank records }
      }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const result = body.data!.topPartners;
    expect(result).toMatchObject({ exporter: { name: "Azerbaijan" }, commodity: { hsCode: "2709" }, from: "2024-01", to: "2024-01", by: "VALUE", partnerCount: 4 });
    const [israel, ...others] = result.partners;
    // The article's figure, repeated by Isranomics (seeded from data/real-observations.csv): counted once.
    expect(israel).toMatchObject({ rank: 1, partner: { code: "IL", name: "Israel" }, quantityTonnes: 523_500, valueUsd: 297_000_000, reportedRank: 1, records: 1 });
    expect(israel.unitPriceUsdPerTonne).toBeCloseTo(567.34, 1);
    expect(israel.unitPriceUsdPerBarrel).toBeCloseTo(77.4, 1);
    // The article names Thailand and Italy without figures; Isranomics gives theirs, and Türkiye's.
    expect(others.map((p: any) => [p.partner.code, p.rank, p.valueUsd])).toEqual([
      ["TH", 2, 115_000_000],
      ["IT", 3, 111_000_000],
      ["TR", 4, 2_780_000],
    ]);
  });

  it("exposes the record with its countries, commodity, source and unit prices", async () => {
    const { body } = await server.gql<{ country: any }>(`{
      country(code: "AZ") {
        code alpha3 name region
        exports(filter: { importer: "ISR", period: { from: "2024-01", to: "2024-01" } }) {
          totalCount
          nodes { id period quantityTonnes valueUsd valueApproximate unitPriceUsdPerTonne
                  exporter { code } importer { code name } commodity { description } source { publisher title url } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const country = body.data!.country;
    expect(country).toMatchObject({ code: "AZ", alpha3: "AZE", name: "Azerbaijan", region: "Asia" });
    // The article's record and Isranomics' of the same flow.
    expect(country.exports.totalCount).toBe(2);
    expect(country.exports.nodes.find((n: any) => n.source.publisher === "The Jerusalem Post")).toMatchObject({
      period: "2024-01",
      quantityTonnes: 523_500,
      valueUsd: 297_000_000,
      valueApproximate: true,
      exporter: { code: "AZ" },
      importer: { code: "IL", name: "Israel" },
      source: { publisher: "The Jerusalem Post", url: null },
    });
  });

  it("fetches the record again by its global ID", async () => {
    const list = await server.gql<{ exportRecords: any }>(`{ exportRecords(filter: { importer: "IL" }) { nodes { id } } }`);
    const id = list.body.data!.exportRecords.nodes[0].id;
    const { body } = await server.gql<{ node: any }>(`query($id: ID!) { node(id: $id) { __typename id ... on ExportRecord { period } } }`, { id });
    expect(body.data!.node).toEqual({ __typename: "ExportRecord", id, period: "2024-01" });
  });
});
