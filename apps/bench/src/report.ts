/** Summaries (medians over rounds), the markdown table with ratios, and the results section of docs/benchmarks.md. */
import { readFileSync, writeFileSync } from "node:fs";
import type { LoadResult } from "./load";
import { SERVERS, type ScenarioId, type ServerName } from "./scenarios";
import { median, ratio } from "./stats";

export interface RunRecord extends LoadResult {
  round: number;
  scenario: ScenarioId;
  server: ServerName;
}

export interface Summary {
  scenario: ScenarioId;
  server: ServerName;
  rounds: number;
  requestsPerSecond: number | null;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  /** Summed over all rounds. */
  errors: number;
  /** Median over rounds of the largest RSS seen during each run, MiB. */
  rssMiB: number | null;
  /** Medians over rounds of CPU milliseconds per request: the server process, its PostgreSQL backends. */
  serverCpuMs: number | null;
  dbCpuMs: number | null;
  /** SQL statements per request, from the correctness pass (first variant). */
  statements: number | null;
}

export type StatementCounts = Partial<Record<ScenarioId, Partial<Record<ServerName, number | null>>>>;

/** One summary per scenario and server, in scenario order then server order. */
export function summarise(runs: RunRecord[], statements: StatementCounts, scenarios: readonly ScenarioId[]): Summary[] {
  return scenarios.flatMap((scenario) =>
    SERVERS.flatMap((server) => {
      const mine = runs.filter((run) => run.scenario === scenario && run.server === server);
      if (mine.length === 0) return [];
      const rss = median(mine.map((run) => run.rssMaxBytes));
      return [
        {
          scenario,
          server,
          rounds: mine.length,
          requestsPerSecond: median(mine.map((run) => run.requestsPerSecond)),
          latencyP50Ms: median(mine.map((run) => run.latencyP50Ms)),
          latencyP99Ms: median(mine.map((run) => run.latencyP99Ms)),
          errors: mine.reduce((sum, run) => sum + run.errors, 0),
          rssMiB: rss == null ? null : rss / 2 ** 20,
          serverCpuMs: median(mine.map((run) => run.serverCpuMsPerRequest)),
          dbCpuMs: median(mine.map((run) => run.dbCpuMsPerRequest)),
          statements: statements[scenario]?.[server] ?? null,
        },
      ];
    }),
  );
}

/** tradegraph's throughput divided by each peer's, per scenario. */
export function ratios(summaries: Summary[]): Array<{ scenario: ScenarioId; vsPostgraphile: number | null; vsRaw: number | null }> {
  const scenarios = [...new Set(summaries.map((s) => s.scenario))];
  const rps = (scenario: ScenarioId, server: ServerName) => summaries.find((s) => s.scenario === scenario && s.server === server)?.requestsPerSecond;
  return scenarios.map((scenario) => ({
    scenario,
    vsPostgraphile: ratio(rps(scenario, "tradegraph"), rps(scenario, "postgraphile")),
    vsRaw: ratio(rps(scenario, "tradegraph"), rps(scenario, "raw")),
  }));
}

const fixed = (value: number | null, digits: number) => (value == null ? "–" : value.toFixed(digits));
const SERVER_LABEL: Record<ServerName, string> = { tradegraph: "tradegraph", postgraphile: "PostGraphile 5", raw: "raw node:http + pg" };

/** The results table: one row per scenario and server, tradegraph's rows carry the throughput ratios. */
export function markdownTable(summaries: Summary[], titles: Partial<Record<ScenarioId, string>>): string {
  const byScenario = new Map(ratios(summaries).map((r) => [r.scenario, r]));
  const lines = [
    "| scenario | server | req/s | p50 ms | p99 ms | errors | server RSS MiB | SQL statements / request | server CPU ms / request | PostgreSQL CPU ms / request | tradegraph ÷ PostGraphile (req/s) | tradegraph ÷ raw (req/s) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of summaries) {
    const r = s.server === "tradegraph" ? byScenario.get(s.scenario) : undefined;
    const title = titles[s.scenario] ? `${s.scenario} ${titles[s.scenario]}` : s.scenario;
    lines.push(
      `| ${s.server === "tradegraph" ? title : ""} | ${SERVER_LABEL[s.server]} | ${fixed(s.requestsPerSecond, 0)} | ${fixed(s.latencyP50Ms, 1)} | ` +
        `${fixed(s.latencyP99Ms, 1)} | ${s.errors} | ${fixed(s.rssMiB, 0)} | ${s.statements ?? "–"} | ` +
        `${fixed(s.serverCpuMs, 2)} | ${fixed(s.dbCpuMs, 2)} | ` +
        `${r ? fixed(r.vsPostgraphile, 2) : ""} | ${r ? fixed(r.vsRaw, 2) : ""} |`,
    );
  }
  return lines.join("\n");
}

export const RESULTS_START = "<!-- bench:results:start -->";
export const RESULTS_END = "<!-- bench:results:end -->";

/** Replaces the text between the results markers of a document (appends the section when there are none). */
export function replaceResults(document: string, section: string): string {
  const block = `${RESULTS_START}\n${section.trim()}\n${RESULTS_END}`;
  const start = document.indexOf(RESULTS_START);
  const end = document.indexOf(RESULTS_END);
  if (start === -1 || end === -1 || end < start) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(end + RESULTS_END.length);
}

export function writeResultsSection(docPath: string, section: string): void {
  let document = "";
  try {
    document = readFileSync(docPath, "utf8");
  } catch {
    document = "# Benchmarks\n";
  }
  writeFileSync(docPath, replaceResults(document, section));
}
