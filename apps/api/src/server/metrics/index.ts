import { timingSafeEqual } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { GraphQLError } from "graphql";
import type pg from "pg";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** A database pool to report, by name (`primary`, later read replicas). */
export interface NamedPool {
  name: string;
  pool: Pick<pg.Pool, "totalCount" | "idleCount" | "waitingCount">;
}

export type CacheName = "apq" | "response";
export type CacheResult = "hit" | "miss" | "bypass";

/** Distinct operation names kept as label values; later names are counted as `(other)`. */
const MAX_OPERATION_NAMES = 200;

/** The API's Prometheus metrics, in one registry per server (tests start several servers in one process). */
export interface Metrics {
  registry: Registry;
  /** The `operation` label for a name, from a bounded set. */
  operationLabel(name: string | null | undefined): string;
  requests: Counter<"operation" | "code">;
  duration: Histogram<"operation">;
  cache: Counter<"cache" | "result">;
  rateLimitRefusals: Counter<"limit">;
  rateLimitFailOpen: Counter;
  redisErrors: Counter<"operation">;
}

export function createMetrics(pools: NamedPool[]): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tradegraph_" });
  const names = new Set<string>();
  const gauge = (state: "total" | "idle" | "waiting", help: string, read: (p: NamedPool["pool"]) => number) =>
    new Gauge({
      name: `tradegraph_db_pool_${state}_connections`,
      help,
      labelNames: ["pool"],
      registers: [registry],
      collect() {
        for (const { name, pool } of pools) this.set({ pool: name }, read(pool));
      },
    });
  gauge("total", "Connections open in the database pool.", (p) => p.totalCount);
  gauge("idle", "Open connections not in use.", (p) => p.idleCount);
  gauge("waiting", "Queries waiting for a connection.", (p) => p.waitingCount);
  return {
    registry,
    operationLabel(name) {
      if (!name) return "(anonymous)";
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES) return "(other)";
      names.add(name);
      return name;
    },
    requests: new Counter({
      name: "tradegraph_graphql_requests_total",
      help: "GraphQL requests by operation name and result code (OK, or the first error's extensions.code).",
      labelNames: ["operation", "code"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "tradegraph_graphql_request_duration_seconds",
      help: "GraphQL request latency, from parsing to the response, by operation name.",
      labelNames: ["operation"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cache: new Counter({
      name: "tradegraph_cache_requests_total",
      help: "Cache look-ups (apq: persisted queries, response: public read answers) by result; bypass: Redis unavailable.",
      labelNames: ["cache", "result"],
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: "tradegraph_rate_limit_refusals_total",
      help: "Requests refused with HTTP 429, by limit (caller: per key or address; refused_key: refused API keys).",
      labelNames: ["limit"],
      registers: [registry],
    }),
    rateLimitFailOpen: new Counter({
      name: "tradegraph_rate_limit_fail_open_total",
      help: "Requests let through without counting because the rate-limit store (Redis) failed.",
      registers: [registry],
    }),
    redisErrors: new Counter({
      name: "tradegraph_redis_errors_total",
      help: "Redis commands that failed or timed out, by use (rate_limit, apq, response, connection).",
      labelNames: ["operation"],
      registers: [registry],
    }),
  };
}

/** Counts every GraphQL request by operation and result code, and observes its latency. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, request, document, errors, response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const first = (errors?.[0] ?? body?.errors?.[0]) as GraphQLError | undefined;
          const code = first ? String((first.extensions as { code?: unknown } | undefined)?.code ?? "UNKNOWN") : "OK";
          // A document that failed validation has no resolved operation: name it as sent, or by its only operation.
          const only = document?.definitions.length === 1 && document.definitions[0]!.kind === "OperationDefinition" ? document.definitions[0] : undefined;
          const operation = metrics.operationLabel(operationName ?? request.operationName ?? only?.name?.value);
          metrics.requests.inc({ operation, code });
          metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in Prometheus's text format. With a token, only `Authorization: Bearer <token>` is answered;
 * anything else gets HTTP 401 with `code: UNAUTHENTICATED`.
 */
export function metricsHandler(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    res.setHeader("cache-control", "no-store");
    if (token !== undefined) {
      const [scheme, given, ...rest] = (req.headers.authorization ?? "").trim().split(/\s+/);
      if (scheme?.toLowerCase() !== "bearer" || !given || rest.length > 0 || !sameToken(given, token)) {
        res.setHeader("www-authenticate", 'Bearer realm="metrics"');
        res.status(401).json({ error: { code: "UNAUTHENTICATED", message: "GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`." } });
        return;
      }
    }
    res.setHeader("content-type", metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  };
}
