import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { GRAPHQL_MAX_DEPTH: "8", GRAPHQL_MAX_ALIASES: "3", GRAPHQL_MAX_TOKENS: "400", GRAPHQL_MAX_COST: "300", REQUEST_BODY_LIMIT: "5kb" } });
}, 120_000);
afterAll(() => server?.close());

const codeOf = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => body.errors?.[0]?.extensions?.code;

describe("query limits", () => {
  it("rejects a query deeper than the depth limit with MAX_DEPTH_EXCEEDED", async () => {
    const { status, body } = await server.gql(`{ country(code: "AZ") { exports { edges { node { importer { exports { nodes { importer { name } } } } } } } } }`);
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("MAX_DEPTH_EXCEEDED");
  });

  it("rejects too many aliases with MAX_ALIASES_EXCEEDED", async () => {
    const { body } = await server.gql(`{ a: country(code: "AZ") { code } b: country(code: "IL") { code } c: country(code: "TH") { code } d: country(code: "IT") { code } }`);
    expect(codeOf(body)).toBe("MAX_ALIASES_EXCEEDED");
  });

  it("rejects a query with too many tokens with MAX_TOKENS_EXCEEDED", async () => {
    const fields = Array.from({ length: 400 }, () => "code").join(" ");
    const { body } = await server.gql(`{ country(code: "AZ") { ${fields} } }`);
    expect(codeOf(body)).toBe("MAX_TOKENS_EXCEEDED");
  });

  it("rejects an expensive query with MAX_COST_EXCEEDED", async () => {
    const { status, body } = await server.gql(`{ countries(first: 10) { nodes { exports(first: 50) { nodes { id } } } } }`);
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("MAX_COST_EXCEEDED");
    // countries: 1 + 10 × (nodes 1 + exports: 1 + 50 × (nodes 1 + id 1))
    expect(body.errors?.[0]?.extensions).toMatchObject({ cost: 1 + 10 * (1 + 1 + 50 * 2), maxCost: 300 });
    const cheaper = await server.gql(`{ countries(first: 5) { nodes { exports(first: 10) { nodes { id } } } } }`);
    expect(cheaper.body.errors).toBeUndefined();
  });

  it("reports an unknown commodity instead of failing", async () => {
    const { body } = await server.gql(`{ topPartners(exporter: "AZ", commodity: "9899", period: "2024-01") { partners { rank } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNKNOWN_COMMODITY", field: "commodity" });
  });

  it("reports invalid periods with their field", async () => {
    const { body } = await server.gql(`{ topPartners(exporter: "AZ", commodity: "2709", from: "2024-03", to: "2024-01") { partners { rank } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PERIOD_RANGE" });
    const month = await server.gql(`{ tradeSeries(exporter: "AZ", from: "2024-13", to: "2024-14") { points { bucket } } }`);
    expect(month.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PERIOD", field: "from" });
  });
});

describe("HTTP", () => {
  it("rejects a batched request unless batching is enabled", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ commodities { hsCode } }" }, { query: "{ commodities { hsCode } }" }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it("rejects a body over the limit with PAYLOAD_TOO_LARGE", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ commodities { hsCode } }`, variables: { pad: "x".repeat(10_000) } }),
    });
    expect(response.status).toBe(413);
    expect(codeOf((await response.json()) as Parameters<typeof codeOf>[0])).toBe("PAYLOAD_TOO_LARGE");
  });

  it("rejects invalid JSON with BAD_REQUEST", async () => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" });
    expect(response.status).toBe(400);
    expect(codeOf((await response.json()) as Parameters<typeof codeOf>[0])).toBe("BAD_REQUEST");
  });

  it("blocks cross-site simple requests (CSRF prevention)", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent("{ commodities { hsCode } }")}`);
    expect(response.status).toBe(400);
    const ok = await fetch(`${server.url}?query=${encodeURIComponent("{ commodities { hsCode } }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(ok.status).toBe(200);
  });

  it("answers /healthz and /readyz", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("serves the Apollo Sandbox landing page outside production", async () => {
    const response = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/apollo/i);
  });
});
