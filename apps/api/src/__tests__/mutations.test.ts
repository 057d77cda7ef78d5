import { periodToDate } from "@tradegraph/domain";
import { numericIdOf, toGlobalId } from "../common/global-id";
import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

let server: TestServer;
let editor: TestKey;
let otherEditor: TestKey;
let reader: TestKey;
let revoked: TestKey;
let articleSourceId: string;

beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server, "EDITOR");
  otherEditor = await createKey(server, "EDITOR", { name: "nightly importer" });
  reader = await createKey(server, "READER");
  revoked = await createKey(server, "ADMIN", { revoked: true });
  const source = await server.db.prisma.source.findFirstOrThrow({ where: { publisher: "The Jerusalem Post" } });
  articleSourceId = toGlobalId("Source", source.id);
}, 120_000);
afterAll(() => server?.close());

interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** An object a payload returns: its global ID and the other fields selected. */
type Returned = { id: string } & Record<string, unknown>;

/** The fields of the payloads tested here; each payload has userErrors and one of the others. */
interface Payload {
  userErrors: UserError[];
  deletedId: string | null;
  exportRecord: Returned;
  source: Returned;
  meeting: Returned;
  report: Returned;
}

/** Runs a mutation and returns its payload (the only root field), failing on top-level errors. */
async function run(key: TestKey, query: string, variables: Record<string, unknown>): Promise<Payload> {
  const { body } = await server.gql<Record<string, Payload>>(query, variables, key.headers);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data!)[0]!;
}

const codes = (errors: UserError[]) => errors.map((e) => [e.field?.join("."), e.code]);

/** Row counts of every table a mutation here may write. */
async function counts() {
  const p = server.db.prisma;
  return {
    exportRecords: await p.exportRecord.count(),
    sources: await p.source.count(),
    meetings: await p.meeting.count(),
    participants: await p.meetingParticipant.count(),
    reports: await p.report.count(),
    subjects: await p.reportSubject.count(),
    findings: await p.reportFinding.count(),
  };
}

const ERRORS = "userErrors { field message code }";
const RECORD = `id period quantityTonnes valueUsd quantityApproximate valueApproximate quantityEstimated valueEstimated reportedRank
  createdBy updatedBy exporter { code } importer { code } commodity { hsCode } source { id }`;
const CREATE_RECORD = `mutation($input: ExportRecordInput!) { createExportRecord(input: $input) { exportRecord { ${RECORD} } ${ERRORS} } }`;
const UPDATE_RECORD = `mutation($id: ID!, $input: UpdateExportRecordInput!) { updateExportRecord(id: $id, input: $input) { exportRecord { ${RECORD} } ${ERRORS} } }`;
const UPSERT_RECORD = `mutation($input: ExportRecordInput!) { upsertExportRecord(input: $input) { exportRecord { ${RECORD} } ${ERRORS} } }`;
const DELETE_RECORD = `mutation($id: ID!) { deleteExportRecord(id: $id) { deletedId ${ERRORS} } }`;

const SOURCE = "id publisher title publishedOn url retrievalNote synthetic createdBy updatedBy";
const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { source { ${SOURCE} } ${ERRORS} } }`;
const UPDATE_SOURCE = `mutation($id: ID!, $input: UpdateSourceInput!) { updateSource(id: $id, input: $input) { source { ${SOURCE} } ${ERRORS} } }`;
const DELETE_SOURCE = `mutation($id: ID!) { deleteSource(id: $id) { deletedId ${ERRORS} } }`;

// Years before any seeded record, so that every natural key made here is new.
let nextYear = 1901;
/** A record input with a natural key no other test uses. */
function recordInput(overrides: Record<string, unknown> = {}) {
  return { exporter: "AZ", importer: "IL", commodity: "2709", period: `${nextYear++}-01`, source: articleSourceId, ...overrides };
}

/** An export record stored directly, for tests that change or delete one. */
async function storedRecord(): Promise<string> {
  const source = await server.db.prisma.source.findFirstOrThrow({ where: { publisher: "The Jerusalem Post" } });
  const row = await server.db.prisma.exportRecord.create({
    data: { exporterCode: "AZ", importerCode: "IT", reporterCode: "AZ", commodityCode: "2709", period: periodToDate(`${nextYear++}-01`), sourceId: source.id, valueUsd: 1000 },
  });
  return toGlobalId("ExportRecord", row.id);
}

async function storedSource(): Promise<string> {
  const row = await server.db.prisma.source.create({ data: { publisher: "Test", title: `source ${nextYear++}` } });
  return toGlobalId("Source", row.id);
}

const MEETING = `id title event place startDate endDate topics summary createdBy updatedBy
  participants { person role country { code } } source { id }`;
const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const UPDATE_MEETING = `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const DELETE_MEETING = `mutation($id: ID!) { deleteMeeting(id: $id) { deletedId ${ERRORS} } }`;

