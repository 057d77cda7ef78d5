import { createKey } from "./keys";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: Record<string, string>;
let reader: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  editor = (await createKey(server, "EDITOR")).headers;
  reader = (await createKey(server, "READER")).headers;
}, 120_000);
afterAll(() => server?.close());

const IMPORT = `mutation($input: ImportExportRecordsInput!) {
  importExportRecords(input: $input) {
    summary { ok dryRun mode format read inserted updated unchanged skipped rejected errorCount errors { line field code message } source { publisher title } }
    userErrors { field code message }
  }
}`;

const COMTRADE = [
  "reporterISO,partnerISO,cmdCode,flowCode,period,netWgt,primaryValue,isNetWgtEstimated",
  "AZE,ISR,2709,X,202402,400000000,230000000,0",
  "AZE,W00,2709,X,202402,900000000,500000000,0",
  "ITA,AZE,2709,M,202402,100000000,60000000,1",
].join("\n");

describe("importExportRecords", () => {
  it("imports a small Comtrade file with an editor key, both flow directions, World skipped; a second run changes nothing", async () => {
    const input = { content: COMTRADE, fileName: "az-2024-02.csv" };
    const first = await server.gql<any>(IMPORT, { input }, editor);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.importExportRecords.summary).toMatchObject({
      ok: true,
      format: "COMTRADE",
      read: 3,
      inserted: 2,
      skipped: 1,
      rejected: 0,
      source: { publisher: "UN Comtrade", title: "Comtrade database" },
    });
    const record = await server.db.prisma.exportRecord.findFirstOrThrow({ where: { exporterCode: "AZ", importerCode: "IT", period: new Date("2024-02-01") } });
    expect(record.quantityTonnes?.toNumber()).toBe(100_000);
    expect(record.createdBy).toMatch(/^key:/);

    const again = await server.gql<any>(IMPORT, { input }, editor);
    expect(again.body.data.importExportRecords.summary).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 2 });
  });

  it("writes nothing in strict mode when a row is bad, and lists line numbers and codes", async () => {
    const before = await server.db.prisma.exportRecord.count();
    const content = ["exporter,importer,commodity,period,quantityTonnes,valueUsd", "AZ,IL,2709,2024-03,1000,500000", "AZ,XX,2709,2024-03,5,1", "AZ,TR,2709,2024-13,5,1", "AZ,GE,2709,2024-03,-5,1"].join("\n");
    const { body } = await server.gql<any>(IMPORT, { input: { content, format: "CSV", source: { publisher: "Test", title: "strict" } } }, editor);
    const summary = body.data.importExportRecords.summary;
    expect(summary.ok).toBe(false);
    expect(summary.inserted).toBe(0);
    expect(summary.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual(
      [[3, "UNKNOWN_COUNTRY"], [4, "INVALID_PERIOD"], [5, "INVALID_QUANTITY"]],
    );
    expect(await server.db.prisma.exportRecord.count()).toBe(before);
  });

  it("refuses a native file without a source and an oversized upload as userErrors", async () => {
    const noSource = await server.gql<any>(IMPORT, { input: { content: "exporter,importer,commodity,period,quantityTonnes,valueUsd\nAZ,IL,2709,2024-04,1,1", format: "CSV" } }, editor);
    expect(noSource.body.data.importExportRecords).toMatchObject({ summary: null, userErrors: [{ field: ["input", "source"], code: "BLANK" }] });
    const big = await server.gql<any>(IMPORT, { input: { content: "x".repeat(90_001), format: "CSV", source: { publisher: "T", title: "big" } } }, editor);
    expect(big.body.data.importExportRecords).toMatchObject({ summary: null, userErrors: [{ field: ["input", "content"], code: "TOO_LONG" }] });
  });

  it("needs an editor key", async () => {
    const none = await server.gql<any>(IMPORT, { input: { content: COMTRADE } });
    expect(none.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const weak = await server.gql<any>(IMPORT, { input: { content: COMTRADE } }, reader);
    expect(weak.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
