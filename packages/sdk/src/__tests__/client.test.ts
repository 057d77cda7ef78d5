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
