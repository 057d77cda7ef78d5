#!/usr/bin/env node
/**
 * `npm run bench [-- --quick]`: loads the synthetic dataset into a dedicated database, starts tradegraph,
 * PostGraphile and the raw floor on it, checks that they answer every scenario alike, then loads each in turn
 * with autocannon (rounds interleaved) and reports medians in a markdown table and a JSON file.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BackendCpu } from "./cpu";
import { dropDatabase, pickParams, postgraphileIds, prepareDataset, serverVersion } from "./dataset";
import { runLoad } from "./load";
import { parseOptions, type BenchOptions } from "./options";
import { markdownTable, ratios, summarise, writeResultsSection, type RunRecord, type StatementCounts } from "./report";
import { buildScenarios, type BenchParams, type Scenario, type ScenarioId, type ServerName } from "./scenarios";
import { startServer, stopAll, type RunningServer } from "./servers";
import { firstDifference } from "./stats";

const PACKAGE_DIR = path.resolve(__dirname, "..");
const RESULTS_DIR = path.join(PACKAGE_DIR, "results");
const DOCS_FILE = path.resolve(PACKAGE_DIR, "../../docs/benchmarks.md");

const started = Date.now();
const log = (line: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: PACKAGE_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function machine(postgres: string) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    commit: git(["rev-parse", "--short", "HEAD"]),
    uncommittedChanges: (git(["status", "--porcelain"]) ?? "").split("\n").filter(Boolean).length,
  };
}

interface Mismatch {
  scenario: ScenarioId;
  variant: string;
  server: ServerName;
  problem: string;
}

/** Asks every server every variant, compares the canonical answers with the raw floor's (or the first server's). */
async function checkCorrectness(scenarios: Scenario[], servers: RunningServer[]): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  for (const scenario of scenarios) {
    for (const variant of scenario.variants) {
      const answers = new Map<ServerName, unknown>();
      for (const server of servers) {
        try {
          const { status, body } = await server.measure(variant.request[server.name]);
          if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
          answers.set(server.name, variant.normalise[server.name](body));
        } catch (error) {
          mismatches.push({ scenario: scenario.id, variant: variant.label, server: server.name, problem: (error as Error).message });
        }
      }
      const reference = answers.has("raw") ? "raw" : [...answers.keys()][0];
      if (reference !== undefined && !(scenario.rowsOf(answers.get(reference)) > 0)) {
        mismatches.push({ scenario: scenario.id, variant: variant.label, server: reference, problem: "empty answer, but the parameters were picked from the data" });
      }
      for (const [name, answer] of answers) {
        if (name === reference) continue;
        const problem = firstDifference(answers.get(reference!), answer);
        if (problem) mismatches.push({ scenario: scenario.id, variant: variant.label, server: name, problem: `differs from ${reference}: ${problem}` });
      }
    }
    log(`correctness ${scenario.id}: ${scenario.variants.length} variant(s) compared`);
  }
  return mismatches;
}

/**
 * SQL statements one request of each scenario's first variant runs, per server (warm: measured twice, second
 * kept). tradegraph's come from `counter`, an instance of it with the x-sql-statements header on: the measured
 * one runs as in production, without it.
 */
async function countStatements(scenarios: Scenario[], servers: RunningServer[], counter: RunningServer | undefined): Promise<StatementCounts> {
  const counts: StatementCounts = {};
  for (const scenario of scenarios) {
    counts[scenario.id] = {};
    for (const server of servers) {
      const measured = server.name === "tradegraph" && counter ? counter : server;
      const request = scenario.variants[0]!.request[server.name];
      await measured.measure(request);
      counts[scenario.id]![server.name] = (await measured.measure(request)).statements;
    }
  }
  return counts;
}

