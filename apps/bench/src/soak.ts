/**
 * Soak test: the built API (apps/api's dist/bin/main.js) in its own process, started by the bench's server launcher, on a fresh seeded database, under a loopback load
 * of reads and writes (autocannon) for a few minutes. Prints, per minute and in total, requests, latency
 * percentiles, errors by kind and the server's resident memory. Bounded: at most 60 minutes and 32 connections,
 * loopback only; stops by itself. Exit code 1 when any error was not one the mix provokes on purpose.
 *
 *   npm run soak -- --minutes 3 [--connections 8]
 *
 * With DATABASE_URL set, the database is a new one on that server, dropped afterwards; without it, an embedded
 * PostgreSQL in this process (which then shares the machine's cores with the load generator).
 */
import autocannon from "autocannon";
import { generateApiKey, toGlobalId } from "@tradegraph/api";
import { createTestDatabase } from "@tradegraph/db/testing";
import { startServer } from "./servers";

interface Options {
  minutes: number;
  connections: number;
  warmupSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number, max: number) => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number from 1 to ${max}, got ${argv[at + 1]}.`);
    return n;
  };
  return { minutes: value("minutes", 3, 60), connections: Math.round(value("connections", 8, 32)), warmupSeconds: value("warmup", 10, 120) };
}

/** Bytes as MiB, null stays null. */
const mib = (bytes: number | null) => (bytes === null ? null : bytes / 1024 / 1024);

interface Spec {
  kind: "read" | "write" | "bad";
  body: () => string;
  headers?: Record<string, string>;
}

/** The mix: 70 % reads of every kind, 20 % upserts over a bounded set of natural keys, 10 % bad input. */
function mix(sourceId: string, editorKey: string): Spec[] {
  const q = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
  const period = () => `${1900 + Math.floor(Math.random() * 40)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
  const read = (query: string, variables?: () => Record<string, unknown>): Spec => ({ kind: "read", body: () => q(query, variables?.()) });
  const write: Spec = {
    kind: "write",
    headers: { authorization: `Bearer ${editorKey}` },
    body: () =>
      q(`mutation W($input: ExportRecordInput!) { upsertExportRecord(input: $input) { exportRecord { id } userErrors { code } } }`, {
        input: { exporter: "AZ", importer: "IT", commodity: "2709", period: period(), source: sourceId, valueUsd: Math.round(Math.random() * 1e6) },
      }),
  };
  return [
    read(`{ countries(first: 20) { totalCount nodes { code name } } }`),
    read(`{ country(code: "AZ") { name exports(first: 10, orderBy: { field: VALUE, direction: DESC }) { totalCount nodes { period valueUsd importer { name } } } } }`),
    read(`{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", by: VALUE, limit: 10) { totalValueUsd partners { rank partner { name } share } } }`),
    read(`{ tradeSeries(exporter: "AZ", importer: "IL", commodity: "2709", from: "2023-01", to: "2024-12", granularity: QUARTER) { points { bucket valueUsd records } } }`),
    read(`query E($after: String) { exportRecords(first: 20, after: $after, filter: { exporter: "AZ" }) { totalCount pageInfo { endCursor } nodes { id period } } }`),
    read(`query N($id: ID!) { node(id: $id) { id ... on Country { name } } }`, () => ({ id: toGlobalId("Country", "AZ") })),
    read(`{ commodities { hsCode description } }`),
    write,
    write,
    { kind: "bad", body: () => q(`{ country(code: "XX") { name } }`) },
  ];
}

/** Codes the mix provokes on purpose. */
const EXPECTED_CODES = new Set(["UNKNOWN_COUNTRY"]);

interface Tally {
  requests: number;
  byKind: Record<Spec["kind"], number>;
  codes: Record<string, number>;
  unexpected: number;
  sample: string | null;
}

