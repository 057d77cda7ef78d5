import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { toGlobalId } from "../common/global-id";
import { parseApiKey } from "../auth/api-key";
import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

let server: TestServer;
let admin: TestKey;
let editor: TestKey;

beforeAll(async () => {
  server = await startTestServer();
  admin = await createKey(server, "ADMIN", { name: "ops" });
  editor = await createKey(server, "EDITOR");
}, 120_000);
afterAll(() => server?.close());

const KEY_FIELDS = "id name prefix role createdAt createdBy revokedAt lastUsedAt";
const CREATE = `mutation($name: String!, $role: ApiKeyRole!) {
  createApiKey(name: $name, role: $role) { key apiKey { ${KEY_FIELDS} } userErrors { field message code } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { ${KEY_FIELDS} } userErrors { field message code } } }`;
const LIST = `query($all: Boolean!) { apiKeys(includeRevoked: $all) { ${KEY_FIELDS} } }`;
const VIEWER = "{ viewer { name prefix role } }";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const errorCodes = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => body.errors?.map((e) => e.extensions?.code);

interface CreatePayload {
  key: string | null;
  apiKey: { id: string; name: string; prefix: string; role: string; createdBy: string; revokedAt: string | null } | null;
  userErrors: Array<{ field: string[] | null; code: string }>;
}

interface RevokePayload {
  apiKey: { revokedAt: string | null } | null;
  userErrors: Array<{ field: string[] | null; code: string; message: string }>;
}

async function createThroughApi(name: string, role: string): Promise<CreatePayload> {
  const { body } = await server.gql<{ createApiKey: CreatePayload }>(CREATE, { name, role }, admin.headers);
  expect(body.errors).toBeUndefined();
  return body.data!.createApiKey;
}

describe("viewer", () => {
  it("is null without a key and describes the key with one", async () => {
    expect((await server.gql(VIEWER)).body.data).toEqual({ viewer: null });
    const { body } = await server.gql(VIEWER, undefined, editor.headers);
    expect(body.data).toEqual({ viewer: { name: "editor key", prefix: editor.prefix, role: "EDITOR" } });
  });

  it("records when a key was last used, at most once a minute", async () => {
    const key = await createKey(server, "READER");
    const row = () => server.db.prisma.apiKey.findUniqueOrThrow({ where: { prefix: key.prefix } });
    expect((await row()).lastUsedAt).toBeNull();
    await server.gql(VIEWER, undefined, key.headers);
    const first = (await row()).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await server.gql(VIEWER, undefined, key.headers);
    expect((await row()).lastUsedAt).toEqual(first);
  });
});

describe("createApiKey", () => {
  it("returns the key once; the key authenticates and only its hash is stored", async () => {
    const created = await createThroughApi("  nightly importer ", "EDITOR");
    expect(created.userErrors).toEqual([]);
    expect(created.key).toMatch(/^tg_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: "nightly importer", role: "EDITOR", createdBy: admin.actor, revokedAt: null });
    expect(created.key!.startsWith(`tg_${created.apiKey!.prefix}_`)).toBe(true);

    const { body } = await server.gql(VIEWER, undefined, bearer(created.key!));
    expect(body.data).toEqual({ viewer: { name: "nightly importer", prefix: created.apiKey!.prefix, role: "EDITOR" } });

    const row = await server.db.prisma.apiKey.findUniqueOrThrow({ where: { prefix: created.apiKey!.prefix } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    // The secret is base64url and may itself contain "_": take it as the key format defines it.
    expect(parseApiKey(created.key!)!.secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(parseApiKey(created.key!)!.secret);
  });

  it("refuses a blank or overlong name and stores nothing", async () => {
    const before = await server.db.prisma.apiKey.count();
    const blank = await createThroughApi(" ", "READER");
    expect(blank).toMatchObject({ key: null, apiKey: null, userErrors: [{ field: ["name"], code: "BLANK" }] });
    const long = await createThroughApi("x".repeat(101), "READER");
    expect(long.userErrors).toMatchObject([{ field: ["name"], code: "TOO_LONG" }]);
    expect(await server.db.prisma.apiKey.count()).toBe(before);
  });
});

describe("apiKeys", () => {
  it("lists keys without secrets or hashes, revoked ones only when asked", async () => {
    const revoked = await createKey(server, "READER", { name: "old", revoked: true });
    const active = await server.gql<{ apiKeys: Array<{ prefix: string }> }>(LIST, { all: false }, admin.headers);
    const all = await server.gql<{ apiKeys: Array<{ prefix: string }> }>(LIST, { all: true }, admin.headers);
    expect(active.body.data!.apiKeys.map((k) => k.prefix)).toContain(editor.prefix);
    expect(active.body.data!.apiKeys.map((k) => k.prefix)).not.toContain(revoked.prefix);
    expect(all.body.data!.apiKeys.map((k) => k.prefix)).toContain(revoked.prefix);

    const hashes = (await server.db.prisma.apiKey.findMany()).map((k) => k.secretHash);
    const text = JSON.stringify(all.body);
    for (const hash of hashes) expect(text).not.toContain(hash);

    const { body } = await server.gql<{ __type: { fields: Array<{ name: string }> } }>(`{ __type(name: "ApiKey") { fields { name } } }`);
    expect(body.data!.__type.fields.map((f) => f.name).filter((name) => /secret|hash/i.test(name))).toEqual([]);
  });
});

describe("revokeApiKey", () => {
  it("revokes a key for good: it stops authenticating, and revoking again changes nothing", async () => {
    const created = await createThroughApi("short-lived", "READER");
    const first = await server.gql<{ revokeApiKey: RevokePayload }>(REVOKE, { id: created.apiKey!.id }, admin.headers);
    expect(first.body.errors).toBeUndefined();
    const revokedAt = first.body.data!.revokeApiKey.apiKey!.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));

    const refused = await server.gql(VIEWER, undefined, bearer(created.key!));
    expect(refused.status).toBe(401);
    expect(errorCodes(refused.body)).toEqual(["UNAUTHENTICATED"]);

    const again = await server.gql<{ revokeApiKey: RevokePayload }>(REVOKE, { id: created.apiKey!.id }, admin.headers);
    expect(again.body.data!.revokeApiKey).toMatchObject({ apiKey: { revokedAt }, userErrors: [] });
  });

  it("reports an ID that is not an API key's", async () => {
    const { body } = await server.gql<{ revokeApiKey: RevokePayload }>(REVOKE, { id: toGlobalId("ApiKey", 99_999) }, admin.headers);
    expect(body.data!.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ field: ["id"], code: "NOT_FOUND", message: expect.any(String) }] });
  });
});

