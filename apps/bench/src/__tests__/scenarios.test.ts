import { buildScenarios, graphqlData, lastDay, monthsBetween, rankPartners, tradegraphId, type BenchParams, type Variant } from "../scenarios";
import { firstDifference } from "../stats";

const params: BenchParams = {
  countries: ["AZ"],
  topPartners: [{ exporter: "AZ", commodity: "2709", period: "2024-01" }],
  page: [{ commodity: "2709", from: "2023-11", to: "2024-01", minValueUsd: 1_000_000 }],
  pairs: [{ a: "AZ", b: "IL", from: "2023-12", to: "2024-02" }],
  records: [{ rowId: 7, postgraphileId: "WyJFeHBvcnRSZWNvcmQiLDdd" }],
};

const scenarios = buildScenarios(params);
const variant = (id: string): Variant => scenarios.find((s) => s.id === id)!.variants[0]!;

/** Normalises each server's response and expects all three canonical answers to be equal. */
function expectSameAnswer(v: Variant, responses: { tradegraph: unknown; postgraphile: unknown; raw: unknown }) {
  const canonical = {
    tradegraph: v.normalise.tradegraph(responses.tradegraph),
    postgraphile: v.normalise.postgraphile(responses.postgraphile),
    raw: v.normalise.raw(responses.raw),
  };
  expect(firstDifference(canonical.raw, canonical.tradegraph)).toBeNull();
  expect(firstDifference(canonical.raw, canonical.postgraphile)).toBeNull();
  return canonical.raw;
}

const IL = { code: "IL", name: "Israel" };
const CRUDE = { hsCode: "2709", description: "Crude petroleum oils" };

describe("requests", () => {
  it("sends GraphQL servers a {query, variables} body and the raw floor its parameters", () => {
    const s1 = variant("S1");
    expect(s1.request.tradegraph.path).toBe("/graphql");
    expect(JSON.parse(s1.request.tradegraph.body)).toEqual({ query: expect.stringContaining("country(code: $code)"), variables: { code: "AZ" } });
    expect(JSON.parse(s1.request.postgraphile.body).query).toContain("countryByCode");
    expect(s1.request.raw).toEqual({ path: "/s1", body: JSON.stringify({ code: "AZ" }) });
  });

  it("gives PostGraphile dates and decimal strings, tradegraph months and numbers", () => {
    expect(JSON.parse(variant("S3").request.postgraphile.body).variables).toEqual({
      commodity: "2709",
      from: "2023-11-01",
      to: "2024-01-01",
      minValue: "1000000",
    });
    expect(JSON.parse(variant("S3").request.tradegraph.body).variables.filter).toEqual({
      commodity: "2709",
      period: { from: "2023-11", to: "2024-01" },
      valueUsd: { gte: 1_000_000 },
    });
  });

  it("addresses records by each server's own global ID", () => {
    expect(JSON.parse(variant("S5").request.tradegraph.body).variables).toEqual({ id: tradegraphId("ExportRecord", 7) });
    expect(Buffer.from(tradegraphId("ExportRecord", 7), "base64url").toString()).toBe("ExportRecord:7");
    expect(JSON.parse(variant("S5").request.postgraphile.body).variables).toEqual({ id: "WyJFeHBvcnRSZWNvcmQiLDdd" });
  });

  it("only builds the scenarios asked for", () => {
    expect(buildScenarios(params, ["S2", "S5"]).map((s) => s.id)).toEqual(["S2", "S5"]);
  });
});

