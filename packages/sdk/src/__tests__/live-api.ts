import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";

export interface LiveApi {
  url: string;
  db: TestDatabase;
  /** Creates an API key with the API's own command line and returns it. */
  createKey(role: "reader" | "editor" | "admin"): Promise<string>;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, "..", "..", "..", "..");
/** The built API's entry script and its key command, relative to the repository root. */
const API_ENTRY = "apps/api/dist/bin/main.js";
const API_KEY_COMMAND = "apps/api/dist/bin/apikey.js";
const apiMain = path.join(repoRoot, API_ENTRY);

/** Starts the built API (API_ENTRY) as its own process over a fresh, seeded test database. */
export async function startLiveApi(): Promise<LiveApi> {
  const db = await createTestDatabase({ seed: true });
  const child: ChildProcess = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      DB_POOL_SIZE: db.embedded ? "1" : "4",
      PORT: "0",
      LOG_LEVEL: "warn",
      TRADEGRAPH_SEED: "never",
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    db,
    createKey(role) {
      return new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [path.join(repoRoot, API_KEY_COMMAND), "create", "--name", `sdk-test-${role}`, "--role", role],
          { env: { ...process.env, DATABASE_URL: db.url } },
          (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim())),
        );
      });
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await db.destroy();
    },
  };
}
