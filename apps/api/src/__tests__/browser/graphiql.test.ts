import type { Browser, Page } from "playwright-core";
import { startTestServer, type TestServer } from "../harness";
import { blockOtherHosts, launchBrowser, screenshot } from "./support";

let browser: Browser;
let api: TestServer;
beforeAll(async () => {
  [browser, api] = await Promise.all([launchBrowser(), startTestServer()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/**
 * Replaces the query in GraphiQL's editor, runs it, and returns the response pane's text. The text is inserted
 * as one input event: typed key by key, Monaco's auto-closed brackets race the keystrokes on a loaded machine.
 */
async function runInGraphiql(tab: Page, query: string): Promise<string> {
  const editor = tab.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.waitFor({ timeout: 20_000 });
  // Monaco renders spaces as U+00A0.
  const editorText = async () => (await tab.locator(".graphiql-query-editor .view-lines").innerText()).replace(/\u00a0/g, " ");
  // A page still starting up may restore its default query over the first attempt: try again, then require it.
  let text = "";
  for (let attempt = 0; attempt < 3 && text !== query; attempt += 1) {
    await editor.click();
    await tab.keyboard.press("ControlOrMeta+A");
    await tab.keyboard.press("Delete");
    await tab.keyboard.insertText(query);
    await tab.keyboard.press("Escape");
    text = await editorText();
  }
  expect(text).toBe(query);
  await tab.locator(".graphiql-execute-button").click();
  await tab.locator(".graphiql-response").getByText("Azerbaijan").waitFor({ timeout: 20_000 });
  return (await tab.locator(".graphiql-response .view-lines").innerText()).replace(/\u00a0/g, " ");
}

describe("GraphiQL at /graphiql, offline", () => {
  it("renders and runs a query with every request off 127.0.0.1/localhost blocked, and none attempted", async () => {
    const tab = await browser.newPage();
    try {
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      const hosts = new Set<string>();
      tab.on("request", (request) => void hosts.add(new URL(request.url()).host));
      const blocked = await blockOtherHosts(tab);
      await tab.goto(api.url.replace(/\/graphql$/, "/graphiql"));
      const response = await runInGraphiql(tab, '{ country(code: "AZ") { name } }');
      expect(JSON.parse(response)).toEqual({ data: { country: { name: "Azerbaijan" } } });
      await screenshot(tab, "graphiql");
      expect(blocked).toEqual([]);
      expect([...hosts].filter((host) => host !== "")).toEqual([new URL(api.url).host]);
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 60_000);

  it("is reachable from the Sandbox landing page's link even when Apollo's CDN cannot be reached", async () => {
    const tab = await browser.newPage();
    try {
      const blocked = await blockOtherHosts(tab);
      await tab.goto(api.url, { waitUntil: "domcontentloaded" });
      await tab.locator("#graphiql-link").click();
      await tab.waitForURL(/\/graphiql$/);
      // The landing page loads Sandbox from Apollo's CDN (and fonts from Google's): those requests were blocked.
      const blockedByLandingPage = blocked.length;
      expect(blockedByLandingPage).toBeGreaterThan(0);
      const response = await runInGraphiql(tab, '{ country(code: "AZ") { name } }');
      expect(JSON.parse(response).data.country.name).toBe("Azerbaijan");
      await screenshot(tab, "graphiql-from-landing-page");
      // GraphiQL itself asked for nothing outside the machine.
      expect(blocked.slice(blockedByLandingPage)).toEqual([]);
      expect(blocked.every((url) => /(\.apollographql\.com|\.googleapis\.com|\.gstatic\.com)$/.test(new URL(url).hostname))).toBe(true);
    } finally {
      await tab.close();
    }
  }, 60_000);
});
