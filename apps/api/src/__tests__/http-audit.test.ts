import { serverAudits } from "graphql-http";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
}, 120_000);
afterAll(() => server?.close());

it("explore", async () => {
  for (const withHeader of [false, true]) {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (withHeader) headers.set("apollo-require-preflight", "true");
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: server.url, fetchFn });
    const out: string[] = [];
    for (const audit of audits) {
      const r = await audit.fn();
      out.push(`${r.status}\t${r.id}\t${r.name}\t${"reason" in r ? r.reason : ""}`);
    }
    console.log(`withHeader=${withHeader}\n` + out.join("\n"));
  }
});