async function load(origin: string, specs: Spec[], connections: number, seconds: number, tally: Tally) {
  let next = 0;
  return autocannon({
    url: `${origin}/graphql`,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const spec = specs[next++ % specs.length]!;
          (context as { kind?: Spec["kind"] }).kind = spec.kind;
          return { ...request, headers: { "content-type": "application/json", ...spec.headers }, body: spec.body() };
        },
        onResponse: (status, body, context) => {
          const kind = (context as { kind?: Spec["kind"] }).kind ?? "read";
          tally.requests += 1;
          tally.byKind[kind] += 1;
          let codes: string[] = [];
          try {
            const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }>; data?: Record<string, { userErrors?: Array<{ code: string }> }> };
            codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? "NO_CODE");
            for (const payload of Object.values(parsed.data ?? {})) for (const e of payload?.userErrors ?? []) codes.push(`userError:${e.code}`);
          } catch {
            codes = ["NOT_JSON"];
          }
          for (const code of codes) tally.codes[code] = (tally.codes[code] ?? 0) + 1;
          const expected = kind === "bad" ? codes.length > 0 && codes.every((c) => EXPECTED_CODES.has(c)) : status === 200 && codes.length === 0;
          if (!expected) {
            tally.unexpected += 1;
            tally.sample ??= `HTTP ${status} (${kind}): ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  console.log(`soak: ${options.minutes} min, ${options.connections} connections, ${options.warmupSeconds} s warm-up; database: ${process.env.DATABASE_URL ? "new database on DATABASE_URL" : "embedded (in this process)"}`);

  const db = await createTestDatabase({ seed: true });
  const key = generateApiKey();
  await db.prisma.apiKey.create({ data: { name: "soak", prefix: key.prefix, secretHash: key.secretHash, role: "EDITOR" } });
  const source = await db.prisma.source.findFirstOrThrow();
  const server = await startServer("tradegraph", {
    databaseUrl: db.url,
    poolSize: db.embedded ? 1 : 10,
    tradegraphEnv: {
      SQL_STATEMENT_HEADER: "false",
      // On, but far above this load: the limiter's bookkeeping is part of what is soaked.
      RATE_LIMIT_PER_MINUTE: "100000000",
      RATE_LIMIT_PER_MINUTE_WITH_KEY: "100000000",
    },
    log: (line) => console.error(`soak: ${line}`),
  }).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const origin = server.origin;
  const stop = async () => {
    await server.stop();
    await db.destroy();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    const specs = mix(toGlobalId("Source", source.id), key.key);
    const warm: Tally = { requests: 0, byKind: { read: 0, write: 0, bad: 0 }, codes: {}, unexpected: 0, sample: null };
    await load(origin, specs, options.connections, options.warmupSeconds, warm);

    const rssStart = mib(server.rss());
    const total: Tally = { requests: 0, byKind: { read: 0, write: 0, bad: 0 }, codes: {}, unexpected: 0, sample: null };
    const rows: string[] = [];
    const p99s: number[] = [];
    let rssMax = rssStart ?? 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, mib(server.rss()) ?? 0)), 1000);
    let latencyP99All = 0;
    let latencyMax = 0;
    let latencySum = 0;
    try {
      for (let minute = 1; minute <= options.minutes; minute++) {
        const tally: Tally = { requests: 0, byKind: { read: 0, write: 0, bad: 0 }, codes: {}, unexpected: 0, sample: null };
        const result = await load(origin, specs, options.connections, 60, tally);
        const rss = mib(server.rss());
        if (rss === null) throw new Error("The server exited during the soak.");
        p99s.push(result.latency.p99);
        latencyP99All = Math.max(latencyP99All, result.latency.p99);
        latencyMax = Math.max(latencyMax, result.latency.max);
        latencySum += result.latency.average * result.requests.total;
        total.requests += tally.requests;
        for (const kind of ["read", "write", "bad"] as const) total.byKind[kind] += tally.byKind[kind];
        for (const [code, n] of Object.entries(tally.codes)) total.codes[code] = (total.codes[code] ?? 0) + n;
        total.unexpected += tally.unexpected + result.errors + result.timeouts;
        total.sample ??= tally.sample;
        rows.push(
          `| ${minute} | ${result.requests.total} | ${Math.round(result.requests.total / result.duration)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${tally.unexpected + result.errors + result.timeouts} | ${rss?.toFixed(0) ?? "?"} |`,
        );
        console.log(rows.at(-1));
      }
    } finally {
      clearInterval(sampler);
    }
    const rssEnd = mib(server.rss());
    console.log("\n| minute | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | unexpected errors | server RSS MiB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n" + rows.join("\n"));
    const summary = {
      minutes: options.minutes,
      connections: options.connections,
      requests: total.requests,
      reads: total.byKind.read,
      writes: total.byKind.write,
      badOnPurpose: total.byKind.bad,
      errorCodes: total.codes,
      unexpectedErrors: total.unexpected,
      firstUnexpected: total.sample,
      latencyMeanMs: Number((latencySum / Math.max(1, total.requests)).toFixed(2)),
      latencyP99MsPerMinute: p99s,
      latencyP99MsWorstMinute: latencyP99All,
      latencyMaxMs: latencyMax,
      rssStartMiB: rssStart && Number(rssStart.toFixed(1)),
      rssEndMiB: rssEnd && Number(rssEnd.toFixed(1)),
      rssMaxMiB: Number(rssMax.toFixed(1)),
    };
    console.log(`\nsoak summary ${JSON.stringify(summary)}`);
    process.exitCode = total.unexpected === 0 ? 0 : 1;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error("soak failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
