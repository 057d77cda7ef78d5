import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

// Issue 12's story end to end over GraphQL, on the seeded database: a download in UN Comtrade's format (annual and
// monthly rows, one flow at HS2/HS4/HS6, both sides of a mirror pair, a re-export, a quantity in units) and the
// published observations the seed holds (packages/db/data/real-observations.csv).
let server: TestServer;
let editor: TestKey;

const HEADER =
  "freqCode,reporterISO,partnerISO,flowCode,cmdCode,period,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,netWgt,cifvalue,fobvalue,primaryValue";
const DOWNLOAD = [
  HEADER,
  // Azerbaijan's export of crude to Italy, February 2024, at three HS levels, and Italy's report of it.
  "M,AZE,ITA,X,27,202402,8,kg,1300000000,False,1300000000,,760000000,760000000",
  "M,AZE,ITA,X,2709,202402,8,kg,1210000000,False,1210000000,,688500000,688500000",
  "M,AZE,ITA,X,270900,202402,8,kg,1210000000,False,1210000000,,688500000,688500000",
  "M,ITA,AZE,M,2709,202402,8,kg,1215000000,False,1215000000,702400000,,702400000",
  // The same pair for a year.
  "A,AZE,ITA,X,2709,2022,8,kg,14200000000,False,14200000000,,8100000000,8100000000",
  "A,ITA,AZE,M,2709,2022,8,kg,14350000000,False,14350000000,8310000000,,8310000000",
  // A re-export of cars counted in units.
  "M,AZE,GEO,RX,8703,202402,5,u,120,True,180000,,2400000,2400000",
  // A customs figure for the article's flow: Azerbaijan's crude export to Israel, January 2024.
  "M,AZE,ISR,X,2709,202401,8,kg,520000000,False,520000000,,296000000,296000000",
].join("\n");

async function importDownload(title: string) {
  const { body } = await server.gql<any>(
    `mutation($input: ImportExportRecordsInput!) { importExportRecords(input: $input) { summary { ok inserted updated unchanged rejected } userErrors { code } } }`,
    { input: { content: DOWNLOAD, format: "COMTRADE", source: { publisher: "UN Comtrade", title } } },
    editor.headers,
  );
  expect(body.errors).toBeUndefined();
  return body.data.importExportRecords;
}

beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server, "EDITOR");
  expect(await importDownload("Comtrade download, AZ 2022–2024")).toMatchObject({ summary: { ok: true, inserted: 8, rejected: 0 }, userErrors: [] });
}, 120_000);
afterAll(() => server?.close());

