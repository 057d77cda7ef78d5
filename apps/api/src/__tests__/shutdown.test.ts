/**
 * Graceful shutdown of the built server (dist/bin/main.js, as `npm start` runs it): on SIGTERM it finishes the
 * request in flight, closes its database connections and exits with 0. (It used to hang until its 15 s force
 * exit with 1: Apollo's own signal handler raced main.ts's.) Needs the build, which `turbo run test` does first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";

const mainJs = path.resolve(__dirname, "..", "..", "dist", "bin", "main.js");
let db: TestDatabase;
let child: ChildProcess | undefined;

beforeAll(async () => {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build the API first (npx turbo run build --filter=@tradegraph/api).`);
  db = await createTestDatabase({ seed: true });
}, 120_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await db?.destroy();
});

it("finishes the request in flight, closes the database pool and exits with 0 on SIGTERM", async () => {
  child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: db.url, DB_POOL_SIZE: db.embedded ? "1" : "4", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", TRADEGRAPH_SEED: "never" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once("exit", (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child!.stdout!.on("data", onData);
    child!.stderr!.on("data", onData);
    void exited.then(() => reject(new Error(`The API exited before it was ready:\n${output}`)));
  });

  const inFlight = fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ countries(first: 100) { totalCount nodes { name exports(first: 5) { totalCount } } } }` }),
  });
  // Sent once the request has reached the server.
  await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill("SIGTERM");

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect((await response.json()) as unknown).toMatchObject({ data: { countries: { totalCount: expect.any(Number) } } });
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(output).toMatch(/shutting down: draining requests/);
  if (!db.embedded) {
    const { rows } = await db.pool.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tradegraph-api'");
    expect(rows).toEqual([]);
  }
}, 60_000);
