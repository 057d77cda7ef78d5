import { startTestServer, type TestServer } from "./harness";

const logs: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logs });
}, 120_000);
afterAll(() => server?.close());

describe("request logs", () => {
  it("write one JSON line per request with request id, operation name, duration and error codes", async () => {
    const ok = await server.gql(`query ArticleBuyers { topPartners(exporter: "AZ", commodity: "2709", period: "2024-01") { partners { rank } } }`, undefined, {
      "x-request-id": "test-request-1",
    });
    expect(ok.headers.get("x-request-id")).toBe("test-request-1");
    await server.gql(`query BadCountry { country(code: "XX") { code } }`);

    const lines = logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "graphql request");
    const first = lines.find((entry) => entry.requestId === "test-request-1");
    expect(first).toMatchObject({ operationName: "ArticleBuyers", errorCodes: [], service: "tradegraph-api" });
    expect(typeof first.durationMs).toBe("number");
    expect(lines.find((entry) => entry.operationName === "BadCountry")).toMatchObject({ errorCodes: ["UNKNOWN_COUNTRY"] });
  });

  it("never contain the Authorization header or a key", async () => {
    const secret = "tg_abcdefgh_" + "x".repeat(43);
    const response = await server.gql(`{ commodities { hsCode } }`, undefined, { authorization: `Bearer ${secret}` });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(logs.join("\n")).not.toContain(secret);
  });
});