async function query<T>(text: string): Promise<T> {
  const { body } = await server.gql<T>(text);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const REPORT = "quantityTonnes value currency valueBasis flows";
const PERIODS = `periods { period missingSide quantityGapTonnes valueGap currency cifFobRatio comparable incomparableReason exporterReport { ${REPORT} } importerReport { ${REPORT} } }`;

describe("a Comtrade download over GraphQL", () => {
  it("stores every row once: a second download of the same rows changes nothing", async () => {
    expect(await importDownload("Comtrade download, AZ 2022–2024")).toMatchObject({
      summary: { ok: true, inserted: 0, updated: 0, unchanged: 8, rejected: 0 },
    });
  });

  it("puts Azerbaijan's FOB export to Italy beside Italy's CIF import, with the gap and the ratio, monthly and annual", async () => {
    const { mirrorFlows } = await query<any>(`{ mirrorFlows(exporter: "AZ", importer: "IT", commodity: "2709", from: "2024-02", to: "2024-02") { ${PERIODS} } }`);
    expect(mirrorFlows.periods).toHaveLength(1);
    const [february] = mirrorFlows.periods;
    expect(february).toMatchObject({
      period: "2024-02",
      missingSide: null,
      exporterReport: { quantityTonnes: 1_210_000, value: 688_500_000, currency: "USD", valueBasis: "FOB", flows: ["EXPORT"] },
      importerReport: { quantityTonnes: 1_215_000, value: 702_400_000, currency: "USD", valueBasis: "CIF", flows: ["IMPORT"] },
      quantityGapTonnes: 5_000,
      valueGap: 13_900_000,
      comparable: true,
      incomparableReason: null,
    });
    expect(february.cifFobRatio).toBeCloseTo(702.4 / 688.5, 6);

    const annual = await query<any>(`{ mirrorFlows(exporter: "AZ", importer: "IT", commodity: "2709", from: "2022", to: "2022", frequency: ANNUAL) { ${PERIODS} } }`);
    expect(annual.mirrorFlows.periods).toEqual([
      expect.objectContaining({ period: "2022", quantityGapTonnes: 150_000, valueGap: 210_000_000, comparable: true }),
    ]);
  });

  it("shows the commodity tree 27 → 2709 → 270900", async () => {
    const { commodity } = await query<any>(`{ commodity(hsCode: "270900") { hsCode level parent { hsCode level parent { hsCode level parent { hsCode } } } } }`);
    expect(commodity).toEqual({ hsCode: "270900", level: 6, parent: { hsCode: "2709", level: 4, parent: { hsCode: "27", level: 2, parent: null } } });
  });

  it("counts Azerbaijan's February 2024 flow to Italy once at chapter level although the download carries it at three levels", async () => {
    const { topPartners } = await query<any>(`{ topPartners(exporter: "AZ", commodity: "27", period: "2024-02", by: QUANTITY) { partners { partner { code } quantityTonnes records } } }`);
    expect(topPartners.partners).toEqual([{ partner: { code: "IT" }, quantityTonnes: 1_300_000, records: 1 }]);
    const crude = await query<any>(`{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-02", by: QUANTITY) { partners { partner { code } quantityTonnes records } } }`);
    expect(crude.topPartners.partners).toEqual([{ partner: { code: "IT" }, quantityTonnes: 1_210_000, records: 1 }]);
  });

  it("puts the article's 523,500 t beside the customs figure for the same flow, with the spread", async () => {
    const { flowObservations } = await query<any>(`{ flowObservations(exporter: "AZ", importer: "IL", commodity: "2709", period: "2024-01") {
      observations { counted record { quantityTonnes reporter { code } source { publisher } } }
      quantitySpread { observations min max spread }
    } }`);
    const observed = flowObservations.observations.map((o: any) => [o.record.source.publisher, o.record.quantityTonnes]);
    expect(observed).toEqual(expect.arrayContaining([["The Jerusalem Post", 523_500], ["Isranomics", 523_500], ["UN Comtrade", 520_000]]));
    expect(observed).toHaveLength(3);
    expect(flowObservations.observations.filter((o: any) => o.counted)).toHaveLength(1);
    expect(flowObservations.quantitySpread).toEqual({ observations: 3, min: 520_000, max: 523_500, spread: 3_500 });
  });
});

describe("the seeded facts", () => {
  it("rank Azerbaijan's January 2024 crude buyers with shares that say they divide by an incomplete recorded total", async () => {
    const { topPartners } = await query<any>(`{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", by: QUANTITY) {
      partners { partner { code } quantityTonnes share shareOfCompleteTotal }
      total { basis complete partnersWithoutFigures { code } missingReportedRanks }
    } }`);
    // Israel's 523,500 t is reported by the article, Isranomics and the download above: counted once.
    expect(topPartners.partners.map((p: any) => [p.partner.code, p.quantityTonnes])).toEqual([
      ["IL", 523_500],
      ["TH", 189_000],
      ["IT", 179_200],
      ["TR", 5_355],
    ]);
    expect(topPartners.partners[0].shareOfCompleteTotal).toBe(false);
    expect(topPartners.total).toMatchObject({ basis: "RECORDED_OBSERVATIONS", complete: false, missingReportedRanks: [4, 5, 6, 7, 8] });
  });

  it("compare Italy's Eurostat-reported 2023 import (EUR) with Azerbaijan's side, which is missing and said so", async () => {
    const { mirrorFlows } = await query<any>(`{ mirrorFlows(exporter: "AZ", importer: "IT", commodity: "2709", from: "2023", to: "2023", frequency: ANNUAL) { ${PERIODS} } }`);
    expect(mirrorFlows.periods).toEqual([
      {
        period: "2023",
        missingSide: "EXPORTER",
        exporterReport: null,
        importerReport: { quantityTonnes: 11_300_000, value: 6_800_000_000, currency: "EUR", valueBasis: "CIF", flows: ["IMPORT"] },
        quantityGapTonnes: null,
        valueGap: null,
        currency: null,
        cifFobRatio: null,
        comparable: false,
        incomparableReason: "EXPORTER_MISSING",
      },
    ]);
  });
});