describe("key management authorization", () => {
  const operations: Array<[string, string, Record<string, unknown>]> = [
    ["apiKeys", LIST, { all: true }],
    ["createApiKey", CREATE, { name: "x", role: "ADMIN" }],
    ["revokeApiKey", REVOKE, { id: toGlobalId("ApiKey", 1) }],
  ];

  it.each(operations)("%s needs a key (UNAUTHENTICATED) with the ADMIN role (FORBIDDEN)", async (_name, query, variables) => {
    const before = await server.db.prisma.apiKey.findMany({ orderBy: { id: "asc" } });
    expect(errorCodes((await server.gql(query, variables)).body)).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes((await server.gql(query, variables, editor.headers)).body)).toEqual(["FORBIDDEN"]);
    const reader = await createKey(server, "READER");
    expect(errorCodes((await server.gql(query, variables, reader.headers)).body)).toEqual(["FORBIDDEN"]);
    const after = await server.db.prisma.apiKey.findMany({ where: { id: { in: before.map((k) => k.id) } }, orderBy: { id: "asc" } });
    expect(after.map((k) => k.revokedAt)).toEqual(before.map((k) => k.revokedAt));
  });
});

describe("the apikey command line", () => {
  const cli = path.resolve(__dirname, "..", "..", "dist", "bin", "apikey.js");
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: server.db.url, LOG_LEVEL: "silent" },
      timeout: 60_000,
    });

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build -w @tradegraph/api\` first.`);
  });

  it("creates a key that authenticates, lists it without its secret and revokes it by prefix", async () => {
    const created = await run("create", "--name", "cli-made", "--role", "editor");
    const key = created.stdout.trim();
    expect(key).toMatch(/^tg_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/not shown again/);
    const prefix = key.split("_")[1]!;

    const { body } = await server.gql(VIEWER, undefined, bearer(key));
    expect(body.data).toEqual({ viewer: { name: "cli-made", prefix, role: "EDITOR" } });
    const row = await server.db.prisma.apiKey.findUniqueOrThrow({ where: { prefix } });
    expect(row.createdBy).toMatch(/^cli/);

    const listed = await run("list");
    expect(listed.stdout).toMatch(new RegExp(`${prefix}\\s+cli-made\\s+EDITOR`));
    expect(listed.stdout).not.toContain(parseApiKey(key)!.secret);
    expect(listed.stdout).not.toContain(row.secretHash);

    await run("revoke", prefix);
    expect((await server.gql(VIEWER, undefined, bearer(key))).status).toBe(401);
  }, 120_000);

  it("exits with 2 and the usage on a wrong command line, before touching the database", async () => {
    await expect(run("create", "--name", "x", "--role", "owner")).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/usage:/) });
    await expect(run("rotate")).rejects.toMatchObject({ code: 2 });
  });

  it("exits with 1 for an unknown prefix", async () => {
    await expect(run("revoke", "zzzzzzzz")).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/No API key/) });
  }, 60_000);
});
