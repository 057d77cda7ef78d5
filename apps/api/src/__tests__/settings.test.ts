/**
 * Settings that change what the server answers: EXECUTION_TIMEOUT_MS (a statement cancelled by PostgreSQL is
 * TIMEOUT), READS_REQUIRE_KEY and GRAPHQL_ALLOW_BATCHING. Each runs its own server with the setting on.
 */
import { createPool } from "@tradegraph/db";
import { startTestServer, type TestServer } from "./harness";
import { createKey } from "./keys";

const embedded = !process.env.DATABASE_URL;

// The lock is taken from a second connection, which the embedded database (one connection) does not have.
(embedded ? describe.skip : describe)("EXECUTION_TIMEOUT_MS (needs a PostgreSQL server)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { EXECUTION_TIMEOUT_MS: "300" } });
  }, 120_000);
  afterAll(() => server?.close());

  it("stops a statement that runs longer and answers TIMEOUT; the next request is served", async () => {
    // A transaction elsewhere locks export_record, so the API's read waits past the timeout.
    const other = createPool(server.db.url, { max: 1 });
    const locker = await other.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE export_record IN ACCESS EXCLUSIVE MODE");
      const started = Date.now();
      const { status, body } = await server.gql(`{ exportRecords(first: 5) { totalCount nodes { id } } }`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(status).toBe(200);
      expect(body.errors?.map((e) => e.extensions?.code)).toContain("TIMEOUT");
      expect(body.errors?.[0]?.message).toBe("The request took too long and was stopped.");
    } finally {
      await locker.query("ROLLBACK");
      locker.release();
      await other.end();
    }
    const again = await server.gql<{ exportRecords: { totalCount: number } }>(`{ exportRecords(first: 5) { totalCount } }`);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.exportRecords.totalCount).toBeGreaterThan(0);
  }, 30_000);
});

describe("READS_REQUIRE_KEY", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { READS_REQUIRE_KEY: "true" } });
  }, 120_000);
  afterAll(() => server?.close());

  it("refuses a read without a key with UNAUTHENTICATED and HTTP 401", async () => {
    const { status, body } = await server.gql(`{ country(code: "AZ") { name } }`);
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it("answers a read with a reader key", async () => {
    const reader = await createKey(server, "READER");
    const { status, body } = await server.gql<{ country: { name: string } }>(`{ country(code: "AZ") { name } }`, undefined, reader.headers);
    expect(status).toBe(200);
    expect(body.data).toEqual({ country: { name: "Azerbaijan" } });
  });

  it("refuses a revoked key", async () => {
    const revoked = await createKey(server, "READER", { revoked: true });
    const { status, body } = await server.gql(`{ country(code: "AZ") { name } }`, undefined, revoked.headers);
    expect(status).toBe(401);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("GRAPHQL_ALLOW_BATCHING", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { GRAPHQL_ALLOW_BATCHING: "true" } });
  }, 120_000);
  afterAll(() => server?.close());

  it("answers a JSON array of operations with an array of results, in order", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: `{ country(code: "AZ") { name } }` }, { query: `{ country(code: "IL") { name } }` }, { query: `{ country(code: "XX") { name } }` }]),
    });
    expect(response.status).toBe(200);
    const results = (await response.json()) as Array<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }>;
    expect(results).toHaveLength(3);
    expect(results[0]!.data).toEqual({ country: { name: "Azerbaijan" } });
    expect(results[1]!.data).toEqual({ country: { name: "Israel" } });
    expect(results[2]!.errors?.[0]?.extensions?.code).toBe("UNKNOWN_COUNTRY");
  });
});
