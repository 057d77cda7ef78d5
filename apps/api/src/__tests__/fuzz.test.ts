/**
 * Property-based fuzzing (fast-check) of what clients send: text in every query argument, pagination arguments
 * and crafted cursors, numeric filters, raw request bodies, token soup, and mutation inputs with an EDITOR key.
 * Properties: never a 5xx, every error has a specific code (never INTERNAL_SERVER_ERROR), reads write nothing,
 * and a mutation writes rows only when it reports success. Bounded: a fixed number of runs per property.
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx jest fuzz.
 */
import fc from "fast-check";
import { toGlobalId } from "../common/global-id";
import { createSchema } from "../schema";
import { startTestServer, type TestServer } from "./harness";
import { expectHandled, post, rowCounts, textSlots, type TextSlot } from "./hostile";
import { createKey, type TestKey } from "./keys";

let server: TestServer;
let editor: TestKey;
let slots: TextSlot[];
let sourceId: string;

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (numRuns: number) => ({ numRuns, seed, endOnFailure: true });

beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server, "EDITOR");
  slots = textSlots(await createSchema());
  const source = await server.db.prisma.source.findFirstOrThrow();
  sourceId = toGlobalId("Source", source.id);
}, 120_000);
afterAll(() => server?.close());

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Text that is sometimes valid, sometimes nearly so, sometimes anything. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("AZ", "aze", "IL", "XX", "2709", "27", "2024-01", "2024-13", "1999", "oil", '"crude oil" -gas', "Q291bnRyeTpBWg", ""),
  fc.stringMatching(/^[A-Za-z]{2,3}$/),
  fc.stringMatching(/^-?\d{1,5}-\d{1,3}(-\d{1,3})?$/),
  fc.base64String({ maxLength: 40 }),
);

/** Cursors: random, and well-formed JSON pairs with sort values and keys of every shape. */
const cursor = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.tuple(
    fc.oneof(
      fc.stringMatching(/^-?\d{1,30}(\.\d{1,10})?$/),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fc.constantFrom("Infinity", "-Infinity", "AZ", "", "\u0000"),
      fc.string({ maxLength: 20 }),
    ),
    fc.oneof(fc.integer({ min: 1, max: 50 }), fc.maxSafeInteger(), fc.integer(), fc.constantFrom("AZ", "IL"), fc.string({ maxLength: 20 })),
  ).map((pair) => b64(JSON.stringify(pair))),
);

describe("fuzzing reads", () => {
  it("text in any argument of any query", async () => {
    const before = await rowCounts(server.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...slots), text, async (slot, value) => {
        expectHandled(await server.gql(slot.query, { v: value }), `${slot.name} = ${JSON.stringify(value)}`);
      }),
      runs(120),
    );
    expect(await rowCounts(server.db)).toEqual(before);
  }, 60_000);

  it("pagination arguments and crafted cursors on every connection", async () => {
    const lists = [
      "countries",
      'country(code: "AZ") { exports',
      "exportRecords",
      "meetings",
      "reports",
    ].map((field) => {
      const nested = field.includes("{");
      const [outer, inner] = nested ? field.split(" { ") : [field, ""];
      const page = "(first: $first, last: $last, after: $after, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }";
      return nested ? `query P($first: Int, $last: Int, $after: String, $before: String) { ${outer} { ${inner}${page} } }` : `query P($first: Int, $last: Int, $after: String, $before: String) { ${outer}${page} }`;
    });
    const count = fc.option(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.integer()), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), count, count, fc.option(cursor, { nil: undefined }), fc.option(cursor, { nil: undefined }), async (query, first, last, after, before) => {
        expectHandled(await server.gql(query, { first, last, after, before }), `${query.slice(30, 70)} ${JSON.stringify({ first, last, after, before })}`);
      }),
      runs(100),
    );
  }, 60_000);

  it("numeric, period and order filters on export records", async () => {
    const number = fc.option(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e15, 1e16, 5e-324, Number.MAX_VALUE)), { nil: undefined });
    const period = fc.option(fc.oneof(fc.stringMatching(/^\d{4}-\d{2}$/), text), { nil: undefined });
    const query = `query F($filter: ExportRecordFilter, $orderBy: ExportRecordOrder) {
      exportRecords(filter: $filter, orderBy: $orderBy, first: 5) { totalCount nodes { id valueUsd } } }`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ valueUsd: fc.record({ gte: number, lte: number }), quantityTonnes: fc.record({ gte: number, lte: number }), period: fc.record({ from: period, to: period }) }),
        fc.option(fc.record({ field: fc.constantFrom("PERIOD", "QUANTITY", "VALUE", "NOPE"), direction: fc.constantFrom("ASC", "DESC", "SIDEWAYS") }), { nil: undefined }),
        async (filter, orderBy) => {
          expectHandled(await server.gql(query, { filter, orderBy }), JSON.stringify({ filter, orderBy }));
        },
      ),
      runs(80),
    );
  }, 60_000);

  it("raw request bodies", async () => {
    const body = fc.oneof(
      fc.json(),
      fc.string({ maxLength: 200 }),
      fc.record(
        { query: fc.oneof(fc.string(), fc.constant("{ __typename }"), fc.jsonValue()), variables: fc.jsonValue(), operationName: fc.jsonValue(), extensions: fc.jsonValue() },
        { requiredKeys: [] },
      ).map((request) => JSON.stringify(request)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        expectHandled(await post(server.url, sent), `body ${sent.slice(0, 200)}`);
      }),
      runs(100),
    );
  }, 60_000);

  it("token soup", async () => {
    const token = fc.constantFrom("{", "}", "(", ")", "[", "]", "...", ":", "!", "=", "$v", "@skip", "@include(if: true)", "query", "mutation", "fragment", "on", "Query", "F",
      "country", "countries", "exports", "nodes", "node", "code", "name", "id", "first:", "after:", "10", "-1", '"AZ"', '"x"', "__typename", "__schema", "types", "Int", "String");
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 40 }), async (tokens) => {
        const document = tokens.join(" ");
        expectHandled(await server.gql(document, { v: "AZ" }), `document ${document}`);
      }),
      runs(100),
    );
  }, 60_000);
});

