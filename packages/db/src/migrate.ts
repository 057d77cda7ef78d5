import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

const prismaDir = path.resolve(packageDir, "..", "..", "prisma");
const SNAPSHOT_HEADER =
  "// Written by `npm run db:migration:new`: prisma/schema.prisma as of the newest migration, the base the next\n" +
  "// migration is computed from. Do not edit by hand.\n\n";

/**
 * Writes a new migration with the SQL that takes the schema of the last migration (the snapshot
 * prisma/schema.migrated.prisma) to prisma/schema.prisma, and moves the snapshot forward. Returns the
 * migration's folder, or null when nothing changed. (`migrate dev` can't run here: its shadow-database
 * introspection crashes the WASM schema engine.)
 */
export async function createMigration(name: string, databaseUrl: string, now = new Date()): Promise<string | null> {
  const schema = path.join(prismaDir, "schema.prisma");
  const snapshot = path.join(prismaDir, "schema.migrated.prisma");
  const sql = await prismaCli(
    ["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", schema, "--script"],
    databaseUrl,
  );
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(prismaDir, "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(schema, snapshot);
  writeFileSync(snapshot, SNAPSHOT_HEADER + readFileSync(snapshot, "utf8"));
  return path.relative(process.cwd(), folder);
}
