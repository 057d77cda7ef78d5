/**
 * Guards that hold for the whole API rather than per feature (mutations.test.ts and api-keys.test.ts test each
 * mutation's authorization in detail): every mutation the schema has, found by walking it, refuses requests
 * without a key, with a revoked key and with a READER key, and writes nothing; keys never reach the logs; and
 * the key check compares in constant time.
 */
import crypto from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from "graphql";
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from "../auth/api-key";
import { createSchema } from "../schema";
import { startTestServer, type TestServer } from "./harness";
import { rowCounts } from "./hostile";
import { createKey, type TestKey } from "./keys";

const logs: string[] = [];
let server: TestServer;
let reader: TestKey;
let editor: TestKey;
let admin: TestKey;
let revoked: TestKey;

beforeAll(async () => {
  server = await startTestServer({ logs });
  reader = await createKey(server, "READER");
  editor = await createKey(server, "EDITOR");
  admin = await createKey(server, "ADMIN");
  revoked = await createKey(server, "ADMIN", { revoked: true });
}, 120_000);
afterAll(() => server?.close());

const SCALARS: Record<string, string> = { String: '"x"', ID: '"eA"', Int: "1", Float: "1", Boolean: "false", Date: '"2024-01-01"', DateTime: '"2024-01-01T00:00:00Z"' };

/** A literal of `type` that passes GraphQL validation (not necessarily the mutation's own checks). */
function validLiteral(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return "[]";
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${validLiteral(f.type)}`).join(", ")} }`;
  }
  const scalar = SCALARS[inner.name];
  if (!scalar) throw new Error(`No literal for scalar ${inner.name}: add it to SCALARS.`);
  return scalar;
}

async function everyMutation(): Promise<Array<[string, string]>> {
  const schema = await createSchema();
  return Object.values(schema.getMutationType()!.getFields()).map((field) => {
    const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => `${a.name}: ${validLiteral(a.type)}`);
    const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
    return [field.name, `mutation { ${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`];
  });
}

describe("every mutation in the schema", () => {
  it("refuses requests without a key, with a revoked key and with a READER key, and writes nothing", async () => {
    const mutations = await everyMutation();
    expect(mutations.map(([name]) => name)).toEqual(expect.arrayContaining(["createExportRecord", "upsertExportRecord", "createSource", "createApiKey"]));
    const before = await rowCounts(server.db);
    const wrong: string[] = [];
    for (const [name, query] of mutations) {
      const anonymous = await server.gql(query);
      const withRevoked = await server.gql(query, undefined, revoked.headers);
      const withReader = await server.gql(query, undefined, reader.headers);
      const got = {
        anonymous: anonymous.body.errors?.map((e) => e.extensions?.code),
        revoked: [withRevoked.status, withRevoked.body.errors?.map((e) => e.extensions?.code)],
        reader: withReader.body.errors?.map((e) => e.extensions?.code),
      };
      const expected = { anonymous: ["UNAUTHENTICATED"], revoked: [401, ["UNAUTHENTICATED"]], reader: ["FORBIDDEN"] };
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${name}: ${JSON.stringify(got)}`);
      if (anonymous.body.data != null || withReader.body.data != null) wrong.push(`${name}: returned data`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(server.db)).toEqual(before);
  }, 60_000);
});

describe("logs", () => {
  it("never contain a key, whether it is valid, refused, revoked, or created by the request", async () => {
    const unknown = `tg_abcdefgh_${"Z".repeat(43)}`;
    await server.gql(`{ viewer { name } countries(first: 1) { totalCount } }`, undefined, reader.headers);
    await server.gql(`mutation { createSource(input: { publisher: " ", title: "" }) { userErrors { code } } }`, undefined, editor.headers);
    await server.gql(`mutation { createSource(input: { publisher: "p", title: "t" }) { __typename } }`, undefined, reader.headers);
    await server.gql(`{ __typename }`, undefined, revoked.headers);
    await server.gql(`{ __typename }`, undefined, { authorization: `Bearer ${unknown}` });
    await server.gql(`{ __typename }`, undefined, { authorization: `bearer    ${editor.key}   ` });
    const created = await server.gql<{ createApiKey: { key: string } }>(`mutation { createApiKey(name: "for the log test", role: READER) { key } }`, undefined, admin.headers);
    const newKey = created.body.data?.createApiKey.key;
    expect(newKey).toMatch(/^tg_/);

    const text = logs.join("\n");
    expect(logs.filter((line) => line.includes('"graphql request"')).length).toBeGreaterThanOrEqual(7);
    for (const key of [reader.key, editor.key, admin.key, revoked.key, unknown, newKey!]) {
      expect(text).not.toContain(key);
      // Nor the secret part alone.
      expect(text).not.toContain(parseApiKey(key)!.secret);
    }
  });
});

describe("the key check", () => {
  it("accepts the right secret only, whatever the stored hash looks like", () => {
    const { key, secretHash } = generateApiKey();
    const secret = parseApiKey(key)!.secret;
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, secretHash)).toBe(secret.endsWith("x"));
    expect(secretMatches(secret, hashSecret("other"))).toBe(false);
    expect(secretMatches(secret, secretHash.slice(0, 10))).toBe(false);
    expect(secretMatches(secret, "not hex at all")).toBe(false);
    expect(secretMatches("", secretHash)).toBe(false);
  });

  it("compares in constant time (crypto.timingSafeEqual), also on the request path", async () => {
    const spy = jest.spyOn(crypto, "timingSafeEqual");
    try {
      const { key, secretHash } = generateApiKey();
      expect(secretMatches(parseApiKey(key)!.secret, secretHash)).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
      const [actual, expected] = spy.mock.calls[0]!;
      // Fixed-length digests are compared, so the time does not depend on the presented secret's length.
      expect([(actual as Buffer).length, (expected as Buffer).length]).toEqual([32, 32]);

      spy.mockClear();
      const wrongSecret = `${reader.key.slice(0, 12)}${"A".repeat(43)}`;
      expect((await server.gql(`{ __typename }`, undefined, { authorization: `Bearer ${wrongSecret}` })).status).toBe(401);
      expect(spy).toHaveBeenCalledTimes(1);
      expect((await server.gql(`{ viewer { name } }`, undefined, reader.headers)).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
