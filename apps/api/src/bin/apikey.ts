#!/usr/bin/env node
import "reflect-metadata";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase, type Database } from "@tradegraph/db";
import { createApiKey, listApiKeys, revokeApiKeyByPrefix } from "../auth/api-key.service";
import type { ApiKey } from "../auth/api-key.type";
import type { Role } from "../server/context";
import { parseEnv } from "../env";

const USAGE = `usage: npm run apikey -- <command>

  create --name <name> --role reader|editor|admin   create a key and print it; it is shown only this once
  list                                              list keys with their prefix, role and status, never secrets
  revoke <prefix>                                   revoke the key tg_<prefix>_… for good

DATABASE_URL selects a PostgreSQL server; without it the embedded database in TRADEGRAPH_DATA_DIR (.data) is used.`;

const ROLES: Record<string, Role> = { reader: "READER", editor: "EDITOR", admin: "ADMIN" };

class UsageError extends Error {}

function createdBy(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") : "-");

function table(keys: ApiKey[]): string {
  const rows = [
    ["PREFIX", "NAME", "ROLE", "CREATED", "LAST USED", "STATUS"],
    ...keys.map((k) => [k.prefix, k.name, k.role, day(k.createdAt), day(k.lastUsedAt), k.revokedAt ? `revoked ${day(k.revokedAt)}` : "active"]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

type Command = { name: "create"; keyName: string; role: Role } | { name: "list" } | { name: "revoke"; prefix: string };

/** Reads the command line before anything touches the database; a mistake is a UsageError. */
function parseCommand(argv: string[]): Command {
  const [command, ...args] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args, options: { name: { type: "string" }, role: { type: "string" } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  switch (command) {
    case "create": {
      const role = ROLES[values.role?.toLowerCase() ?? ""];
      if (values.name === undefined || !role || positionals.length > 0) throw new UsageError("create needs --name <name> and --role reader|editor|admin.");
      return { name: "create", keyName: values.name, role };
    }
    case "list":
      if (positionals.length > 0 || values.name !== undefined || values.role !== undefined) throw new UsageError("list takes no arguments.");
      return { name: "list" };
    case "revoke": {
      const [prefix, ...extra] = positionals;
      if (!prefix || extra.length > 0) throw new UsageError("revoke needs the key's prefix, e.g. revoke 1a2b3c4d.");
      return { name: "revoke", prefix: prefix.replace(/^tg_/, "").replace(/_.*$/, "") };
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : "");
  }
}

async function run(db: Database, command: Command, target: string): Promise<number> {
  switch (command.name) {
    case "create": {
      const { key, apiKey, userErrors } = await createApiKey(db, createdBy(), command.keyName, command.role);
      if (!key || !apiKey) {
        for (const error of userErrors) console.error(`${error.field?.join(".") ?? "error"}: ${error.message}`);
        return 1;
      }
      // The key alone on stdout, so that scripts can capture it; everything else on stderr.
      console.log(key);
      console.error(`Created API key "${apiKey.name}" (${apiKey.role}, prefix ${apiKey.prefix}) in ${target}. It is not shown again: store it now.`);
      return 0;
    }
    case "list": {
      const keys = await listApiKeys(db, true);
      console.log(keys.length ? table(keys) : `No API keys in ${target}.`);
      return 0;
    }
    case "revoke": {
      const apiKey = await revokeApiKeyByPrefix(db, command.prefix);
      if (!apiKey) {
        console.error(`No API key has the prefix "${command.prefix}".`);
        return 1;
      }
      console.error(`Revoked API key ${apiKey.prefix} ("${apiKey.name}", ${apiKey.role}) at ${day(apiKey.revokedAt)} UTC.`);
      return 0;
    }
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0]!)) {
    console.error(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const command = parseCommand(argv);
  const env = parseEnv();
  const target = env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `the embedded database in ${env.dataDir}`;
  const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, poolSize: 1, applicationName: "tradegraph-apikey", migrate: false });
  try {
    // Migrating takes seconds; a fresh database needs it, one the API has run on already has the table.
    const [{ exists }] = await db.prisma.$queryRaw<[{ exists: boolean }]>`SELECT to_regclass('api_key') IS NOT NULL AS exists`;
    if (!exists) await migrateDatabase(db.url);
    return await run(db, command, target);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError;
    console.error(usage ? `${error.message}\n\n${USAGE}`.trim() : `apikey failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = usage ? 2 : 1;
  },
);
