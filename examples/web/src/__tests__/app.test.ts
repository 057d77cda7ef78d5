import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser.js";
import { startLiveApi, type LiveApi } from "./support/live-api.js";
import { startPreview, type Preview } from "./support/preview.js";

const outputDir = path.resolve(__dirname, "..", "..", "test-output");

/** Requests to hosts other than this machine: the example must load nothing from a CDN. */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

describe("examples/web in headless Chromium against a started API", () => {
  let api: LiveApi;
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    api = await startLiveApi();
    [preview, browser] = await Promise.all([startPreview(new URL(api.url).origin), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.route("**/*", (route) => {
      const { hostname } = new URL(route.request().url());
      if (LOCAL_HOSTS.has(hostname)) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") consoleProblems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(preview.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    await api?.stop();
  }, 60_000);

  it("shows Azerbaijan's crude buyers for 2024-01 with Israel first at 523,500 t", async () => {
    const rows = page.locator('[data-testid="top-buyers"] tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const first = await rows.first().locator("td").allInnerTexts();
    expect(first.slice(0, 3)).toEqual(["1", "Israel", "523,500 t"]);
    expect(await rows.count()).toBeGreaterThan(1);
  }, 60_000);

  it("says the shares are of an incomplete recorded total (buyers named without figures)", async () => {
    const note = page.locator('[data-testid="top-buyers-completeness"]');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.innerText()).toMatch(/^Shares are of the recorded total only, which is known to be incomplete: /);
  }, 60_000);

  it("draws the chart: one SVG bar per buyer with a quantity", async () => {
    const quantities = await page.locator('[data-testid="top-buyers"] tbody tr td:nth-child(3)').allInnerTexts();
    const withQuantity = quantities.filter((text) => text !== "–").length;
    expect(withQuantity).toBeGreaterThan(0);
    const bars = page.locator('[data-testid="top-buyers-chart"] svg .recharts-bar-rectangle path');
    await bars.first().waitFor({ timeout: 10_000 });
    expect(await bars.count()).toBe(withQuantity);
    const tallest = await bars.first().boundingBox();
    expect(tallest?.height).toBeGreaterThan(50);
  }, 60_000);

  it("shows the AZ–IL timeline with trade, the meeting and the report", async () => {
    const entries = page.locator('[data-testid="timeline"] li');
    await entries.first().waitFor({ timeout: 30_000 });
    const kinds = await entries.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
    expect(kinds).toEqual(expect.arrayContaining(["TRADE", "MEETING", "REPORT"]));
    expect(await entries.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("AZ → IL, 2024-01: 523,500 t")]));
  }, 60_000);

  it("loads nothing from other hosts and logs no errors or warnings; saves a screenshot", async () => {
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, "example-web.png"), fullPage: true });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
