/**
 * A corpus of malformed and malicious requests, and injection strings in every text argument of every query.
 * Each answer must be a 4xx or a GraphQL error with a specific code — never a 5xx, never INTERNAL_SERVER_ERROR —
 * and nothing may be written. docs/reliability.md lists the corpus.
 */
import { createSchema } from "../schema";
import { startTestServer, type TestServer } from "./harness";
import { expectHandled, post, rowCounts, textSlots, type TextSlot } from "./hostile";
import { createKey, type TestKey } from "./keys";

let server: TestServer;
let reader: TestKey;
let slots: TextSlot[];
let before: Record<string, number>;

beforeAll(async () => {
  server = await startTestServer();
  reader = await createKey(server, "READER");
  slots = textSlots(await createSchema());
  before = await rowCounts(server.db);
}, 120_000);
afterAll(() => server?.close());

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const json = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ query, variables, ...extra });

interface Case {
  name: string;
  body: string;
  headers?: Record<string, string>;
  method?: string;
  /** Appended to the endpoint's URL. */
  search?: string;
  status: number;
  /** The first error's code; null: the request succeeds (the hostile part is harmless data). */
  code: string | null;
}

const INJECTION = "'; DROP TABLE country; --";
const deepQuery = (levels: number) => "{ a".repeat(levels) + " }".repeat(levels);
const fragmentBomb = () => {
  let text = "query Bomb { ...F0 }\n";
  for (let i = 0; i < 30; i++) text += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return text + "fragment F30 on Query { __typename }";
};
const wideFragmentBomb = () => {
  let text = "query Bomb { countries(first: 1) { nodes { ...C0 } } }\n";
  for (let i = 0; i < 25; i++) text += `fragment C${i} on Country { ...C${i + 1} code ...C${i + 1} }\n`;
  return text + "fragment C25 on Country { name }";
};

