import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: int(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: int(10, 1),
  /** Give up opening a database connection after this long. */
  DB_CONNECT_TIMEOUT_MS: int(5_000, 1),
  /** Give up on a statement's answer after this long and drop the connection (a silent partition); default EXECUTION_TIMEOUT_MS + 2 s; 0: never. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  /** TCP keepalive on database connections: first probe after this much idle time. */
  DB_KEEPALIVE_DELAY_MS: int(10_000, 1),
  /** Read replicas (streaming standbys): comma-separated PostgreSQL URLs; reads go to a healthy one. Needs DATABASE_URL. */
  DATABASE_REPLICA_URLS: z.string().optional(),
  /** A replica whose replay is further behind the primary than this is skipped. */
  DB_REPLICA_MAX_LAG_MS: int(5_000, 1),
  /** How often each replica's health and lag are checked, in the background. */
  DB_REPLICA_CHECK_INTERVAL_MS: int(1_000, 50),
  /** After a client's (API key's) write, its requests read from the primary for this long. */
  DB_READ_YOUR_WRITES_MS: int(5_000, 0),
  TRADEGRAPH_DATA_DIR: z.string().default(".data"),
  /** Apply pending migrations at start; false when a separate job migrates (several replicas). */
  DB_MIGRATE_ON_START: flag,
  /** auto: seed reference data and the source article when the database lacks countries or HS codes. */
  TRADEGRAPH_SEED: z.enum(["auto", "always", "never"]).default("auto"),
  GRAPHQL_INTROSPECTION: flag,
  GRAPHQL_SANDBOX: flag,
  /** What GET /graphql shows a browser; any choice but `none` also serves the offline GraphiQL at /graphiql. */
  GRAPHQL_EXPLORER: z.enum(["sandbox", "graphiql", "none"]).optional(),
  GRAPHQL_MAX_DEPTH: int(10, 1),
  GRAPHQL_MAX_ALIASES: int(15, 1),
  GRAPHQL_MAX_DIRECTIVES: int(50, 1),
  GRAPHQL_MAX_TOKENS: int(1000, 1),
  GRAPHQL_MAX_COST: int(5000, 1),
  GRAPHQL_ALLOW_BATCHING: flag,
  REQUEST_BODY_LIMIT: z.string().default("100kb"),
  EXECUTION_TIMEOUT_MS: int(10_000, 1),
  READS_REQUIRE_KEY: flag,
  /** Report the number of SQL statements a request ran in the x-sql-statements header. */
  SQL_STATEMENT_HEADER: flag,
  /** Requests per minute and client address without an API key; 0: no limit. */
  RATE_LIMIT_PER_MINUTE: int(600),
  /** Requests per minute and API key; 0: no limit. */
  RATE_LIMIT_PER_MINUTE_WITH_KEY: int(6000),
  /** Browser origins allowed to call the API: `*`, or a comma-separated list such as `https://app.example.com`. */
  CORS_ORIGINS: z.string().optional(),
  /** Serve /graphql as an Apollo Federation 2 subgraph (`_service`, `_entities`, `@key` on the entity types). */
  FEDERATION: flag,
  /** Shared Redis for rate limits, persisted queries and the public response cache; unset: all in process memory. */
  REDIS_URL: z
    .string()
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379")
    .optional(),
  /** A Redis command that takes longer fails (and the request goes on without Redis). */
  REDIS_COMMAND_TIMEOUT_MS: int(250, 1),
  /** GET /metrics (Prometheus); default on outside production, and in production when METRICS_TOKEN is set. */
  METRICS_ENABLED: flag,
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  INIT_CWD: z.string().optional(),
});

export type Env = ReturnType<typeof parseEnv>;

/** Apollo Studio's Explorer and the embedded Sandbox/Explorer call the API from these origins. */
export const APOLLO_EXPLORER_ORIGINS = [
  "https://studio.apollographql.com",
  "https://sandbox.embed.apollographql.com",
  "https://explorer.embed.apollographql.com",
];

export interface CorsSettings {
  /** Every origin may call (CORS_ORIGINS=*). */
  anyOrigin: boolean;
  /** Origins allowed exactly (scheme://host[:port], lower case). */
  origins: string[];
  /** Any http://localhost:<port> and http://127.0.0.1:<port> (the default outside production). */
  loopback: boolean;
}

