/** Load runs with autocannon, in the bench's own process: fixed connections, a warm-up, then a timed run. */
import autocannon from "autocannon";
import { BackendCpu } from "./cpu";
import type { HttpRequest } from "./scenarios";

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadTarget {
  origin: string;
  /** The scenario's requests for this server; the connections take them in turn. */
  requests: HttpRequest[];
  /** Resident memory of the server process in bytes, sampled during the run. */
  rss: () => number | null;
  /** CPU seconds the server process has used so far. */
  cpuSeconds: () => number | null;
  /** Process ids of the PostgreSQL backends serving the server's pool. */
  backends: () => Promise<number[]>;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Connection errors, timeouts, non-2xx responses and 200 responses that carry GraphQL errors. */
  errors: number;
  errorDetail: { connection: number; timeouts: number; non2xx: number; graphql: number };
  /** The first failed response seen (status and the start of its body), to tell what the errors were. */
  errorSample: string | null;
  /** Largest resident set size of the server seen during the timed run, in bytes. */
  rssMaxBytes: number | null;
  /** CPU milliseconds per request: the server process, and the PostgreSQL backends of its pool. */
  serverCpuMsPerRequest: number | null;
  dbCpuMsPerRequest: number | null;
  durationSeconds: number;
}

/** One autocannon run against a server, rotating through the requests; GraphQL error bodies count as errors. */
async function fire(target: LoadTarget, connections: number, seconds: number) {
  let next = 0;
  let graphqlErrors = 0;
  let errorSample: string | null = null;
  const result = await autocannon({
    url: target.origin,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const { path, body } = target.requests[next++ % target.requests.length]!;
          return { ...request, path, body };
        },
        onResponse: (status, body) => {
          const failed = status !== 200 || body.includes('"errors":');
          if (status === 200 && failed) graphqlErrors += 1;
          if (failed && errorSample === null) errorSample = `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return { result, graphqlErrors, errorSample };
}

/** Warms the server up (results discarded), then measures for the configured duration. */
export async function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmupSeconds > 0) await fire(target, settings.connections, settings.warmupSeconds);
  let rssMax: number | null = null;
  const sample = () => {
    const rss = target.rss();
    if (rss != null) rssMax = Math.max(rssMax ?? 0, rss);
  };
  const pids = await target.backends();
  const dbBefore = BackendCpu.snapshot(pids);
  const cpuBefore = target.cpuSeconds();
  const sampler = setInterval(sample, 200);
  try {
    const { result, graphqlErrors, errorSample } = await fire(target, settings.connections, settings.durationSeconds);
    const cpuAfter = target.cpuSeconds();
    const dbSpent = BackendCpu.spent(dbBefore, BackendCpu.snapshot(pids));
    sample();
    const connection = result.errors - result.timeouts;
    const perRequest = (seconds: number | null) => (seconds == null || result.requests.total === 0 ? null : (seconds * 1000) / result.requests.total);
    return {
      requestsPerSecond: result.requests.total / result.duration,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.non2xx + graphqlErrors,
      errorDetail: { connection, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
      errorSample,
      rssMaxBytes: rssMax,
      serverCpuMsPerRequest: perRequest(cpuBefore == null || cpuAfter == null ? null : cpuAfter - cpuBefore),
      dbCpuMsPerRequest: perRequest(dbSpent),
      durationSeconds: result.duration,
    };
  } finally {
    clearInterval(sampler);
  }
}
