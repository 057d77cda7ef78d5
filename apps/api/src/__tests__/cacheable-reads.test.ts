import { createHash } from "node:crypto";
import { startTestServer, type TestServer } from "./harness";
import { createKey } from "./keys";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

const PREFLIGHT = { "apollo-require-preflight": "true" };

/** A GET request as a browser or CDN sends it: everything in the query string. */
function get(params: Record<string, unknown>, headers: Record<string, string> = PREFLIGHT) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  return fetch(`${server.url}?${search}`, { headers });
}

describe("GET queries", () => {
  it("answer a query with the preflight header, with a long public max age for reference data", async () => {
    const response = await get({ query: `{ country(code: "AZ") { name } commodities { hsCode } }` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { country: { name: string }; commodities: unknown[] } };
    expect(body.data.country.name).toBe("Azerbaijan");
    expect(body.data.commodities.length).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("vary")).toBe("Origin, Authorization");
  });

  it("give trade queries a short max age, variables and operation name included", async () => {
    const response = await get({
      query: `query Top($period: String!) { topPartners(exporter: "AZ", commodity: "2709", period: $period, limit: 1) { partners { partner { name } quantityTonnes } } }`,
      variables: { period: "2024-01" },
      operationName: "Top",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { topPartners: { partners: Array<{ partner: { name: string }; quantityTonnes: number }> } } };
    expect(body.data.topPartners.partners[0]).toEqual({ partner: { name: "Israel" }, quantityTonnes: 523500 });
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("mark any request made with an API key private", async () => {
    const reader = await createKey(server, "READER");
    const response = await get({ query: `{ countries(first: 1) { totalCount } }` }, { ...PREFLIGHT, ...reader.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
  });

  it("do not cache an answer with errors", async () => {
    const response = await get({ query: `{ country(code: "XX") { name } }` });
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("UNKNOWN_COUNTRY");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuse a mutation over GET with 405 and run nothing, even with an editor key", async () => {
    const editor = await createKey(server, "EDITOR");
    const before = await server.db.prisma.source.count();
    const mutation = `mutation { createSource(input: { publisher: "GET", title: "over GET" }) { source { id } } }`;
    const response = await get({ query: mutation }, { ...PREFLIGHT, ...editor.headers });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.text()).toMatch(/mutation/i);
    expect(await server.db.prisma.source.count()).toBe(before);
    // The same mutation over POST is fine: only the method was refused.
    const posted = await server.gql<{ createSource: { source: { id: string } } }>(mutation, undefined, editor.headers);
    expect(posted.body.data?.createSource.source.id).toEqual(expect.any(String));
    expect(posted.headers.get("cache-control")).toBe("no-store");
    expect(await server.db.prisma.source.count()).toBe(before + 1);
  });
});

describe("automatic persisted queries", () => {
  const query = `{ country(code: "IL") { name alpha3 } }`;
  const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };

  it("ask for the query on an unknown hash, take hash and query, then answer the hash alone (POST and GET)", async () => {
    const post = (body: unknown) =>
      fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
      }));

    const unknown = await post({ extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.body.data).toBeUndefined();

    const registered = await post({ query, extensions: { persistedQuery } });
    expect(registered).toEqual({ status: 200, body: { data: { country: { name: "Israel", alpha3: "ISR" } } } });

    const byHash = await post({ extensions: { persistedQuery } });
    expect(byHash).toEqual({ status: 200, body: { data: { country: { name: "Israel", alpha3: "ISR" } } } });

    const byGet = await get({ extensions: { persistedQuery } });
    expect(byGet.status).toBe(200);
    expect(await byGet.json()).toEqual({ data: { country: { name: "Israel", alpha3: "ISR" } } });
    expect(byGet.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("refuse a hash that does not match the query with BAD_REQUEST", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }`, extensions: { persistedQuery } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });
});
