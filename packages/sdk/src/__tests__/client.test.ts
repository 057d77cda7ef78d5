import { collectAll, createClient, TradegraphError, TopPartnersDocument } from "../index.js";
import { startLiveApi, type LiveApi } from "./live-api.js";

let api: LiveApi;
beforeAll(async () => {
  api = await startLiveApi();
}, 120_000);
afterAll(() => api?.stop());

describe("the SDK against a running API", () => {
  it("answers the article's question through topPartners with typed results", async () => {
    const client = createClient({ url: api.url });
    const { topPartners } = await client.topPartners({ exporter: "AZ", commodity: "2709", period: "2024-01" });
    const [first] = topPartners.partners;
    expect(first).toMatchObject({ rank: 1, quantityTonnes: 523_500, valueUsd: 297_000_000, partner: { code: "IL", name: "Israel" } });
    expect(first!.unitPriceUsdPerTonne).toBeCloseTo(567.34, 1);
  });

  it("compares both sides of a flow and lists its observations through mirrorFlows and flowObservations", async () => {
    const client = createClient({ url: api.url });
    const flow = { exporter: "AZ", importer: "IL", commodity: "2709" };
    const { mirrorFlows } = await client.mirrorFlows({ ...flow, from: "2024-01", to: "2024-01" });
    // Israel's own import statistics are not recorded: that side is said to be missing, never filled in.
    expect(mirrorFlows.periods).toEqual([expect.objectContaining({ period: "2024-01", missingSide: "IMPORTER", importerReport: null, cifFobRatio: null })]);
    expect(mirrorFlows.periods[0]!.exporterReport).toMatchObject({ flows: ["EXPORT"], valueBasis: "FOB", currency: "USD" });
    const { flowObservations } = await client.flowObservations({ ...flow, period: "2024-01" });
    expect(flowObservations.observations.map((o) => o.record.quantityTonnes)).toContain(523_500);
    expect(flowObservations.observations.filter((o) => o.counted)).toHaveLength(1);
  });

  it("walks every page of a connection with the page walker", async () => {
    const client = createClient({ url: api.url });
    const countries = await collectAll((after) => client.countries({ first: 50, after }).then((r) => r.countries));
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.code)).size).toBe(249);
  });

  it("surfaces API errors as TradegraphError with the API's code", async () => {
    const client = createClient({ url: api.url });
    const error = await client.country({ code: "XX" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TradegraphError);
    expect(error).toMatchObject({ code: "UNKNOWN_COUNTRY", status: 200 });
    expect((error as TradegraphError).errors[0]?.extensions?.field).toBe("code");
  });

  it("reports an unreachable server as NETWORK_ERROR", async () => {
    const client = createClient({ url: "http://127.0.0.1:9/graphql" });
    await expect(client.commodities()).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("runs the same typed documents through Apollo Client (core, no React)", async () => {
    const { ApolloClient, HttpLink, InMemoryCache } = await import("@apollo/client/core");
    const apollo = new ApolloClient({ link: new HttpLink({ uri: api.url }), cache: new InMemoryCache() });
    const { data } = await apollo.query({ query: TopPartnersDocument, variables: { exporter: "AZE", commodity: "2709", period: "2024-01" } });
    expect(data?.topPartners.partners[0]?.partner.name).toBe("Israel");
    apollo.stop();
  });
});

describe("the SDK for the diplomacy side", () => {
  it("returns the article's trade, meeting and report through bilateral", async () => {
    const client = createClient({ url: api.url });
    const { bilateral } = await client.bilateral({ a: "IL", b: "AZ" });
    expect(bilateral.bToA).toMatchObject({ quantityTonnes: 523_500, valueUsd: 297_000_000 });
    expect(bilateral.meetings.map((m) => m.event)).toEqual(["Munich Security Conference 2024"]);
    expect(bilateral.reports.map((r) => r.publisher)).toEqual(["Diaspora Ministry"]);
    const kinds = bilateral.timeline.map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(["TRADE", "MEETING", "REPORT"]));
  });

  it("finds the report by full-text search", async () => {
    const client = createClient({ url: api.url });
    const hits = await client.search({ text: "antisemitism" });
    const first = hits.search[0]!.node;
    expect(first.__typename).toBe("Report");
    if (first.__typename === "Report") expect(first.publisher).toBe("Diaspora Ministry");
  });
});

describe("the SDK for writes", () => {
  let editorKey: string;
  let sourceId: string;

  beforeAll(async () => {
    editorKey = await api.createKey("editor");
    const { exportRecords } = await createClient({ url: api.url }).exportRecords({ filter: { importer: "IL" } });
    sourceId = exportRecords.nodes[0]!.source.id;
  }, 60_000);

  it("creates an export record with an editor key", async () => {
    const client = createClient({ url: api.url, apiKey: editorKey });
    const { createExportRecord } = await client.createExportRecord({
      input: { exporter: "AZE", importer: "GR", commodity: "2709", period: "2024-02", quantityTonnes: 100_000, valueUsd: 55_000_000, source: sourceId },
    });
    expect(createExportRecord.userErrors).toEqual([]);
    expect(createExportRecord.exportRecord).toMatchObject({ period: "2024-02", importer: { code: "GR" }, quantityTonnes: 100_000 });
    expect(createExportRecord.exportRecord!.unitPriceUsdPerTonne).toBeCloseTo(550, 5);
  });

  it("returns typed userErrors for invalid input and writes nothing", async () => {
    const client = createClient({ url: api.url, apiKey: editorKey });
    const before = await api.db.prisma.exportRecord.count();
    const { createExportRecord } = await client.createExportRecord({
      input: { exporter: "XX", importer: "IL", commodity: "2709", period: "2024-13", quantityTonnes: -5, source: sourceId },
    });
    expect(createExportRecord.exportRecord).toBeNull();
    const codes = createExportRecord.userErrors.map((e) => [e.field?.join("."), e.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["input.exporter", "UNKNOWN_COUNTRY"],
        ["input.period", "INVALID_PERIOD"],
        ["input.quantityTonnes", "INVALID_QUANTITY"],
      ]),
    );
    expect(await api.db.prisma.exportRecord.count()).toBe(before);
  });

  it("raises UNAUTHENTICATED as a typed error without a key", async () => {
    const client = createClient({ url: api.url });
    const error = await client
      .createExportRecord({ input: { exporter: "AZ", importer: "IL", commodity: "2709", period: "2024-03", source: sourceId } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TradegraphError);
    expect((error as TradegraphError).code).toBe("UNAUTHENTICATED");
    expect((error as TradegraphError).hasCode("UNAUTHENTICATED")).toBe(true);
  });
});
