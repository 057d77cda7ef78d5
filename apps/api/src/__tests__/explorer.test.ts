import { startTestServer, type TestServer } from "./harness";

let dev: TestServer;
let graphiql: TestServer;
let none: TestServer;
let production: TestServer;
let productionGraphiql: TestServer;
beforeAll(async () => {
  [dev, graphiql, none, production, productionGraphiql] = await Promise.all([
    startTestServer({ seed: false }),
    startTestServer({ seed: false, env: { GRAPHQL_EXPLORER: "graphiql" } }),
    startTestServer({ seed: false, env: { GRAPHQL_EXPLORER: "none" } }),
    startTestServer({ seed: false, env: { NODE_ENV: "production" } }),
    startTestServer({ seed: false, env: { NODE_ENV: "production", GRAPHQL_EXPLORER: "graphiql" } }),
  ]);
}, 120_000);
afterAll(() => Promise.all([dev, graphiql, none, production, productionGraphiql].map((s) => s?.close())));

// A server's first GraphiQL page loads the renderer's bundle (several MB): seconds on a loaded 2-core machine.
const FIRST_GRAPHIQL_PAGE_MS = 30_000;
const browse = (url: string) => fetch(url, { headers: { accept: "text/html" } });
const graphiqlUrl = (server: TestServer) => server.url.replace(/\/graphql$/, "/graphiql");

/** URLs in src/href attributes and CSS url(...) that point off the page's own server. */
function externalReferences(html: string): string[] {
  const found = [...html.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+|url\(\s*["']?https?:\/\/[^)]+/gi)].map((m) => m[0]);
  return found.filter((ref) => !/\b(127\.0\.0\.1|localhost)\b/.test(ref));
}

describe("explorers", () => {
  it("outside production, GET /graphql shows Apollo Sandbox with a link to the offline GraphiQL", async () => {
    const html = await (await browse(dev.url)).text();
    expect(html).toMatch(/sandbox/i);
    expect(html).toContain('href="/graphiql"');
  });

  it("serves GraphiQL at /graphiql as one page that references nothing outside the server", async () => {
    const response = await browse(graphiqlUrl(dev));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("renderYogaGraphiQL");
    expect(html).toContain('"endpoint":"/graphql"');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(externalReferences(html)).toEqual([]);
  }, FIRST_GRAPHIQL_PAGE_MS);

  it("GRAPHQL_EXPLORER=graphiql shows GraphiQL at /graphql", async () => {
    const html = await (await browse(graphiql.url)).text();
    expect(html).toContain("renderYogaGraphiQL");
    expect(html).not.toMatch(/embeddable-sandbox|apollographql\.com/);
  }, FIRST_GRAPHIQL_PAGE_MS);

  it("GRAPHQL_EXPLORER=none shows no explorer at either address", async () => {
    expect(await (await browse(none.url)).text()).not.toMatch(/sandbox|graphiql/i);
    expect((await browse(graphiqlUrl(none))).status).toBe(404);
  });

  it("in production there is no explorer unless GRAPHQL_EXPLORER asks for one", async () => {
    expect(await (await browse(production.url)).text()).not.toMatch(/sandbox|graphiql/i);
    expect((await browse(graphiqlUrl(production))).status).toBe(404);
    expect(await (await browse(productionGraphiql.url)).text()).toContain("renderYogaGraphiQL");
    expect((await browse(graphiqlUrl(productionGraphiql))).status).toBe(200);
  }, FIRST_GRAPHIQL_PAGE_MS);
});
