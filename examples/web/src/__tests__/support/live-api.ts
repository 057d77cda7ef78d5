import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";

/** The built API's entry script, relative to the repository root. */
const API_ENTRY = "apps/api/dist/bin/main.js";
const repoRoot = path.resolve(__dirname, "..", "..", "..", "..", "..");

export interface LiveApi {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:39211/graphql. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the built API as its own process over a fresh, seeded test database (DATABASE_URL or embedded). */
export async function startLiveApi(): Promise<LiveApi> {
  const db: TestDatabase = await createTestDatabase({ seed: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, API_ENTRY)], {
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
  }).catch(async (error: unknown) => {
    child.kill("SIGKILL");
    await db.destroy();
    throw error;
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await db.destroy();
    },
  };
}
