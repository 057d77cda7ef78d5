#!/usr/bin/env node
import { createWriteStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { syntheticSource } from "../synthetic/generate";
import { loadSynthetic, removeSyntheticData, writeSyntheticCsv } from "../synthetic/load";
import { describeTarget, openForImport } from "./database";
import { readImporterEnv } from "./env";
import { Progress } from "./progress";
import { formatSummary } from "./summary";

const USAGE = `usage: npm run data:synthetic -- --rows <n> --seed <n> (--out <file.csv> | --load)
       npm run data:synthetic:remove

  --rows <n>     how many rows (default 100000)
  --seed <n>     the same seed gives the same rows (default 42)
  --out <file>   write them as a native CSV file (import it with
                 npm run import -- <file> --source "tradegraph synthetic data, seed <seed>, <rows> rows")
  --load         write them straight into the database
  --remove       delete every synthetic source and its rows

Synthetic rows belong to a source marked synthetic (publisher "tradegraph synthetic data"), so they can
never be mistaken for real statistics. DATABASE_URL as for npm run import.`;

const number = new Intl.NumberFormat("en-US");

function whole(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || !Number.isSafeInteger(n)) throw new Error(`--${name} must be a whole number from ${min}, got "${value}".`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string", default: "100000" },
      seed: { type: "string", default: "42" },
      out: { type: "string" },
      load: { type: "boolean", default: false },
      remove: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = readImporterEnv();
  const log = (line: string) => console.error(line);

  if (values.remove) {
    const db = await openForImport(env, log);
    try {
      const removed = await removeSyntheticData(db);
      console.log(`Removed ${number.format(removed.rows)} synthetic rows and ${removed.sources} synthetic sources from ${describeTarget(env)}.`);
    } finally {
      await db.close();
    }
    return 0;
  }

  const options = { rows: whole(values.rows, "rows", 1), seed: whole(values.seed, "seed", 0) };
  if (Boolean(values.out) === values.load) {
    console.error(`Say where the rows go: --out <file.csv> or --load (one of them).\n\n${USAGE}`);
    return 2;
  }
  const progress = new Progress();
  const source = syntheticSource(options);

  if (values.out) {
    const file = path.resolve(env.cwd, values.out);
    const started = Date.now();
    const rows = await writeSyntheticCsv(options, createWriteStream(file), (done) => progress.update({ rows: done, done, total: options.rows }));
    progress.finish();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Wrote ${number.format(rows)} synthetic rows to ${file} in ${seconds.toFixed(1)} s.`);
    console.log(`Import them with: npm run import -- ${values.out} --source "${source.publisher}, ${source.title}"`);
    return 0;
  }

  const db = await openForImport(env, log);
  try {
    log(`Loading ${number.format(options.rows)} synthetic rows (seed ${options.seed}) into ${describeTarget(env)}…`);
    const summary = await loadSynthetic(db, options, {
      onProgress: ({ rows, writing }) =>
        progress.update(writing ? { rows, note: "all generated, writing into export_record…" } : { rows, done: rows, total: options.rows }, writing),
    });
    progress.finish();
    console.log(formatSummary(summary, `${number.format(options.rows)} synthetic rows`).join("\n"));
    return summary.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
