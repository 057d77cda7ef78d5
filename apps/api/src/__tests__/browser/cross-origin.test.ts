import type { Browser } from "playwright-core";
import { startTestServer, type TestServer } from "../harness";
import { blockOtherHosts, launchBrowser, screenshot, servePage, type PageServer } from "./support";

/**
 * A page as a frontend app would write it: a JSON POST and a GET (with the CSRF header) to the API on another
 * origin, results written into the page.
 */
const APP = `<!doctype html>
<html><head><meta charset="utf-8"><title>frontend</title></head>
<body><h1>frontend</h1><pre id="post"></pre><pre id="get"></pre>
<script>
  const api = new URLSearchParams(location.search).get("api");
  const write = (id, text) => { const el = document.getElementById(id); el.textContent = text; el.className = "done"; };
  const show = (id) => (result) => write(id, JSON.stringify(result));
  const failed = (id) => (error) => write(id, "FAILED: " + error.message);
  const topBuyers = 'query Top { topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", limit: 1) { partners { partner { name } quantityTonnes } } }';
  fetch(api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: topBuyers }) })
    .then(async (r) => ({ status: r.status, requestId: r.headers.get("x-request-id"), limit: r.headers.get("x-ratelimit-limit"), body: await r.json() }))
    .then(show("post"), failed("post"));
  fetch(api + "?query=" + encodeURIComponent('{ country(code: "AZ") { name } }'), { headers: { "apollo-require-preflight": "true" } })
    .then(async (r) => ({ status: r.status, cacheControl: r.headers.get("cache-control"), body: await r.json() }))
    .then(show("get"), failed("get"));
</script></body></html>`;

let browser: Browser;
let page: PageServer;
beforeAll(async () => {
  [browser, page] = await Promise.all([launchBrowser(), servePage(APP)]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await page?.close();
});

/** Opens the app against `api` and returns what its two requests produced. */
async function runApp(api: TestServer, name: string) {
  const tab = await browser.newPage();
  try {
    const blocked = await blockOtherHosts(tab);
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(`${page.origin}/?api=${encodeURIComponent(api.url)}`);
    await tab.locator("pre.done").nth(1).waitFor({ timeout: 20_000 });
    await screenshot(tab, name);
    const text = async (id: string) => (await tab.locator(`#${id}`).textContent())!;
    return { post: await text("post"), get: await text("get"), blocked, errors };
  } finally {
    await tab.close();
  }
}

describe("a page on another origin, in Chromium", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  }, 120_000);
  afterAll(() => api?.close());

  it("queries the API by POST and by GET and reads the data and exposed headers", async () => {
    expect(new URL(page.origin).port).not.toBe(new URL(api.url).port);
    const { post, get, blocked, errors } = await runApp(api, "cross-origin-dev");
    expect(JSON.parse(post)).toMatchObject({
      status: 200,
      requestId: expect.any(String),
      limit: expect.stringMatching(/^\d+$/),
      body: { data: { topPartners: { partners: [{ partner: { name: "Israel" }, quantityTonnes: 523500 }] } } },
    });
    expect(JSON.parse(get)).toEqual({ status: 200, cacheControl: "public, max-age=3600", body: { data: { country: { name: "Azerbaijan" } } } });
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe("in production", () => {
  let refusing: TestServer;
  let allowing: TestServer;
  beforeAll(async () => {
    [refusing, allowing] = await Promise.all([
      startTestServer({ env: { NODE_ENV: "production", CORS_ORIGINS: "https://app.example.com" } }),
      startTestServer({ env: { NODE_ENV: "production", CORS_ORIGINS: `https://app.example.com,${page.origin}` } }),
    ]);
  }, 120_000);
  afterAll(() => Promise.all([refusing?.close(), allowing?.close()]));

  it("refuses a page whose origin is not in CORS_ORIGINS: the browser cannot read either answer", async () => {
    const { post, get } = await runApp(refusing, "cross-origin-production-refused");
    expect(post).toBe("FAILED: Failed to fetch");
    expect(get).toBe("FAILED: Failed to fetch");
  }, 60_000);

  it("serves the same page once its origin is listed", async () => {
    const { post, get } = await runApp(allowing, "cross-origin-production-allowed");
    expect(JSON.parse(post).body.data.topPartners.partners[0].partner.name).toBe("Israel");
    expect(JSON.parse(get).body.data.country.name).toBe("Azerbaijan");
  }, 60_000);
});
