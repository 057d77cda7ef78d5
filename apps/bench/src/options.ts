/** Command-line options of `npm run bench`, with the quick (CI smoke) and full defaults. */
import { parseArgs } from "node:util";
import { SCENARIO_IDS, SERVERS, type ScenarioId, type ServerName } from "./scenarios";

export interface BenchOptions {
  quick: boolean;
  rows: number;
  seed: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  poolSize: number;
  scenarios: ScenarioId[];
  servers: ServerName[];
  /** Connection string of the PostgreSQL server's maintenance database; the bench creates its own database there. */
  pgUrl: string;
  database: string;
  /** Keep an existing database that already holds the same dataset instead of reloading it. */
  reuseData: boolean;
  /** Leave the database in place at the end (default: kept after a full run, dropped after a quick one). */
  keepDatabase: boolean;
  /** Write CPU profiles of the servers (node --cpu-prof) into results/profiles/. */
  profile: boolean;
  /** Rewrite the results section of docs/benchmarks.md (default: full runs only). */
  writeDocs: boolean;
  /** The whole run is stopped (and cleaned up) after this many seconds. */
  timeoutSeconds: number;
  /** Another build of the API to run as "tradegraph" (its dist/bin/main.js), e.g. to measure a change. */
  tradegraphMain: string | null;
  /** Extra environment for the tradegraph process, e.g. {SQL_STATEMENT_HEADER: "false"}. */
  tradegraphEnv: Record<string, string>;
  /** tradegraph API processes behind the bench's round-robin proxy (1: one process, no proxy). */
  replicas: number;
}

export const USAGE = `usage: npm run bench -- [options]
  --quick               small dataset, short runs, one round (the CI smoke test; under 2 minutes)
  --rows N              synthetic export records to load (full 1000000, quick 20000); also --records N
  --seed N              synthetic dataset seed (42)
  --connections N       concurrent connections per run (10)
  --warmup S            warm-up seconds before each timed run (full 3, quick 1)
  --duration S          seconds per timed run (full 10, quick 2)
  --rounds N            rounds; each round runs every scenario on every server, order rotated (full 3, quick 1)
  --pool-size N         database connections per server (10)
  --scenarios S1,S3     only these scenarios (default all: S1..S5)
  --servers a,b         only these servers: tradegraph, postgraphile, raw (default all)
  --pg-url URL          PostgreSQL maintenance database (postgresql://postgres@127.0.0.1:5432/postgres)
  --database NAME       benchmark database, dropped and recreated (tradegraph_bench, quick: tradegraph_bench_quick)
  --reuse-data          keep the database when it already holds the same dataset
  --keep-database       don't drop the database at the end (default after full runs)
  --drop-database       drop it at the end (default after quick runs)
  --profile             write V8 CPU profiles of the servers to apps/bench/results/profiles/
  --docs / --no-docs    rewrite the results section of docs/benchmarks.md (default: full runs only)
  --timeout S           stop everything after S seconds (full 3600, quick 300)
  --tradegraph-main F   run this build of the API (a dist/bin/main.js) instead of apps/api's, e.g. to measure a change
  --tradegraph-env K=V  extra environment for the API process (repeatable), e.g. SQL_STATEMENT_HEADER=false
  --replicas N          run tradegraph as N processes behind the bench's round-robin TCP proxy (1)`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} takes a whole number, got "${value}".\n${USAGE}`);
  return number;
}

function listOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  if (value === undefined) return [...allowed];
  const items = value.split(",").map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length || items.length === 0) throw new Error(`--${name}: unknown ${unknown.join(", ") || "(empty)"}; choose from ${allowed.join(", ")}.`);
  return allowed.filter((item) => items.includes(item));
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      rows: { type: "string" },
      records: { type: "string" },
      seed: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      duration: { type: "string" },
      rounds: { type: "string" },
      "pool-size": { type: "string" },
      scenarios: { type: "string" },
      servers: { type: "string" },
      "pg-url": { type: "string" },
      database: { type: "string" },
      "reuse-data": { type: "boolean", default: false },
      "keep-database": { type: "boolean", default: false },
      "drop-database": { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      docs: { type: "boolean", default: false },
      "no-docs": { type: "boolean", default: false },
      timeout: { type: "string" },
      "tradegraph-main": { type: "string" },
      "tradegraph-env": { type: "string", multiple: true },
      replicas: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  if (values.rows !== undefined && values.records !== undefined) throw new Error(`--records is another name for --rows: give one.\n${USAGE}`);
  const quick = values.quick ?? false;
  const options: BenchOptions = {
    quick,
    rows: positiveInt(values.records !== undefined ? "records" : "rows", values.records ?? values.rows, quick ? 20_000 : 1_000_000),
    seed: positiveInt("seed", values.seed, 42),
    connections: positiveInt("connections", values.connections, 10),
    warmupSeconds: positiveInt("warmup", values.warmup, quick ? 1 : 3),
    durationSeconds: positiveInt("duration", values.duration, quick ? 2 : 10),
    rounds: positiveInt("rounds", values.rounds, quick ? 1 : 3),
    poolSize: positiveInt("pool-size", values["pool-size"], 10),
    scenarios: listOf("scenarios", values.scenarios, SCENARIO_IDS),
    servers: listOf("servers", values.servers, SERVERS),
    pgUrl: values["pg-url"] ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    database: values.database ?? (quick ? "tradegraph_bench_quick" : "tradegraph_bench"),
    reuseData: values["reuse-data"] ?? false,
    keepDatabase: values["drop-database"] ? false : (values["keep-database"] ?? false) || !quick,
    profile: values.profile ?? false,
    // A --replicas run is a comparison, recorded by hand: it does not rewrite the results section.
    writeDocs: values["no-docs"] || positiveInt("replicas", values.replicas, 1) > 1 ? false : (values.docs ?? false) || !quick,
    timeoutSeconds: positiveInt("timeout", values.timeout, quick ? 300 : 3600),
    tradegraphMain: values["tradegraph-main"] ?? null,
    replicas: positiveInt("replicas", values.replicas, 1),
    tradegraphEnv: Object.fromEntries(
      (values["tradegraph-env"] ?? []).map((pair) => {
        const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(pair);
        if (!match) throw new Error(`--tradegraph-env takes KEY=VALUE, got "${pair}".`);
        return [match[1]!, match[2]!];
      }),
    ),
  };
  for (const [name, value] of [["rows", options.rows], ["connections", options.connections], ["duration", options.durationSeconds], ["rounds", options.rounds], ["pool-size", options.poolSize], ["replicas", options.replicas]] as const) {
    if (value < 1) throw new Error(`--${name} must be at least 1.`);
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error(`--database: "${options.database}" is not a plain lower-case identifier.`);
  return options;
}