const CORPUS: Case[] = [
  // The body
  { name: "invalid JSON", body: "{ nope", status: 400, code: "BAD_REQUEST" },
  { name: "JSON string body", body: '"{ __typename }"', status: 400, code: "BAD_REQUEST" },
  { name: "JSON null body", body: "null", status: 400, code: "BAD_REQUEST" },
  { name: "JSON number body", body: "42", status: 400, code: "BAD_REQUEST" },
  { name: "empty body", body: "", status: 400, code: "BAD_REQUEST" },
  { name: "empty object", body: "{}", status: 400, code: "BAD_REQUEST" },
  { name: "query is a number", body: JSON.stringify({ query: 42 }), status: 400, code: "BAD_REQUEST" },
  { name: "query is an object", body: JSON.stringify({ query: { a: 1 } }), status: 400, code: "BAD_REQUEST" },
  { name: "variables is a string", body: JSON.stringify({ query: "{ __typename }", variables: "{}" }), status: 400, code: "BAD_REQUEST" },
  { name: "variables is an array", body: JSON.stringify({ query: "{ __typename }", variables: [1] }), status: 400, code: "BAD_REQUEST" },
  { name: "body over the size limit", body: json("{ __typename }", { pad: "x".repeat(300_000) }), status: 413, code: "PAYLOAD_TOO_LARGE" },
  { name: "JSON nested 40,000 deep in unused variables", body: `{"query":"{ __typename }","variables":{"a":${"[".repeat(40_000)}${"]".repeat(40_000)}}}`, status: 200, code: null },
  { name: "__proto__ in variables", body: `{"query":"query($c: String!) { country(code: $c) { code } }","variables":{"__proto__":{"polluted":true},"c":"AZ"}}`, status: 200, code: null },
  { name: "batch array (batching off)", body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]), status: 400, code: "BAD_REQUEST" },
  { name: "empty batch array", body: "[]", status: 400, code: "BAD_REQUEST" },
  // Content types, encodings, methods
  { name: "text/plain (CSRF)", body: json("{ __typename }"), headers: { "content-type": "text/plain" }, status: 400, code: "BAD_REQUEST" },
  { name: "form-urlencoded (CSRF)", body: "query=%7B__typename%7D", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 400, code: "BAD_REQUEST" },
  { name: "multipart (CSRF)", body: "--x\r\n\r\n--x--", headers: { "content-type": "multipart/form-data; boundary=x" }, status: 400, code: "BAD_REQUEST" },
  { name: "XML with preflight header", body: "<query/>", headers: { "content-type": "application/xml", "apollo-require-preflight": "1" }, status: 400, code: "BAD_REQUEST" },
  { name: "JSON declared as UTF-16", body: json("{ __typename }"), headers: { "content-type": "application/json; charset=utf-16" }, status: 400, code: "BAD_REQUEST" },
  { name: "gzip that is not gzip", body: "garbage", headers: { "content-encoding": "gzip" }, status: 400, code: "BAD_REQUEST" },
  { name: "unknown content encoding", body: "garbage", headers: { "content-encoding": "x-nope" }, status: 415, code: "BAD_REQUEST" },
  { name: "PUT", body: json("{ __typename }"), method: "PUT", status: 405, code: "BAD_REQUEST" },
  { name: "DELETE", body: "", method: "DELETE", status: 405, code: "BAD_REQUEST" },
  {
    name: "mutation over GET",
    body: "",
    method: "GET",
    search: `?query=${encodeURIComponent('mutation { deleteSource(id: "x") { deletedId } }')}`,
    headers: { "apollo-require-preflight": "1" },
    status: 405,
    code: "BAD_REQUEST",
  },
  // Documents
  { name: "syntax error", body: json("{"), status: 400, code: "GRAPHQL_PARSE_FAILED" },
  { name: "2,000 tokens", body: json(`{ ${"a ".repeat(2000)} }`), status: 400, code: "MAX_TOKENS_EXCEEDED" },
  { name: "selection nested 5,000 deep", body: json(deepQuery(5000)), status: 400, code: "MAX_TOKENS_EXCEEDED" },
  { name: "list literal nested 3,000 deep", body: json(`{ nodes(ids: ${"[".repeat(3000)}${"]".repeat(3000)}) { id } }`), status: 400, code: "MAX_TOKENS_EXCEEDED" },
  {
    name: "depth 12",
    body: json(`{ country(code: "AZ") { exports(first: 1) { nodes { importer { exports(first: 1) { nodes { importer { exports(first: 1) { nodes { importer { name } } } } } } } } } } }`),
    status: 400,
    code: "MAX_DEPTH_EXCEEDED",
  },
  { name: "alias bomb (16 aliases)", body: json(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: country(code: "AZ") { code }`).join(" ")} }`), status: 400, code: "MAX_ALIASES_EXCEEDED" },
  // Aliases of __typename are not counted: they cost nothing.
  { name: "300 aliases of __typename", body: json(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(" ")} }`), status: 200, code: null },
  { name: "fragment bomb (2^30 spreads)", body: json(fragmentBomb()), status: 400, code: "MAX_DEPTH_EXCEEDED" },
  { name: "fragment bomb under a list", body: json(wideFragmentBomb()), status: 400, code: "MAX_DEPTH_EXCEEDED" },
  { name: "circular fragments", body: json("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "self-spreading fragment", body: json("query { ...A } fragment A on Query { __typename ...A }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "directive flood", body: json(`{ __typename ${"@skip(if: false) ".repeat(100)}}`), status: 400, code: "MAX_DIRECTIVES_EXCEEDED" },
  { name: "unknown directive", body: json("{ __typename @nope }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "introspection nested through __schema", body: json("{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "subscription", body: json("subscription { countries { totalCount } }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "two operations, no name", body: json("query A { __typename } query B { __typename }"), status: 400, code: "OPERATION_RESOLUTION_FAILURE" },
  { name: "unknown operation name", body: json("query A { __typename }", undefined, { operationName: "Z" }), status: 400, code: "OPERATION_RESOLUTION_FAILURE" },
  { name: "empty operation name, anonymous operation", body: json("{ __typename }", undefined, { operationName: "" }), status: 400, code: "OPERATION_RESOLUTION_FAILURE" },
  { name: "persisted query hash unknown", body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }), status: 200, code: "PERSISTED_QUERY_NOT_FOUND" },
  { name: "persisted query hash wrong", body: json("{ __typename }", undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }), status: 400, code: "BAD_REQUEST" },
  // Sizes and numbers
  { name: "first: 1,000,000", body: json("{ countries(first: 1000000) { nodes { code } } }"), status: 400, code: "MAX_COST_EXCEEDED" },
  { name: "first beyond 32 bits (literal)", body: json("{ countries(first: 99999999999) { nodes { code } } }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "first beyond 32 bits (variable)", body: json("query($f: Int) { countries(first: $f) { nodes { code } } }", { f: 1e10 }), status: 400, code: "BAD_USER_INPUT" },
  { name: "first: -1", body: json("{ countries(first: -1) { nodes { code } } }"), status: 200, code: "INVALID_PAGINATION" },
  { name: "first and last", body: json("{ countries(first: 1, last: 1) { nodes { code } } }"), status: 200, code: "INVALID_PAGINATION" },
  { name: "limit: 100,000", body: json('{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", limit: 100000) { partners { rank } } }'), status: 400, code: "MAX_COST_EXCEEDED" },
  { name: "limit: 0", body: json('{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", limit: 0) { partners { rank } } }'), status: 200, code: "BAD_USER_INPUT" },
  { name: "101 ids", body: json("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: 101 }, () => "x") }), status: 200, code: "INVALID_PAGINATION" },
  { name: "Float 1e400 literal", body: json("{ exportRecords(filter: { valueUsd: { gte: 1e400 } }) { totalCount } }"), status: 200, code: null },
  { name: "Float given a string", body: json("query($v: Float) { exportRecords(filter: { valueUsd: { gte: $v } }) { totalCount } }", { v: "1; DROP" }), status: 400, code: "BAD_USER_INPUT" },
  { name: "period range 0001-01…9999-12", body: json('{ tradeSeries(exporter: "AZ", from: "0001-01", to: "9999-12") { points { bucket } } }'), status: 200, code: "INVALID_PERIOD" },
  // Variables of the wrong type
  { name: "String! given a number", body: json("query($c: String!) { country(code: $c) { code } }", { c: 123 }), status: 400, code: "BAD_USER_INPUT" },
  { name: "String! given an object", body: json("query($c: String!) { country(code: $c) { code } }", { c: { $ne: null } }), status: 400, code: "BAD_USER_INPUT" },
  { name: "String! missing", body: json("query($c: String!) { country(code: $c) { code } }", {}), status: 400, code: "BAD_USER_INPUT" },
  { name: "[ID!]! given nested arrays", body: json("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [[[["x"]]]] }), status: 400, code: "BAD_USER_INPUT" },
  { name: "enum given an injection", body: json("query($g: Granularity!) { tradeSeries(exporter: \"AZ\", from: \"2024-01\", to: \"2024-02\", granularity: $g) { points { bucket } } }", { g: INJECTION }), status: 400, code: "BAD_USER_INPUT" },
  { name: "variable of an unknown type", body: json("query($c: Nope) { country(code: $c) { code } }", { c: "AZ" }), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  // Cursors and IDs
  { name: "cursor: garbage", body: json('{ countries(after: "garbage!!") { nodes { code } } }'), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: base64 of broken JSON", body: json(`{ countries(after: "${b64('{"x":[1,2')}") { nodes { code } } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: base64 of an injection", body: json(`{ exportRecords(after: "${b64(JSON.stringify([INJECTION, "1e400"]))}") { nodes { id } } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: well-formed, with 2024-13-45 as its date", body: json(`{ meetings(after: "${b64('["2024-13-45",1]')}") { totalCount } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: well-formed, with a key beyond 32 bits", body: json(`{ exportRecords(after: "${b64('["2024-01-01",9007199254740991]')}") { totalCount } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: well-formed, with a text key where keys are integers", body: json(`{ reports(before: "${b64('["0366-06-24","AZ"]')}") { totalCount } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: well-formed, with an integer key where keys are codes", body: json(`{ countries(after: "${b64('["Azerbaijan",7]')}") { totalCount } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "cursor: 20,000 characters", body: json(`{ exportRecords(before: "${"A".repeat(20_000)}", last: 5) { nodes { id } } }`), status: 200, code: "INVALID_CURSOR" },
  { name: "id: empty", body: json('{ node(id: "") { id } }'), status: 200, code: "INVALID_ID" },
  { name: "id: not base64", body: json('{ node(id: "!!!") { id } }'), status: 200, code: "INVALID_ID" },
  { name: "id: type without key", body: json(`{ node(id: "${b64("Country:")}") { id } }`), status: 200, code: "INVALID_ID" },
  { name: "id: unknown type", body: json(`{ node(id: "${b64("Nope:1")}") { id } }`), status: 200, code: "INVALID_ID" },
  { name: "id: key beyond 32 bits", body: json(`{ node(id: "${b64("ExportRecord:99999999999999")}") { id } }`), status: 200, code: null },
  { name: "id: negative key", body: json(`{ node(id: "${b64("Meeting:-1")}") { id } }`), status: 200, code: null },
  { name: "id: injection as key", body: json(`{ node(id: "${b64(`Country:${INJECTION}`)}") { id } }`), status: 200, code: null },
  { name: "id: 10,000 characters", body: json(`{ node(id: "${"Q".repeat(10_000)}") { id } }`), status: 200, code: "INVALID_ID" },
  // Keys
  { name: "Basic auth", body: json("{ __typename }"), headers: { authorization: `Basic ${"x".repeat(5000)}` }, status: 401, code: "UNAUTHENTICATED" },
  { name: "key-shaped injection", body: json("{ __typename }"), headers: { authorization: `Bearer tg_abcdefgh_${"'".repeat(43)}` }, status: 401, code: "UNAUTHENTICATED" },
  { name: "mutation without a key", body: json(`mutation { deleteSource(id: "${b64("Source:1")}") { deletedId } }`), status: 200, code: "UNAUTHENTICATED" },
  {
    name: "injection through a mutation without a key",
    body: json("mutation($i: SourceInput!) { createSource(input: $i) { source { id } } }", { i: { publisher: INJECTION, title: INJECTION } }),
    status: 200,
    code: "UNAUTHENTICATED",
  },
];

describe("hostile requests", () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    const response = await post(server.url + (c.search ?? ""), c.body, c.headers, c.method);
    const codes = expectHandled(response, name);
    expect(response.status).toBe(c.status);
    if (c.code === null) {
      expect(codes).toEqual([]);
    } else {
      expect(codes[0]).toBe(c.code);
    }
  });

  it("a reader key cannot write either", async () => {
    const response = await post(server.url, json(`mutation { deleteSource(id: "${b64("Source:1")}") { deletedId } }`), reader.headers);
    expect(expectHandled(response, "reader")).toEqual(["FORBIDDEN"]);
  });
});

/** Strings that have broken SQL, LIKE patterns, full-text parsers and encodings elsewhere. */
const NASTY = [
  INJECTION,
  "' OR '1'='1",
  "1); SELECT pg_sleep(30); --",
  "%_\\%\\_\\\\",
  '"unbalanced & | ! ( <-> :*',
  "a\u0000b",
  "\u202Eevil\uFEFF\u200B",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 日本",
  "x".repeat(5000),
  "\r\n\t\b\f",
];

describe("injection strings in every text argument", () => {
  it("finds the text arguments in the schema", () => {
    expect(slots.length).toBeGreaterThan(20);
    expect(slots.map((s) => s.name)).toEqual(expect.arrayContaining(["country(code)", "exportRecords(filter.exporter)", "exportRecords(filter.period.from)", "node(id)"]));
  });

  it("answers each with data or a specific error", async () => {
    const failures: string[] = [];
    const cases = slots.flatMap((slot) => NASTY.map((value) => ({ slot, value })));
    // Four at a time: enough to finish quickly, few enough for two cores.
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(
        cases.slice(i, i + 4).map(async ({ slot, value }) => {
          const response = await server.gql(slot.query, { v: value });
          try {
            expectHandled(response, `${slot.name} = ${JSON.stringify(value.slice(0, 40))}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    console.log(`hostile-input: ${CORPUS.length} corpus requests; ${slots.length} text arguments × ${NASTY.length} strings = ${cases.length} requests`);
  }, 60_000);
});

describe("afterwards", () => {
  it("nothing was written", async () => {
    expect(await rowCounts(server.db)).toEqual(before);
    const { body } = await server.gql<{ country: { name: string } }>(`{ country(code: "AZ") { name } }`);
    expect(body.data?.country.name).toBe("Azerbaijan");
  });

  it("the server still answers", async () => {
    const health = await fetch(server.url.replace(/\/graphql$/, "/healthz"));
    expect(health.status).toBe(200);
    expect((await server.gql(`{ countries(first: 1) { totalCount } }`)).body.errors).toBeUndefined();
  });
});
