import { parseOptions } from "../options";
import { markdownTable, ratios, replaceResults, RESULTS_END, RESULTS_START, summarise, type RunRecord } from "../report";
import type { ScenarioId, ServerName } from "../scenarios";

function run(scenario: ScenarioId, server: ServerName, round: number, requestsPerSecond: number, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    scenario,
    server,
    round,
    requestsPerSecond,
    latencyP50Ms: 1000 / requestsPerSecond,
    latencyP99Ms: 3000 / requestsPerSecond,
    requests: requestsPerSecond * 10,
    errors: 0,
    errorDetail: { connection: 0, timeouts: 0, non2xx: 0, graphql: 0 },
    errorSample: null,
    rssMaxBytes: 100 * 2 ** 20,
    serverCpuMsPerRequest: 2,
    dbCpuMsPerRequest: 1,
    durationSeconds: 10,
    ...extra,
  };
}

const runs = [
  run("S1", "tradegraph", 1, 100),
  run("S1", "tradegraph", 2, 300, { errors: 2, rssMaxBytes: 120 * 2 ** 20 }),
  run("S1", "tradegraph", 3, 200),
  run("S1", "postgraphile", 1, 250),
  run("S1", "postgraphile", 2, 150),
  run("S1", "postgraphile", 3, 160),
  run("S1", "raw", 1, 1000),
];

describe("summarise", () => {
  const summaries = summarise(runs, { S1: { tradegraph: 4, postgraphile: 1, raw: 2 } }, ["S1", "S2"]);

  it("takes medians over rounds, sums errors and keeps scenario then server order", () => {
    expect(summaries.map((s) => s.server)).toEqual(["tradegraph", "postgraphile", "raw"]);
    const tg = summaries[0]!;
    expect(tg).toMatchObject({ scenario: "S1", rounds: 3, requestsPerSecond: 200, latencyP50Ms: 5, errors: 2, rssMiB: 100, statements: 4, serverCpuMs: 2 });
    expect(summaries[1]!.requestsPerSecond).toBe(160);
  });

  it("divides tradegraph's throughput by each peer's", () => {
    expect(ratios(summaries)).toEqual([{ scenario: "S1", vsPostgraphile: 200 / 160, vsRaw: 0.2 }]);
  });

  it("renders one row per server with the ratios on tradegraph's row", () => {
    const table = markdownTable(summaries, { S1: "country with its exports" }).split("\n");
    expect(table).toHaveLength(5);
    expect(table[0]).toMatch(/^\| scenario \| server \| req\/s \| p50 ms \| p99 ms \| errors \| server RSS MiB \| SQL statements/);
    expect(table[2]).toBe("| S1 country with its exports | tradegraph | 200 | 5.0 | 15.0 | 2 | 100 | 4 | 2.00 | 1.00 | 1.25 | 0.20 |");
    expect(table[3]).toBe("|  | PostGraphile 5 | 160 | 6.3 | 18.8 | 0 | 100 | 1 | 2.00 | 1.00 |  |  |");
  });
});

describe("replaceResults", () => {
  it("replaces the text between the markers and keeps the rest of the document", () => {
    const doc = `# Benchmarks\n\nintro\n\n${RESULTS_START}\nold table\n${RESULTS_END}\n\n## Next optimisations\n`;
    expect(replaceResults(doc, "new table")).toBe(`# Benchmarks\n\nintro\n\n${RESULTS_START}\nnew table\n${RESULTS_END}\n\n## Next optimisations\n`);
  });

  it("appends the section when the document has no markers", () => {
    expect(replaceResults("# Benchmarks\n", "t")).toBe(`# Benchmarks\n\n${RESULTS_START}\nt\n${RESULTS_END}\n`);
  });
});

describe("parseOptions", () => {
  it("has full and quick defaults", () => {
    expect(parseOptions([])).toMatchObject({ quick: false, rows: 1_000_000, durationSeconds: 10, warmupSeconds: 3, rounds: 3, connections: 10, database: "tradegraph_bench", keepDatabase: true, writeDocs: true });
    expect(parseOptions(["--quick"])).toMatchObject({ quick: true, rows: 20_000, durationSeconds: 2, rounds: 1, database: "tradegraph_bench_quick", keepDatabase: false, writeDocs: false });
    expect(parseOptions([]).replicas).toBe(1);
    // A replicas run is a comparison: it never rewrites the results section.
    expect(parseOptions(["--replicas", "2"])).toMatchObject({ replicas: 2, writeDocs: false });
    expect(() => parseOptions(["--replicas", "0"])).toThrow(/--replicas must be at least 1/);
  });

  it("reads lists, flags and extra API environment, and refuses what it doesn't know", () => {
    const options = parseOptions(["--scenarios", "S3,S1", "--servers", "raw,tradegraph", "--rows", "5000", "--tradegraph-env", "SQL_STATEMENT_HEADER=false", "--no-docs"]);
    expect(options).toMatchObject({ scenarios: ["S1", "S3"], servers: ["tradegraph", "raw"], rows: 5000, writeDocs: false, tradegraphEnv: { SQL_STATEMENT_HEADER: "false" } });
    expect(() => parseOptions(["--scenarios", "S9"])).toThrow(/unknown S9/);
    expect(() => parseOptions(["--rows", "many"])).toThrow(/whole number/);
    expect(() => parseOptions(["--database", "Robert'); DROP"])).toThrow(/identifier/);
    expect(() => parseOptions(["--frobnicate"])).toThrow();
  });
});