describe("normalisers", () => {
  it("S1: reads each server's shape of a country's latest exports alike", () => {
    const record = { period: "2024-01", valueUsd: 297_000_000, quantityTonnes: 523_500 };
    const canonical = expectSameAnswer(variant("S1"), {
      tradegraph: { data: { country: { code: "AZ", name: "Azerbaijan", exports: { nodes: [{ ...record, importer: IL, commodity: CRUDE }] } } } },
      postgraphile: {
        data: {
          countryByCode: {
            code: "AZ",
            name: "Azerbaijan",
            exportRecordsByExporterCode: {
              nodes: [{ period: "2024-01-01", valueUsd: "297000000.00", quantityTonnes: "523500.000", countryByImporterCode: IL, commodityByCommodityCode: CRUDE }],
            },
          },
        },
      },
      raw: { country: { code: "AZ", name: "Azerbaijan", exports: [{ ...record, importer: IL, commodity: CRUDE }] } },
    });
    expect(canonical).toEqual({ code: "AZ", name: "Azerbaijan", exports: [{ ...record, importer: IL, commodity: CRUDE }] });
  });

  it("S1: reads an annual record's period (tradegraph's 2023) as the peers' stored first month", () => {
    const record = { valueUsd: null, quantityTonnes: 11_300_000 };
    const canonical = expectSameAnswer(variant("S1"), {
      tradegraph: { data: { country: { code: "AZ", name: "Azerbaijan", exports: { nodes: [{ ...record, period: "2023", importer: IL, commodity: CRUDE }] } } } },
      postgraphile: {
        data: {
          countryByCode: {
            code: "AZ",
            name: "Azerbaijan",
            exportRecordsByExporterCode: {
              nodes: [{ period: "2023-01-01", valueUsd: null, quantityTonnes: "11300000.000", countryByImporterCode: IL, commodityByCommodityCode: CRUDE }],
            },
          },
        },
      },
      raw: { country: { code: "AZ", name: "Azerbaijan", exports: [{ ...record, period: "2023-01", importer: IL, commodity: CRUDE }] } },
    });
    expect((canonical as { exports: Array<{ period: string }> }).exports[0]!.period).toBe("2023-01");
  });

  it("S1: notices a different value", () => {
    const v = variant("S1");
    const tg = v.normalise.tradegraph({
      data: { country: { code: "AZ", name: "Azerbaijan", exports: { nodes: [{ period: "2024-01", valueUsd: 1, quantityTonnes: null, importer: IL, commodity: CRUDE }] } } },
    });
    const raw = v.normalise.raw({ country: { code: "AZ", name: "Azerbaijan", exports: [{ period: "2024-01", valueUsd: 2, quantityTonnes: null, importer: IL, commodity: CRUDE }] } });
    expect(firstDifference(raw, tg)).toBe("$.exports[0].valueUsd: expected 2, got 1");
  });

  it("S2: ranks PostGraphile's grouped sums client-side (top 10, competition ranks, shares)", () => {
    const groups = [
      { code: "IL", value: 300 },
      { code: "IT", value: 500 },
      { code: "IN", value: 200 },
    ];
    const canonical = expectSameAnswer(variant("S2"), {
      tradegraph: {
        data: {
          topPartners: {
            totalValueUsd: 1000,
            partnerCount: 3,
            partners: [
              { rank: 1, partner: { code: "IT", name: "Italy" }, valueUsd: 500, quantityTonnes: 5, share: 0.5 },
              { rank: 2, partner: { code: "IL", name: "Israel" }, valueUsd: 300, quantityTonnes: 3, share: 0.3 },
              { rank: 3, partner: { code: "IN", name: "India" }, valueUsd: 200, quantityTonnes: 2, share: 0.2 },
            ],
          },
        },
      },
      postgraphile: {
        data: {
          flows: {
            aggregates: { sum: { valueUsd: "1000" } },
            groupedAggregates: groups.map((g) => ({ keys: [g.code], sum: { valueUsd: String(g.value), quantityTonnes: String(g.value / 100) } })),
          },
          partners: { nodes: [{ code: "IN", name: "India" }, IL, { code: "IT", name: "Italy" }] },
        },
      },
      raw: {
        totalValueUsd: 1000,
        partnerCount: 3,
        partners: [
          { code: "IT", name: "Italy", valueUsd: 500, quantityTonnes: 5, rank: 1, share: 0.5 },
          { code: "IL", name: "Israel", valueUsd: 300, quantityTonnes: 3, rank: 2, share: 0.3 },
          { code: "IN", name: "India", valueUsd: 200, quantityTonnes: 2, rank: 3, share: 0.2 },
        ],
      },
    });
    expect((canonical as { partners: Array<{ code: string }> }).partners.map((p) => p.code)).toEqual(["IT", "IL", "IN"]);
  });

  it("S2: rankPartners breaks value ties by code, shares ranks, and keeps the limit", () => {
    const ranked = rankPartners(
      [
        { code: "B", name: "b", valueUsd: 10, quantityTonnes: 1 },
        { code: "A", name: "a", valueUsd: 10, quantityTonnes: 1 },
        { code: "C", name: "c", valueUsd: 20, quantityTonnes: 1 },
        { code: "D", name: "d", valueUsd: 5, quantityTonnes: 1 },
      ],
      45,
      3,
    );
    expect(ranked.map((p) => [p.code, p.rank, p.share])).toEqual([
      ["C", 1, 20 / 45],
      ["A", 2, 10 / 45],
      ["B", 2, 10 / 45],
    ]);
  });

  it("S4: fills PostGraphile's missing months with empty points and sorts commodities by value", () => {
    const group = (key: string, value: number, records: number) => ({ keys: [key], sum: { valueUsd: String(value), quantityTonnes: "0" }, distinctCount: { rowId: String(records) } });
    const emptyPg = { aggregates: { sum: { valueUsd: "0", quantityTonnes: "0" } }, totalCount: 0, byMonth: [], byCommodity: [] };
    const point = (period: string, valueUsd: number | null, records: number) => ({ bucket: period, valueUsd, quantityTonnes: null, records });
    const tgDirection = {
      valueUsd: 30,
      quantityTonnes: null,
      records: 3,
      byCommodity: [
        { commodity: { hsCode: "2711" }, valueUsd: 20, quantityTonnes: null, records: 1 },
        { commodity: { hsCode: "2709" }, valueUsd: 10, quantityTonnes: null, records: 2 },
      ],
      series: [point("2023-12", null, 0), point("2024-01", 30, 3), point("2024-02", null, 0)],
    };
    const tgEmpty = { valueUsd: null, quantityTonnes: null, records: 0, byCommodity: [], series: ["2023-12", "2024-01", "2024-02"].map((p) => point(p, null, 0)) };
    const meeting = { title: "Munich", startDate: "2024-02-17" };
    const canonical = expectSameAnswer(variant("S4"), {
      tradegraph: { data: { bilateral: { a: { code: "AZ", name: "Azerbaijan" }, b: IL, aToB: tgDirection, bToA: tgEmpty, meetings: [meeting], reports: [] } } },
      postgraphile: {
        data: {
          a: { code: "AZ", name: "Azerbaijan" },
          b: IL,
          aToB: {
            aggregates: { sum: { valueUsd: "30", quantityTonnes: "0" } },
            totalCount: 3,
            byMonth: [group("2024-01-01", 30, 3)],
            byCommodity: [group("2709", 10, 2), group("2711", 20, 1)],
          },
          bToA: emptyPg,
          meetings: { nodes: [meeting] },
          reports: { nodes: [] },
        },
      },
      raw: {
        a: { code: "AZ", name: "Azerbaijan" },
        b: IL,
        aToB: {
          ...tgDirection,
          byCommodity: tgDirection.byCommodity.map(({ commodity, ...rest }) => ({ hsCode: commodity.hsCode, ...rest })),
          series: tgDirection.series.map(({ bucket, ...rest }) => ({ period: bucket, ...rest })),
        },
        bToA: { ...tgEmpty, series: tgEmpty.series.map(({ bucket, ...rest }) => ({ period: bucket, ...rest })) },
        meetings: [meeting],
        reports: [],
      },
    }) as { aToB: { series: unknown[]; byCommodity: Array<{ hsCode: string }> } };
    expect(canonical.aToB.series).toHaveLength(3);
    expect(canonical.aToB.byCommodity.map((c) => c.hsCode)).toEqual(["2711", "2709"]);
  });

  it("throws on GraphQL errors with their code", () => {
    expect(() => graphqlData({ errors: [{ message: "No such country", extensions: { code: "UNKNOWN_COUNTRY" } }] })).toThrow(
      "GraphQL error UNKNOWN_COUNTRY: No such country",
    );
    expect(() => variant("S5").normalise.tradegraph({ data: null })).toThrow(/No data/);
  });
});

describe("months", () => {
  it("lists the months of a range across a year end and knows month lengths", () => {
    expect(monthsBetween("2023-11", "2024-02")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(monthsBetween("2024-03", "2024-03")).toEqual(["2024-03"]);
    expect(lastDay("2024-02")).toBe("2024-02-29");
    expect(lastDay("2023-12")).toBe("2023-12-31");
  });
});
