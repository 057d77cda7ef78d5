#!/usr/bin/env node
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importExportRecords } from "../import";
import { detectFormat } from "../read/detect";
import { headText } from "../read/input";
import type { ImportFormat, ImportMode, ImportSummary } from "../types";
import { parseSourceArgument } from "../write/source";
import { describeTarget, openForImport } from "./database";
import { readImporterEnv } from "./env";
import { Progress } from "./progress";
import { RejectsFile } from "./rejects";
import { formatSummary } from "./summary";

const USAGE = `usage: npm run import -- <file> [options]

  --format comtrade|csv|json   the file's format (default: from the extension and header)
  --source "Publisher, Title"  where the figures come from; created if new (default for Comtrade files:
                               "UN Comtrade, Comtrade database", one source that every download updates; required for native files)
  --mode strict|lenient        strict (default): any bad row and nothing is written;
                               lenient: good rows are written, bad rows go to the rejects file
  --rejects <file>             where rejected rows go: .csv, or JSON Lines otherwise
                               (default in lenient mode: <file name>.rejects.jsonl)
  --dry-run                    validate and count, write nothing
  --actor <name>               recorded in created_by/updated_by (default "importer")
  --json                       print the summary as JSON

DATABASE_URL selects a PostgreSQL server; without it the embedded database in TRADEGRAPH_DATA_DIR (.data) is
used. Formats and error codes: docs/import.md.`;

class UsageError extends Error {}

function options(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      source: { type: "string" },
      mode: { type: "string", default: "strict" },
      rejects: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      actor: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Which file? Give one path." : `One file at a time, got ${positionals.length}.`);
  if (values.format !== undefined && !["comtrade", "csv", "json"].includes(values.format)) throw new UsageError(`--format must be comtrade, csv or json, got "${values.format}".`);
  if (!["strict", "lenient"].includes(values.mode)) throw new UsageError(`--mode must be strict or lenient, got "${values.mode}".`);
  let source;
  try {
    source = values.source === undefined ? undefined : parseSourceArgument(values.source);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    file: positionals[0]!,
    format: values.format as ImportFormat | undefined,
    source,
    mode: values.mode as ImportMode,
    rejects: values.rejects,
    dryRun: values["dry-run"],
    actor: values.actor,
    json: values.json,
  };
}

/** The format as the importer will detect it, or null when it can't tell (the import then reports why). */
function guessFormat(file: string): ImportFormat | null {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    return detectFormat(file, headText(head.subarray(0, readSync(fd, head))));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = options(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }

  const env = readImporterEnv();
  const file = path.resolve(env.cwd, args.file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`Cannot read ${file}: no such file.`);
    return 2;
  }
  const name = path.basename(file);
  const format = args.format ?? guessFormat(file);
  if (!args.source && (format === "csv" || format === "json")) {
    console.error(`${name} is not a UN Comtrade file: say where its figures come from with --source "Publisher, Title".`);
    return 2;
  }
  const rejectsPath = args.rejects ?? (args.mode === "lenient" ? `${name}.rejects.jsonl` : undefined);
  const rejects = rejectsPath ? new RejectsFile(path.resolve(env.cwd, rejectsPath)) : undefined;
  const log = (line: string) => console.error(line);

  const db = await openForImport(env, log);
  const progress = new Progress();
  let summary: ImportSummary;
  try {
    log(`Importing ${file} into ${describeTarget(env)}${args.dryRun ? " (dry run)" : ""}…`);
    summary = await importExportRecords(db, createReadStream(file), {
      fileName: name,
      format: args.format,
      source: args.source,
      mode: args.mode,
      dryRun: args.dryRun,
      actor: args.actor,
      onReject: rejects ? (row) => rejects.write(row) : undefined,
      onProgress: ({ rows, bytes, writing }) =>
        progress.update(writing ? { rows, note: "all read, writing into export_record…" } : { rows, done: bytes, total: size }, writing),
    });
  } finally {
    progress.finish();
    await rejects?.close();
    await db.close();
  }

  if (args.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(formatSummary(summary, name).join("\n"));
  if (rejects && rejects.count > 0) log(`${rejects.count} rejected ${rejects.count === 1 ? "row is" : "rows are"} in ${rejects.file}.`);
  return summary.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