describe("fuzzing mutations with an EDITOR key", () => {
  const country = fc.oneof(fc.constantFrom("AZ", "IL", "IT", "TH", "aze", "isr", "XX", "zz", ""), text);
  const figure = fc.option(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, 1e15, 1e16, -1)), { nil: undefined });
  const date = fc.oneof(
    fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    text,
  );
  const words = fc.array(text, { maxLength: 4 });

  it("write rows only when they report success", async () => {
    const source = fc.oneof(fc.constant(sourceId), fc.constant(toGlobalId("Source", 999_999)), text);
    const record = fc.record(
      {
        exporter: country,
        importer: country,
        commodity: fc.oneof(fc.constantFrom("2709", "27", "270900", "9999"), text),
        period: fc.oneof(fc.integer({ min: 1800, max: 2200 }).chain((y) => fc.integer({ min: 0, max: 13 }).map((m) => `${y}-${String(m).padStart(2, "0")}`)), text),
        source,
        quantityTonnes: figure,
        valueUsd: figure,
        reportedRank: fc.option(fc.integer(), { nil: undefined }),
        valueApproximate: fc.boolean(),
      },
      { requiredKeys: ["exporter", "importer", "commodity", "period", "source"] },
    );
    const mutation = fc.oneof(
      record.map((input) => ({ name: "createExportRecord", type: "ExportRecordInput!", input, select: "exportRecord { id }" })),
      record.map((input) => ({ name: "upsertExportRecord", type: "ExportRecordInput!", input, select: "exportRecord { id }" })),
      fc
        .record({ publisher: text, title: text, url: fc.option(fc.oneof(fc.webUrl(), text), { nil: undefined }), publishedOn: fc.option(date, { nil: undefined }), retrievalNote: fc.option(text, { nil: undefined }) }, { requiredKeys: ["publisher", "title"] })
        .map((input) => ({ name: "createSource", type: "SourceInput!", input, select: "source { id }" })),
      fc
        .record({
          title: text,
          event: fc.option(text, { nil: undefined }),
          place: fc.option(text, { nil: undefined }),
          startDate: date,
          endDate: fc.option(date, { nil: undefined }),
          topics: words,
          participants: fc.array(fc.record({ person: text, role: fc.option(text, { nil: undefined }), country: fc.option(country, { nil: undefined }) }, { requiredKeys: ["person"] }), { maxLength: 3 }),
          source,
        })
        .map((input) => ({ name: "createMeeting", type: "MeetingInput!", input, select: "meeting { id }" })),
      fc
        .record({
          title: text,
          publisher: text,
          publisherCountry: fc.option(country, { nil: undefined }),
          publishedOn: fc.option(date, { nil: undefined }),
          subjectCountries: fc.array(country, { maxLength: 3 }),
          topics: words,
          findings: fc.array(fc.record({ text, isQuote: fc.boolean() }), { maxLength: 3 }),
          source,
        })
        .map((input) => ({ name: "createReport", type: "ReportInput!", input, select: "report { id }" })),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ name, type, input, select }) => {
        const before = await rowCounts(server.db);
        const response = await server.gql<Record<string, { userErrors: unknown[] } | null>>(
          `mutation M($input: ${type}) { ${name}(input: $input) { ${select} userErrors { field code message } } }`,
          { input },
          editor.headers,
        );
        const context = `${name} ${JSON.stringify(input)}`;
        const codes = expectHandled(response, context);
        const payload = response.body.data?.[name];
        const succeeded = codes.length === 0 && payload != null && payload.userErrors.length === 0;
        const after = await rowCounts(server.db);
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        // An upsert that finds its natural key updates the row: success without a new row.
        const wroteAsExpected = succeeded ? changed.length > 0 || name === "upsertExportRecord" : changed.length === 0;
        if (!wroteAsExpected) {
          throw new Error(`${context}: ${succeeded ? "reported success but wrote nothing" : `reported ${JSON.stringify(codes.length ? codes : payload?.userErrors)} but wrote ${changed.join(", ")}`}`);
        }
      }),
      runs(100),
    );
  }, 90_000);
});
