import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production" } });
}, 120_000);
afterAll(() => server?.close());

describe("production mode", () => {
  it("masks unexpected errors: no stack, no internal message, an error id", async () => {
    await server.db.pool.query("ALTER TABLE commodity RENAME TO commodity_moved");
    try {
      const { body } = await server.gql(`{ commodities { hsCode } }`);
      const [error] = body.errors!;
      expect(error!.extensions).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      expect(error!.extensions!.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error!.message).toBe(`Internal error (id ${error!.extensions!.errorId}).`);
      expect(JSON.stringify(body)).not.toMatch(/commodity|relation|stacktrace|prisma/i);
    } finally {
      await server.db.pool.query("ALTER TABLE commodity_moved RENAME TO commodity");
    }
  });

  it("still shows errors the client caused, with their codes", async () => {
    const { body } = await server.gql(`{ country(code: "XX") { code } }`);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "UNKNOWN_COUNTRY" } });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });

  it("disables introspection and the Sandbox landing page", async () => {
    const { body } = await server.gql(`{ __schema { types { name } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/sandbox/i);
  });

  it("does not suggest field names", async () => {
    const { body } = await server.gql(`{ commoditie { hsCode } }`);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
