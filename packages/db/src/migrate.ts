import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The db package folder, where prisma.config.ts lives (this file runs from src/ or dist/). */
const packageDir = path.resolve(__dirname, "..");

/** Runs the Prisma CLI with the project's config against the given database. */
export async function prismaCli(args: string[], databaseUrl: string): Promise<string> {
  const cli = require.resolve("prisma/build/index.js");
  try {
    const preload = path.join(packageDir, "scripts", "prisma-cli-preload.cjs");
    const { stdout } = await run(process.execPath, ["--require", preload, cli, ...args], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma ${args.join(" ")} failed:\n${stderr || stdout}`, { cause: error });
  }
}

/** Applies every committed migration in prisma/migrations that the database doesn't have yet. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await prismaCli(["migrate", "deploy"], databaseUrl);
}