async function run(options: BenchOptions, argv: string[]): Promise<void> {
  const servers: RunningServer[] = [];
  let finished = false;
  const cleanup = async () => {
    await stopAll(servers);
    if (!options.keepDatabase) await dropDatabase(options.pgUrl, options.database).catch((error: Error) => log(`could not drop ${options.database}: ${error.message}`));
  };
  const abort = (reason: string, code: number) => {
    if (finished) return;
    finished = true;
    log(reason);
    void cleanup().finally(() => process.exit(code));
  };
  const timer = setTimeout(() => abort(`stopped: the run took longer than --timeout ${options.timeoutSeconds} s`, 2), options.timeoutSeconds * 1000);
  timer.unref();
  process.once("SIGINT", () => abort("interrupted", 130));
  process.once("SIGTERM", () => abort("terminated", 143));

  try {
    log(`${options.quick ? "quick" : "full"} run: ${options.rows} rows, ${options.connections} connections, ` +
      `${options.warmupSeconds} s warm-up + ${options.durationSeconds} s per run, ${options.rounds} round(s)`);
    const dataset = await prepareDataset({ adminUrl: options.pgUrl, database: options.database, rows: options.rows, seed: options.seed, reuse: options.reuseData, log });
    const description = machine(await serverVersion(dataset.url));
    const picked = await pickParams(dataset.url);

    const profileDir = options.profile ? path.join(RESULTS_DIR, "profiles", new Date().toISOString().replace(/[:.]/g, "-")) : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    log(`starting ${options.servers.join(", ")}${options.replicas > 1 ? ` (tradegraph: ${options.replicas} replicas behind the bench's round-robin proxy)` : ""}`);
    const starts = await Promise.allSettled(
      options.servers.map((name) => startServer(name, {
        databaseUrl: dataset.url,
        poolSize: options.poolSize,
        profileDir,
        tradegraphMain: options.tradegraphMain,
        tradegraphEnv: options.tradegraphEnv,
        replicas: options.replicas,
        log,
      })),
    );
    for (const start of starts) if (start.status === "fulfilled") servers.push(start.value);
    const failed = starts.find((start): start is PromiseRejectedResult => start.status === "rejected");
    if (failed) throw failed.reason;
    for (const server of servers) log(`${server.name} ready at ${server.origin} (pid ${server.pid}, RSS ${((server.rss() ?? 0) / 2 ** 20).toFixed(0)} MiB)`);

    const pgServer = servers.find((server) => server.name === "postgraphile");
    const pgIds = pgServer ? await postgraphileIds(pgServer.origin, picked.recordIds) : new Map<number, string>();
    const params: BenchParams = { ...picked, records: picked.recordIds.map((rowId) => ({ rowId, postgraphileId: pgIds.get(rowId) ?? "" })) };
    const scenarios = buildScenarios(params, options.scenarios);

    const mismatches = await checkCorrectness(scenarios, servers);
    if (mismatches.length > 0) {
      for (const m of mismatches.slice(0, 20)) log(`MISMATCH ${m.scenario} [${m.variant}] ${m.server}: ${m.problem}`);
      throw new Error(`${mismatches.length} correctness problem(s): the servers don't answer the same questions alike.`);
    }
    log("correctness: all servers return the same data for every scenario");
    const counter = options.servers.includes("tradegraph")
      ? await startServer("tradegraph", {
          databaseUrl: dataset.url,
          poolSize: options.poolSize,
          tradegraphMain: options.tradegraphMain,
          tradegraphEnv: { ...options.tradegraphEnv, SQL_STATEMENT_HEADER: "true" },
          log,
        })
      : undefined;
    const statements = await countStatements(scenarios, servers, counter).finally(() => counter?.stop());

    const monitor = await BackendCpu.connect(dataset.url);
    const runs: RunRecord[] = [];
    const settings = { connections: options.connections, warmupSeconds: options.warmupSeconds, durationSeconds: options.durationSeconds };
    for (let round = 1; round <= options.rounds; round++) {
      for (const [index, scenario] of scenarios.entries()) {
        // Rotate the server order each round and scenario, so that no server always goes first (or last).
        const shift = (round - 1 + index) % servers.length;
        for (const server of [...servers.slice(shift), ...servers.slice(0, shift)]) {
          const result = await runLoad(
            {
              origin: server.origin,
              requests: scenario.variants.map((variant) => variant.request[server.name]),
              rss: server.rss,
              cpuSeconds: server.cpuSeconds,
              backends: () => monitor.backends(server.applicationName),
            },
            settings,
          );
          runs.push({ round, scenario: scenario.id, server: server.name, ...result });
          if (result.errorSample) log(`${server.name} ${scenario.id}: first error: ${result.errorSample}`);
          log(
            `round ${round} ${scenario.id} ${server.name.padEnd(12)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
              `p50 ${result.latencyP50Ms} ms  p99 ${result.latencyP99Ms} ms  errors ${result.errors}  ` +
              `CPU/request ${result.serverCpuMsPerRequest?.toFixed(2) ?? "?"} ms server, ${result.dbCpuMsPerRequest?.toFixed(2) ?? "?"} ms PostgreSQL`,
          );
        }
      }
    }
    await monitor.close();
    // The smoke test's loads are small enough that any failed request is a fault, not load.
    const failedRuns = runs.filter((r) => r.errors > 0);
    if (options.quick && failedRuns.length > 0) {
      throw new Error(`${failedRuns.length} load run(s) had failed requests: ${failedRuns.map((r) => `${r.server} ${r.scenario} ${r.errors}`).join(", ")}`);
    }

    const summaries = summarise(runs, statements, options.scenarios);
    const titles = Object.fromEntries(scenarios.map((s) => [s.id, s.title])) as Partial<Record<ScenarioId, string>>;
    const table = markdownTable(summaries, titles);
    const command = `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
    const finishedAt = new Date();
    const loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
    // The run reported in docs/benchmarks.md keeps its results under a dated name; other runs overwrite latest.json.
    const file = !options.writeDocs ? "latest.json" : `${options.quick ? "quick" : "full"}-${finishedAt.toISOString().slice(0, 19).replace(/:/g, "-")}.json`;
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      path.join(RESULTS_DIR, file),
      JSON.stringify(
        {
          command,
          startedAt: new Date(started).toISOString(),
          finishedAt: finishedAt.toISOString(),
          machine: { ...description, loadAverageAtEnd },
          options,
          dataset: { database: options.database, rows: options.rows, seed: options.seed, reused: dataset.reused, loadSeconds: dataset.loadSeconds },
          params,
          statements,
          summary: summaries,
          ratios: ratios(summaries),
          runs,
        },
        null,
        2,
      ) + "\n",
    );
    console.log(`\n${table}\n`);
    log(`raw results in apps/bench/results/${file}`);

    if (options.writeDocs) {
      writeResultsSection(DOCS_FILE, resultsSection({ options, command, description, loadAverageAtEnd, dataset, table, file, finishedAt }));
      log(`results section of docs/benchmarks.md rewritten`);
    }
    if (profileDir) log(`CPU profiles will be in ${path.relative(process.cwd(), profileDir)} once the servers have stopped`);
  } finally {
    clearTimeout(timer);
    if (!finished) {
      finished = true;
      await cleanup();
    }
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function resultsSection(r: {
  options: BenchOptions;
  command: string;
  description: ReturnType<typeof machine>;
  loadAverageAtEnd: number[];
  dataset: { reused: boolean; loadSeconds: number | null };
  table: string;
  file: string;
  finishedAt: Date;
}): string {
  const { options: o, description: m } = r;
  return [
    `Run ${r.finishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC with \`${r.command}\`` +
      ` at commit ${m.commit ?? "?"}${m.uncommittedChanges ? ` plus ${m.uncommittedChanges} uncommitted change(s) in the work tree` : ""}.`,
    "",
    `- Machine: ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.postgres.split(" on ")[0]} on the same machine.` +
      ` Load average (1/5/15 min) ${m.loadAverageAtStart.join(" / ")} at the start, ${r.loadAverageAtEnd.join(" / ")} at the end` +
      ` — above ~${os.cpus().length} the machine was busy with other work and the numbers are noisy.`,
    `- Dataset: ${o.rows.toLocaleString("en")} synthetic export records (seed ${o.seed}) in \`${o.database}\`` +
      `${r.dataset.reused ? " (reused)" : r.dataset.loadSeconds != null ? `, loaded in ${r.dataset.loadSeconds.toFixed(0)} s` : ""}.`,
    `- Load: autocannon, ${o.connections} connections, ${o.warmupSeconds} s warm-up then ${o.durationSeconds} s per run,` +
      ` ${o.rounds} round(s) with the server order rotated; each figure is the median over rounds (errors are summed).` +
      ` Every server has a pool of ${o.poolSize} database connections.`,
    `- Raw results: [apps/bench/results/${r.file}](../apps/bench/results/${r.file}).`,
    "",
    r.table,
  ].join("\n");
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  run(options, argv).catch((error: unknown) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