/** CORS_ORIGINS as settings; unset: loopback and Apollo's explorers outside production, nothing in production. */
function corsSettings(value: string | undefined, production: boolean): CorsSettings | string {
  if (value === undefined || value.trim() === "") {
    return production ? { anyOrigin: false, origins: [], loopback: false } : { anyOrigin: false, origins: APOLLO_EXPLORER_ORIGINS, loopback: true };
  }
  if (value.trim() === "*") return { anyOrigin: true, origins: [], loopback: false };
  const origins: string[] = [];
  for (const item of value.split(",").map((v) => v.trim()).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(item);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.toLowerCase().replace(/\/$/, "")) {
      return `"${item}" is not an origin (scheme://host[:port], e.g. https://app.example.com)`;
    }
    origins.push(url.origin);
  }
  return { anyOrigin: false, origins, loopback: false };
}

/** DATABASE_REPLICA_URLS as a list of PostgreSQL URLs, or what is wrong with it. */
function replicaUrls(value: string | undefined, primary: string | undefined): string[] | string {
  const urls = (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  if (urls.length > 0 && !primary) return "read replicas need a primary PostgreSQL server: set DATABASE_URL too";
  for (const item of urls) {
    let url: URL | null = null;
    try {
      url = new URL(item);
    } catch {
      // reported below
    }
    if (!url || !/^postgres(ql)?:$/.test(url.protocol)) return `"${item.replace(/\/\/[^@/]*@/, "//…@")}" is not a PostgreSQL URL (postgresql://user@host:port/db)`;
  }
  return urls;
}

/** Reads and validates the API's configuration. Called once, by main.ts (and by tests with overrides). */
export function parseEnv(source: NodeJS.ProcessEnv = process.env) {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = result.data;
  const production = e.NODE_ENV === "production";
  const cors = corsSettings(e.CORS_ORIGINS, production);
  if (typeof cors === "string") throw new Error(`Invalid configuration:\n  CORS_ORIGINS: ${cors}`);
  const replicas = replicaUrls(e.DATABASE_REPLICA_URLS, e.DATABASE_URL);
  if (typeof replicas === "string") throw new Error(`Invalid configuration:\n  DATABASE_REPLICA_URLS: ${replicas}`);
  const queryTimeoutMs = e.DB_QUERY_TIMEOUT_MS ?? e.EXECUTION_TIMEOUT_MS + 2_000;
  if (queryTimeoutMs !== 0 && queryTimeoutMs <= e.EXECUTION_TIMEOUT_MS) {
    throw new Error(
      "Invalid configuration:\n  DB_QUERY_TIMEOUT_MS: must be 0 or longer than EXECUTION_TIMEOUT_MS, so that PostgreSQL cancels a slow statement (TIMEOUT) before the connection is dropped",
    );
  }
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DB_POOL_SIZE,
    /** Timings of every database pool (primary and replicas). */
    pool: { connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS, queryTimeoutMs, keepAliveDelayMs: e.DB_KEEPALIVE_DELAY_MS },
    replicas: {
      urls: replicas,
      maxLagMs: e.DB_REPLICA_MAX_LAG_MS,
      checkIntervalMs: e.DB_REPLICA_CHECK_INTERVAL_MS,
      readYourWritesMs: e.DB_READ_YOUR_WRITES_MS,
    },
    dataDir: path.resolve(e.INIT_CWD ?? process.cwd(), e.TRADEGRAPH_DATA_DIR),
    seed: e.TRADEGRAPH_SEED,
    migrateOnStart: e.DB_MIGRATE_ON_START ?? true,
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    /** GRAPHQL_EXPLORER, else GRAPHQL_SANDBOX as before: Apollo Sandbox outside production, nothing in production. */
    explorer: e.GRAPHQL_EXPLORER ?? ((e.GRAPHQL_SANDBOX ?? !production) ? "sandbox" : "none"),
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      bodyLimit: e.REQUEST_BODY_LIMIT,
      executionTimeoutMs: e.EXECUTION_TIMEOUT_MS,
    },
    allowBatching: e.GRAPHQL_ALLOW_BATCHING ?? false,
    readsRequireKey: e.READS_REQUIRE_KEY ?? false,
    sqlStatementHeader: e.SQL_STATEMENT_HEADER ?? !production,
    cors,
    federation: e.FEDERATION ?? false,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS } : null,
    metrics: { enabled: e.METRICS_ENABLED ?? (!production || e.METRICS_TOKEN !== undefined), token: e.METRICS_TOKEN },
    rateLimit: { anonymousPerMinute: e.RATE_LIMIT_PER_MINUTE, keyPerMinute: e.RATE_LIMIT_PER_MINUTE_WITH_KEY },
  };
}