const REPORT = `id title publisher publishedOn publisherCountry { code } subjectCountries { code } topics findings { text isQuote }
  createdBy updatedBy source { id }`;
const CREATE_REPORT = `mutation($input: ReportInput!) { createReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
const UPDATE_REPORT = `mutation($id: ID!, $input: UpdateReportInput!) { updateReport(id: $id, input: $input) { report { ${REPORT} } ${ERRORS} } }`;
const DELETE_REPORT = `mutation($id: ID!) { deleteReport(id: $id) { deletedId ${ERRORS} } }`;

const meetingInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Working visit",
  event: "Baku Energy Week",
  place: "Baku, Azerbaijan",
  startDate: "2024-06-04",
  endDate: "2024-06-06",
  topics: ["energy", " trade "],
  participants: [
    { person: "Ilham Aliyev", role: "President of the Republic of Azerbaijan", country: "aze" },
    { person: "Isaac Herzog", country: "IL" },
  ],
  source: articleSourceId,
  ...overrides,
});

const reportInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Energy ties",
  publisher: "Test Institute",
  publisherCountry: "DE",
  publishedOn: "2024-05-01",
  subjectCountries: ["AZ", "IL", "aze"],
  topics: ["oil"],
  findings: [{ text: "Oil is shipped through Ceyhan.", isQuote: true }, { text: "Trade grew." }],
  source: articleSourceId,
  ...overrides,
});

async function storedMeeting(): Promise<string> {
  return (await run(editor, CREATE_MEETING, { input: meetingInput() })).meeting.id;
}

async function storedReport(): Promise<string> {
  return (await run(editor, CREATE_REPORT, { input: reportInput() })).report.id;
}

/** Every mutation an EDITOR key may run, with variables that make it succeed. */
const EDITOR_MUTATIONS: Array<[string, string, () => Promise<Record<string, unknown>>]> = [
  ["createExportRecord", CREATE_RECORD, async () => ({ input: recordInput() })],
  ["updateExportRecord", UPDATE_RECORD, async () => ({ id: await storedRecord(), input: { valueUsd: 5 } })],
  ["upsertExportRecord", UPSERT_RECORD, async () => ({ input: recordInput() })],
  ["deleteExportRecord", DELETE_RECORD, async () => ({ id: await storedRecord() })],
  ["createSource", CREATE_SOURCE, async () => ({ input: { publisher: "Test", title: `created ${nextYear++}` } })],
  ["updateSource", UPDATE_SOURCE, async () => ({ id: await storedSource(), input: { url: "https://example.org/" } })],
  ["deleteSource", DELETE_SOURCE, async () => ({ id: await storedSource() })],
  ["createMeeting", CREATE_MEETING, async () => ({ input: meetingInput() })],
  ["updateMeeting", UPDATE_MEETING, async () => ({ id: await storedMeeting(), input: { summary: "Talks." } })],
  ["deleteMeeting", DELETE_MEETING, async () => ({ id: await storedMeeting() })],
  ["createReport", CREATE_REPORT, async () => ({ input: reportInput() })],
  ["updateReport", UPDATE_REPORT, async () => ({ id: await storedReport(), input: { topics: [] } })],
  ["deleteReport", DELETE_REPORT, async () => ({ id: await storedReport() })],
];

describe("mutation authorization", () => {
  it.each(EDITOR_MUTATIONS)("%s without a key is UNAUTHENTICATED and writes nothing", async (_name, query, variables) => {
    const vars = await variables();
    const before = await counts();
    const { body } = await server.gql(query, vars);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(body.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it.each(EDITOR_MUTATIONS)("%s with a revoked key is UNAUTHENTICATED (HTTP 401)", async (_name, query, variables) => {
    const { status, body } = await server.gql(query, await variables(), revoked.headers);
    expect(status).toBe(401);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it.each(EDITOR_MUTATIONS)("%s with a READER key is FORBIDDEN and writes nothing", async (_name, query, variables) => {
    const vars = await variables();
    const before = await counts();
    const { body } = await server.gql(query, vars, reader.headers);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(await counts()).toEqual(before);
  });

  it.each(EDITOR_MUTATIONS)("%s with an EDITOR key works", async (_name, query, variables) => {
    const payload = await run(editor, query, await variables());
    expect(payload.userErrors).toEqual([]);
  });
});

describe("createExportRecord", () => {
  it("stores the record with alpha-3 and lower-case codes, recording who created it", async () => {
    const input = recordInput({ exporter: "aze", importer: "isr", quantityTonnes: 1000.5, valueUsd: 567_340.555, valueApproximate: true, reportedRank: 2 });
    const { exportRecord } = await run(editor, CREATE_RECORD, { input });
    expect(exportRecord).toMatchObject({
      period: input.period,
      exporter: { code: "AZ" },
      importer: { code: "IL" },
      commodity: { hsCode: "2709" },
      source: { id: articleSourceId },
      quantityTonnes: 1000.5,
      valueUsd: 567_340.56,
      quantityApproximate: false,
      valueApproximate: true,
      reportedRank: 2,
      createdBy: editor.actor,
      updatedBy: editor.actor,
    });
    const row = await server.db.prisma.exportRecord.findFirstOrThrow({ where: { period: periodToDate(input.period) } });
    expect(row).toMatchObject({ exporterCode: "AZ", importerCode: "IL", createdBy: editor.actor, updatedBy: editor.actor });
  });

  it("reports every invalid field at once, with its code, and writes nothing", async () => {
    const before = await counts();
    const { exportRecord, userErrors } = await run(editor, CREATE_RECORD, {
      input: {
        exporter: "XX",
        importer: "1",
        commodity: "9899",
        period: "2024-13",
        quantityTonnes: -1,
        valueUsd: -5,
        reportedRank: 0,
        source: toGlobalId("Country", "AZ"),
      },
    });
    expect(exportRecord).toBeNull();
    expect(codes(userErrors)).toEqual([
      ["input.exporter", "UNKNOWN_COUNTRY"],
      ["input.importer", "INVALID_COUNTRY_CODE"],
      ["input.commodity", "UNKNOWN_COMMODITY"],
      ["input.period", "INVALID_PERIOD"],
      ["input.source", "INVALID_ID"],
      ["input.quantityTonnes", "INVALID_QUANTITY"],
      ["input.valueUsd", "INVALID_AMOUNT"],
      ["input.reportedRank", "INVALID_RANK"],
    ]);
    expect(userErrors.every((e) => e.message.length > 0)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("stores an annual import reported by the importer beside the exporter's monthly export, and checks the period against the frequency", async () => {
    const year = String(nextYear++);
    const fields = `exportRecord { frequency period flow reporter { code } exporter { code } importer { code } } ${ERRORS}`;
    const create = `mutation($input: ExportRecordInput!) { createExportRecord(input: $input) { ${fields} } }`;
    const annual = await run(editor, create, { input: recordInput({ frequency: "ANNUAL", period: year, flow: "IMPORT", quantityTonnes: 10 }) });
    expect(annual).toMatchObject({
      exportRecord: { frequency: "ANNUAL", period: year, flow: "IMPORT", reporter: { code: "IL" }, exporter: { code: "AZ" }, importer: { code: "IL" } },
      userErrors: [],
    });
    // The same flow as the exporter's monthly export: a second observation, not a duplicate.
    const monthly = await run(editor, create, { input: recordInput({ period: `${year}-01`, quantityTonnes: 1 }) });
    expect(monthly.exportRecord).toMatchObject({ frequency: "MONTHLY", flow: "EXPORT", reporter: { code: "AZ" } });
    const before = await counts();
    const wrong = await run(editor, create, { input: recordInput({ frequency: "ANNUAL", period: "2023-01" }) });
    expect(codes(wrong.userErrors)).toEqual([["input.period", "INVALID_PERIOD"]]);
    expect(codes((await run(editor, create, { input: recordInput({ period: "2023" }) })).userErrors)).toEqual([["input.period", "INVALID_PERIOD"]]);
    expect(await counts()).toEqual(before);
  });

  it("refuses the same country as exporter and importer", async () => {
    const before = await counts();
    const { userErrors } = await run(editor, CREATE_RECORD, { input: recordInput({ exporter: "AZ", importer: "aze" }) });
    expect(codes(userErrors)).toEqual([["input.importer", "SAME_COUNTRY"]]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a malformed HS code, a source that does not exist and figures too large to store", async () => {
    const { userErrors } = await run(editor, CREATE_RECORD, {
      input: recordInput({ commodity: "27x9", source: toGlobalId("Source", 999_999), quantityTonnes: 1e20 }),
    });
    expect(codes(userErrors)).toEqual([
      ["input.commodity", "INVALID_COMMODITY_CODE"],
      ["input.source", "NOT_FOUND"],
      ["input.quantityTonnes", "INVALID_QUANTITY"],
    ]);
  });

  it("refuses a second record with the same natural key as DUPLICATE", async () => {
    const input = recordInput();
    expect((await run(editor, CREATE_RECORD, { input })).userErrors).toEqual([]);
    const before = await counts();
    const { exportRecord, userErrors } = await run(editor, CREATE_RECORD, { input: { ...input, exporter: "AZE", valueUsd: 1 } });
    expect(exportRecord).toBeNull();
    expect(codes(userErrors)).toEqual([["input", "DUPLICATE"]]);
    expect(await counts()).toEqual(before);
  });
});

describe("updateExportRecord", () => {
  it("changes only the given fields; null clears a figure; updatedBy is the new editor", async () => {
    const { exportRecord: created } = await run(editor, CREATE_RECORD, { input: recordInput({ quantityTonnes: 10, valueUsd: 20, reportedRank: 3 }) });
    const { exportRecord, userErrors } = await run(otherEditor, UPDATE_RECORD, {
      id: created.id,
      input: { valueUsd: 25, quantityTonnes: null, valueEstimated: true, importer: null },
    });
    expect(userErrors).toEqual([]);
    expect(exportRecord).toMatchObject({
      id: created.id,
      importer: { code: "IL" },
      quantityTonnes: null,
      valueUsd: 25,
      valueEstimated: true,
      reportedRank: 3,
      createdBy: editor.actor,
      updatedBy: otherEditor.actor,
    });
  });

  it("checks the changed importer against the stored exporter", async () => {
    const id = await storedRecord();
    const { exportRecord, userErrors } = await run(editor, UPDATE_RECORD, { id, input: { importer: "AZ", period: "1999" } });
    expect(exportRecord).toBeNull();
    expect(codes(userErrors)).toEqual([
      ["input.period", "INVALID_PERIOD"],
      ["input.importer", "SAME_COUNTRY"],
    ]);
  });

  it("reports an unknown or malformed ID together with the input's errors", async () => {
    const missing = await run(editor, UPDATE_RECORD, { id: toGlobalId("ExportRecord", 999_999), input: { valueUsd: -1 } });
    expect(codes(missing.userErrors)).toEqual([
      ["id", "NOT_FOUND"],
      ["input.valueUsd", "INVALID_AMOUNT"],
    ]);
    const wrongType = await run(editor, UPDATE_RECORD, { id: articleSourceId, input: {} });
    expect(codes(wrongType.userErrors)).toEqual([["id", "INVALID_ID"]]);
  });

  it("refuses a change that collides with another record's natural key", async () => {
    const first = recordInput();
    await run(editor, CREATE_RECORD, { input: first });
    const { exportRecord: second } = await run(editor, CREATE_RECORD, { input: recordInput() });
    const { userErrors } = await run(editor, UPDATE_RECORD, { id: second.id, input: { period: first.period } });
    expect(codes(userErrors)).toEqual([["input", "DUPLICATE"]]);
  });
});

describe("upsertExportRecord", () => {
  it("creates the record once and updates it by its natural key the second time", async () => {
    const input = recordInput({ quantityTonnes: 100, valueUsd: 50_000, reportedRank: 4, valueApproximate: true });
    const first = await run(editor, UPSERT_RECORD, { input });
    expect(first.userErrors).toEqual([]);
    const before = await counts();

    const second = await run(otherEditor, UPSERT_RECORD, { input: { ...input, exporter: "aze", valueUsd: 60_000 } });
    expect(second.userErrors).toEqual([]);
    expect(await counts()).toEqual(before);
    // The input replaces the figures and flags: what it leaves out is null or false again.
    expect(second.exportRecord).toMatchObject({
      id: first.exportRecord.id,
      quantityTonnes: 100,
      valueUsd: 60_000,
      reportedRank: 4,
      valueApproximate: true,
      createdBy: editor.actor,
      updatedBy: otherEditor.actor,
    });
    const third = await run(editor, UPSERT_RECORD, { input: { exporter: "AZ", importer: "IL", commodity: "2709", period: input.period, source: articleSourceId } });
    expect(third.exportRecord).toMatchObject({ id: first.exportRecord.id, quantityTonnes: null, valueUsd: null, reportedRank: null, valueApproximate: false });
    const rows = await server.db.prisma.exportRecord.findMany({ where: { period: periodToDate(input.period) } });
    expect(rows).toHaveLength(1);
  });

  it("leaves a record whose figures are unchanged as it is: no new editor, no new updatedAt (like the importer)", async () => {
    const input = recordInput({ valueUsd: 1_000 });
    const first = await run(editor, UPSERT_RECORD, { input });
    const stored = await server.db.prisma.exportRecord.findFirstOrThrow({ where: { period: periodToDate(input.period as string) } });
    const same = await run(otherEditor, UPSERT_RECORD, { input });
    expect(same).toMatchObject({ userErrors: [], exportRecord: { id: first.exportRecord.id, valueUsd: 1_000, updatedBy: editor.actor } });
    const { exportRecord } = await run(otherEditor, UPDATE_RECORD, { id: first.exportRecord.id, input: { valueUsd: 1_000 } });
    expect(exportRecord).toMatchObject({ updatedBy: editor.actor });
    const after = await server.db.prisma.exportRecord.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.updatedAt).toEqual(stored.updatedAt);
  });

  it("validates like createExportRecord and writes nothing on errors", async () => {
    const before = await counts();
    const { userErrors } = await run(editor, UPSERT_RECORD, { input: recordInput({ importer: "zz", valueUsd: -1 }) });
    expect(codes(userErrors)).toEqual([
      ["input.importer", "UNKNOWN_COUNTRY"],
      ["input.valueUsd", "INVALID_AMOUNT"],
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe("deleteExportRecord", () => {
  it("deletes the record and returns its ID; a second delete is NOT_FOUND", async () => {
    const id = await storedRecord();
    expect(await run(editor, DELETE_RECORD, { id })).toEqual({ deletedId: id, userErrors: [] });
    const { body } = await server.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(body.data!.node).toBeNull();
    const again = await run(editor, DELETE_RECORD, { id });
    expect(again.deletedId).toBeNull();
    expect(codes(again.userErrors)).toEqual([["id", "NOT_FOUND"]]);
  });

  it("reports a malformed ID as INVALID_ID", async () => {
    const { userErrors } = await run(editor, DELETE_RECORD, { id: "not an id" });
    expect(codes(userErrors)).toEqual([["id", "INVALID_ID"]]);
  });
});

describe("sources", () => {
  it("creates, updates and deletes a source, recording who did it", async () => {
    const created = await run(editor, CREATE_SOURCE, {
      input: { publisher: "  UN Comtrade ", title: "Monthly crude flows", publishedOn: "2024-03-01", url: "https://comtradeplus.un.org/" },
    });
    expect(created.userErrors).toEqual([]);
    expect(created.source).toMatchObject({
      publisher: "UN Comtrade",
      publishedOn: "2024-03-01",
      retrievalNote: null,
      synthetic: false,
      createdBy: editor.actor,
      updatedBy: editor.actor,
    });
    const updated = await run(otherEditor, UPDATE_SOURCE, { id: created.source.id, input: { url: null, retrievalNote: "Bulk download" } });
    expect(updated.source).toMatchObject({ title: "Monthly crude flows", url: null, retrievalNote: "Bulk download", createdBy: editor.actor, updatedBy: otherEditor.actor });
    expect(await run(editor, DELETE_SOURCE, { id: created.source.id })).toEqual({ deletedId: created.source.id, userErrors: [] });
  });

  it("reports blank texts and a bad URL together", async () => {
    const before = await counts();
    const { source, userErrors } = await run(editor, CREATE_SOURCE, { input: { publisher: " ", title: "", url: "ftp://example.org" } });
    expect(source).toBeNull();
    expect(codes(userErrors)).toEqual([
      ["input.publisher", "BLANK"],
      ["input.title", "BLANK"],
      ["input.url", "INVALID_URL"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a second source with the same publisher and title", async () => {
    const { userErrors } = await run(editor, CREATE_SOURCE, {
      input: { publisher: "The Jerusalem Post", title: "Israel becomes Azerbaijan’s leading oil customer with $300 million imported in January" },
    });
    expect(codes(userErrors)).toEqual([["input.title", "DUPLICATE"]]);
  });

  it("refuses to delete a source that facts still cite, and keeps it", async () => {
    const before = await counts();
    const { deletedId, userErrors } = await run(editor, DELETE_SOURCE, { id: articleSourceId });
    expect(deletedId).toBeNull();
    expect(codes(userErrors)).toEqual([["id", "IN_USE"]]);
    expect(userErrors[0]!.message).toMatch(/\d+ export records?, \d+ meetings?, \d+ reports?/);
    expect(await counts()).toEqual(before);
  });
});

describe("meetings", () => {
  it("creates a meeting with its participants in order, recording who created it", async () => {
    const before = await counts();
    const { meeting, userErrors } = await run(editor, CREATE_MEETING, { input: meetingInput() });
    expect(userErrors).toEqual([]);
    expect(meeting).toMatchObject({
      title: "Working visit",
      startDate: "2024-06-04",
      endDate: "2024-06-06",
      topics: ["energy", "trade"],
      summary: null,
      participants: [
        { person: "Ilham Aliyev", role: "President of the Republic of Azerbaijan", country: { code: "AZ" } },
        { person: "Isaac Herzog", role: null, country: { code: "IL" } },
      ],
      source: { id: articleSourceId },
      createdBy: editor.actor,
      updatedBy: editor.actor,
    });
    expect(await counts()).toEqual({ ...before, meetings: before.meetings + 1, participants: before.participants + 2 });
  });

  it("reports every problem, participants' by index, and writes neither the meeting nor its participants", async () => {
    const before = await counts();
    const { meeting, userErrors } = await run(editor, CREATE_MEETING, {
      input: meetingInput({
        title: " ",
        startDate: "2024-06-06",
        endDate: "2024-06-04",
        topics: ["energy", ""],
        participants: [{ person: "Ilham Aliyev", country: "AZ" }, { person: "", country: "Atlantis" }, { person: "Someone", country: "QQ" }],
      }),
    });
    expect(meeting).toBeNull();
    expect(codes(userErrors)).toEqual([
      ["input.title", "BLANK"],
      ["input.endDate", "INVALID_DATE_RANGE"],
      ["input.topics.1", "BLANK"],
      ["input.participants.1.person", "BLANK"],
      ["input.participants.1.country", "INVALID_COUNTRY_CODE"],
      ["input.participants.2.country", "UNKNOWN_COUNTRY"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("rolls the meeting back when a participant cannot be written", async () => {
    // A valid ISO code whose country row is missing: the meeting is inserted, then its participant fails.
    await server.db.prisma.country.delete({ where: { code: "AQ" } });
    const before = await counts();
    const { meeting, userErrors } = await run(editor, CREATE_MEETING, {
      input: meetingInput({ title: "Polar talks", participants: [{ person: "Someone", country: "AQ" }] }),
    });
    expect(meeting).toBeNull();
    expect(codes(userErrors)).toEqual([["input", "NOT_FOUND"]]);
    expect(await counts()).toEqual(before);
    expect(await server.db.prisma.meeting.count({ where: { title: "Polar talks" } })).toBe(0);
  });

  it("updates the given fields, replaces the participants and checks dates against the stored ones", async () => {
    const id = await storedMeeting();
    const { meeting, userErrors } = await run(otherEditor, UPDATE_MEETING, {
      id,
      input: { summary: "They discussed energy.", participants: [{ person: "Ilham Aliyev", country: "AZ" }], place: null },
    });
    expect(userErrors).toEqual([]);
    expect(meeting).toMatchObject({
      title: "Working visit",
      place: null,
      summary: "They discussed energy.",
      participants: [{ person: "Ilham Aliyev", role: null, country: { code: "AZ" } }],
      createdBy: editor.actor,
      updatedBy: otherEditor.actor,
    });
    expect(await server.db.prisma.meetingParticipant.count({ where: { meetingId: numericIdOf("Meeting", id) } })).toBe(1);

    const before = await counts();
    const late = await run(editor, UPDATE_MEETING, { id, input: { startDate: "2024-07-01" } });
    expect(codes(late.userErrors)).toEqual([["input.startDate", "INVALID_DATE_RANGE"]]);
    expect(await counts()).toEqual(before);
  });

  it("shows each mutation's own result when one request runs several", async () => {
    const id = await storedMeeting();
    const { body } = await server.gql<Record<string, { meeting: { participants: Array<{ person: string }> } }>>(
      `mutation($id: ID!) {
        first: updateMeeting(id: $id, input: { participants: [{ person: "A" }] }) { meeting { participants { person } } }
        second: updateMeeting(id: $id, input: { participants: [{ person: "B" }, { person: "C" }] }) { meeting { participants { person } } }
      }`,
      { id },
      editor.headers,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.first!.meeting.participants).toEqual([{ person: "A" }]);
    expect(body.data!.second!.meeting.participants).toEqual([{ person: "B" }, { person: "C" }]);
  });

  it("deletes a meeting with its participants", async () => {
    const id = await storedMeeting();
    const before = await counts();
    expect(await run(editor, DELETE_MEETING, { id })).toEqual({ deletedId: id, userErrors: [] });
    expect(await counts()).toEqual({ ...before, meetings: before.meetings - 1, participants: before.participants - 2 });
    expect(codes((await run(editor, DELETE_MEETING, { id })).userErrors)).toEqual([["id", "NOT_FOUND"]]);
  });
});

describe("reports", () => {
  it("creates a report with each subject country once and its findings in order", async () => {
    const before = await counts();
    const { report, userErrors } = await run(editor, CREATE_REPORT, { input: reportInput() });
    expect(userErrors).toEqual([]);
    expect(report).toMatchObject({
      title: "Energy ties",
      publisher: "Test Institute",
      publisherCountry: { code: "DE" },
      publishedOn: "2024-05-01",
      subjectCountries: [{ code: "AZ" }, { code: "IL" }],
      topics: ["oil"],
      findings: [
        { text: "Oil is shipped through Ceyhan.", isQuote: true },
        { text: "Trade grew.", isQuote: false },
      ],
      createdBy: editor.actor,
      updatedBy: editor.actor,
    });
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, subjects: before.subjects + 2, findings: before.findings + 2 });
  });

  it("reports every problem and writes nothing", async () => {
    const before = await counts();
    const { report, userErrors } = await run(editor, CREATE_REPORT, {
      input: reportInput({ publisher: "", publisherCountry: "XYZ", subjectCountries: ["AZ", "A1"], findings: [{ text: "ok" }, { text: "  " }], source: "bogus" }),
    });
    expect(report).toBeNull();
    expect(codes(userErrors)).toEqual([
      ["input.publisher", "BLANK"],
      ["input.publisherCountry", "UNKNOWN_COUNTRY"],
      ["input.subjectCountries.1", "INVALID_COUNTRY_CODE"],
      ["input.findings.1.text", "BLANK"],
      ["input.source", "INVALID_ID"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("updates the given fields and replaces the given lists", async () => {
    const id = await storedReport();
    const { report, userErrors } = await run(otherEditor, UPDATE_REPORT, {
      id,
      input: { publisherCountry: null, subjectCountries: ["AM"], findings: [{ text: "Revised." }] },
    });
    expect(userErrors).toEqual([]);
    expect(report).toMatchObject({
      title: "Energy ties",
      publisherCountry: null,
      subjectCountries: [{ code: "AM" }],
      topics: ["oil"],
      findings: [{ text: "Revised.", isQuote: false }],
      createdBy: editor.actor,
      updatedBy: otherEditor.actor,
    });
  });

  it("deletes a report with its subjects and findings", async () => {
    const id = await storedReport();
    const before = await counts();
    expect(await run(editor, DELETE_REPORT, { id })).toEqual({ deletedId: id, userErrors: [] });
    expect(await counts()).toEqual({ ...before, reports: before.reports - 1, subjects: before.subjects - 2, findings: before.findings - 2 });
  });
});
