import { toGlobalId } from "../common/global-id";
import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

// Values in their currency, CIF/FOB values and supplementary quantities on ExportRecord, and the published
// observations the seed loads beside the article (packages/db/data/real-observations.csv).
let server: TestServer;
let editor: TestKey;

beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server, "EDITOR");
}, 120_000);
afterAll(() => server?.close());

const FIGURES = "value currency valueUsd cifValue fobValue supplementaryQuantity supplementaryUnit supplementaryQuantityEstimated quantityTonnes";

async function sourceId(publisher: string): Promise<string> {
  const source = await server.db.prisma.source.findFirstOrThrow({ where: { publisher } });
  return toGlobalId("Source", source.id);
}

async function records(source: string) {
  const { body } = await server.gql<{ exportRecords: { nodes: Array<Record<string, unknown>> } }>(
    `query($source: String!) { exportRecords(filter: { source: $source }, first: 50) { nodes { frequency period flow importer { code } commodity { hsCode } ${FIGURES} } } }`,
    { source },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.exportRecords.nodes.map(({ importer, commodity, ...rest }) => ({
    importer: (importer as { code: string }).code,
    hs: (commodity as { hsCode: string }).hsCode,
    ...rest,
  }));
}

describe("a Comtrade file over GraphQL", () => {
  it("keeps the supplementary quantity and unit, the CIF and FOB values and the currency of each row", async () => {
    const content = [
      "freqCode,reporterISO,partnerISO,flowCode,cmdCode,period,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,netWgt,cifvalue,fobvalue,primaryValue",
      "M,AZE,GEO,RX,8703,202401,5,u,120,True,180000,,2400000,2400000",
      "M,GEO,AZE,M,4407,202401,13,m³,850.5,False,510300,96000,91000,96000",
      "M,GEO,AZE,M,2201,202401,-1,N/A,0,False,250000,50000,,50000",
    ].join("\n");
    const source = { publisher: "UN Comtrade", title: "values test" };
    const { body } = await server.gql<any>(
      `mutation($input: ImportExportRecordsInput!) { importExportRecords(input: $input) { summary { ok inserted rejected } userErrors { code } } }`,
      { input: { content, format: "COMTRADE", source } },
      editor.headers,
    );
    expect(body.data.importExportRecords).toMatchObject({ summary: { ok: true, inserted: 3, rejected: 0 }, userErrors: [] });
    const rows = await records(await sourceId("UN Comtrade"));
    const byHs = Object.fromEntries(rows.map((r) => [r.hs, r]));
    expect(byHs["8703"]).toMatchObject({
      flow: "RE_EXPORT",
      currency: "USD",
      value: 2_400_000,
      valueUsd: 2_400_000,
      cifValue: null,
      fobValue: 2_400_000,
      supplementaryQuantity: 120,
      supplementaryUnit: "u",
      supplementaryQuantityEstimated: true,
      quantityTonnes: 180,
    });
    expect(byHs["4407"]).toMatchObject({ flow: "IMPORT", cifValue: 96_000, fobValue: 91_000, supplementaryQuantity: 850.5, supplementaryUnit: "m³", supplementaryQuantityEstimated: false });
    expect(byHs["2201"]).toMatchObject({ cifValue: 50_000, fobValue: null, supplementaryQuantity: null, supplementaryUnit: null });
  });
});

describe("the seeded observations", () => {
  it("rank Israel first among Azerbaijan's January 2024 crude buyers, counted once though two sources report it, then Thailand, Italy, Türkiye", async () => {
    const { body } = await server.gql<{ topPartners: any }>(`{
      topPartners(exporter: "AZ", commodity: "2709", period: "2024-01") {
        partnerCount partners { rank partner { code } quantityTonnes valueUsd reportedRank records }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const { partners, partnerCount } = body.data!.topPartners;
    expect(partnerCount).toBe(4);
    expect(partners.map((p: any) => [p.rank, p.partner.code, p.quantityTonnes, p.valueUsd, p.reportedRank, p.records])).toEqual([
      // The article's and Isranomics' report of the same flow: one observation counts.
      [1, "IL", 523_500, 297_000_000, 1, 1],
      [2, "TH", 189_000, 115_000_000, 2, 1],
      [3, "IT", 179_200, 111_000_000, 3, 1],
      [4, "TR", 5_355, 2_780_000, 9, 1],
    ]);
  });

  it("keep Eurostat's 2023 figures as annual imports reported by the importers, in EUR, without a USD value", async () => {
    const rows = await records(await sourceId("ABC.AZ (Fineko), citing Eurostat"));
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row).toMatchObject({ frequency: "ANNUAL", period: "2023", flow: "IMPORT", currency: "EUR", valueUsd: null, hs: "2709" });
    expect(rows.find((r) => r.importer === "IT")).toMatchObject({ quantityTonnes: 11_300_000, value: 6_800_000_000 });
    // Not in any USD total: Italy's 2023 annual crude imports from Azerbaijan have no USD value to add.
    const { body } = await server.gql<{ topPartners: any }>(`{
      topPartners(exporter: "AZ", commodity: "2709", period: "2023", frequency: ANNUAL) { partners { partner { code } quantityTonnes valueUsd flows } }
    }`);
    expect(body.errors).toBeUndefined();
    const italy = body.data!.topPartners.partners.find((p: any) => p.partner.code === "IT");
    expect(italy).toMatchObject({ quantityTonnes: 11_300_000, valueUsd: null, flows: ["IMPORT"] });
  });
});

const RECORD = `id ${FIGURES}`;
const ERRORS = "userErrors { field code message }";
const CREATE = `mutation($input: ExportRecordInput!) { createExportRecord(input: $input) { exportRecord { ${RECORD} } ${ERRORS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExportRecordInput!) { updateExportRecord(id: $id, input: $input) { exportRecord { ${RECORD} } ${ERRORS} } }`;

async function mutate(query: string, variables: Record<string, unknown>) {
  const { body } = await server.gql<Record<string, any>>(query, variables, editor.headers);
  expect(body.errors).toBeUndefined();
  const payload = Object.values(body.data!)[0];
  return { record: payload.exportRecord, errors: payload.userErrors.map((e: any) => [e.field?.join("."), e.code]) };
}

describe("createExportRecord and updateExportRecord", () => {
  let source: string;
  beforeAll(async () => {
    source = await sourceId("The Jerusalem Post");
  });
  const input = (change: Record<string, unknown>) => ({ exporter: "AZ", importer: "DE", commodity: "2709", frequency: "ANNUAL", period: "2022", flow: "IMPORT", source, ...change });

  it("store a value in EUR with its CIF value, and a USD value given as value", async () => {
    const eur = await mutate(CREATE, { input: input({ value: 750_300_000, currency: "eur", cifValue: 750_300_000, quantityTonnes: 1_200_000 }) });
    expect(eur.errors).toEqual([]);
    expect(eur.record).toMatchObject({ value: 750_300_000, currency: "EUR", valueUsd: null, cifValue: 750_300_000, fobValue: null });
    const usd = await mutate(CREATE, { input: input({ importer: "AT", value: 1000.5, supplementaryQuantity: 12, supplementaryUnit: "u", supplementaryQuantityEstimated: true }) });
    expect(usd.errors).toEqual([]);
    expect(usd.record).toMatchObject({ value: 1000.5, valueUsd: 1000.5, currency: "USD", supplementaryQuantity: 12, supplementaryUnit: "u", supplementaryQuantityEstimated: true });
    // Changing the unit alone keeps the quantity; clearing the quantity alone leaves a unit without one.
    const metres = await mutate(UPDATE, { id: usd.record.id, input: { supplementaryUnit: "m²" } });
    expect(metres.record).toMatchObject({ supplementaryQuantity: 12, supplementaryUnit: "m²" });
    expect((await mutate(UPDATE, { id: usd.record.id, input: { supplementaryQuantity: null } })).errors).toEqual([["input.supplementaryUnit", "UNIT_WITHOUT_QUANTITY"]]);
    // In EUR the value stays and valueUsd goes: no conversion is invented.
    const converted = await mutate(UPDATE, { id: usd.record.id, input: { currency: "EUR", value: 930 } });
    expect(converted.record).toMatchObject({ currency: "EUR", value: 930, valueUsd: null });
  });

  it.each([
    [{ currency: "EURO", value: 1 }, "input.currency", "INVALID_CURRENCY"],
    [{ currency: "EUR", valueUsd: 1 }, "input.valueUsd", "CURRENCY_MISMATCH"],
    [{ valueUsd: 1, value: 2 }, "input.value", "VALUE_MISMATCH"],
    [{ value: -1 }, "input.value", "INVALID_AMOUNT"],
    [{ cifValue: -1 }, "input.cifValue", "INVALID_AMOUNT"],
    [{ fobValue: -0.5 }, "input.fobValue", "INVALID_AMOUNT"],
    [{ supplementaryQuantity: 5 }, "input.supplementaryUnit", "MISSING_UNIT"],
    [{ supplementaryUnit: "u" }, "input.supplementaryUnit", "UNIT_WITHOUT_QUANTITY"],
    [{ supplementaryQuantity: -5, supplementaryUnit: "u" }, "input.supplementaryQuantity", "INVALID_QUANTITY"],
    [{ supplementaryQuantity: 5, supplementaryUnit: "x".repeat(17) }, "input.supplementaryUnit", "INVALID_UNIT"],
  ])("refuse %j with %s %s", async (change, field, code) => {
    const before = await server.db.prisma.exportRecord.count();
    const { record, errors } = await mutate(CREATE, { input: input({ importer: "FR", ...change }) });
    expect(record).toBeNull();
    expect(errors).toEqual([[field, code]]);
    expect(await server.db.prisma.exportRecord.count()).toBe(before);
  });
});
