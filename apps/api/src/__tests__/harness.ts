import { periodToDate } from "@tradegraph/domain";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { parseEnv, type Env } from "../env";
import { createLogger } from "../server/logger";
import { createServer } from "../server/create-server";
import { countStatement } from "../sql";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> };
  /** SQL statements the request ran (x-sql-statements header); reading it throws when the header is missing. */
  readonly statements: number;
}

/** The x-sql-statements header as a count; a missing or malformed header fails the test instead of comparing NaN. */
export function statementsOf(headers: Headers): number {
  const header = headers.get("x-sql-statements");
  const count = Number(header);
  if (header == null || !/^\d+$/.test(header) || !Number.isSafeInteger(count)) {
    throw new Error(`expected an x-sql-statements header with a count, got ${JSON.stringify(header)}`);
  }
  return count;
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  env: Env;
  /** POSTs a GraphQL request over real HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real server on a loopback port over a fresh test database (seeded with the reference data and
 * the source article unless `seed: false`). Environment overrides use the variable names of env.ts.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    logs?: string[];
    /** Serve this (another test server's) database instead of a fresh one; close() leaves it open. */
    database?: TestDatabase;
  } = {},
): Promise<TestServer> {
  // Rate limits far above what any suite sends (rate-limit.test.ts sets its own).
  const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_PER_MINUTE_WITH_KEY: "1000000", ...options.env });
  // The statement timeout as main.ts sets it.
  const db =
    options.database ??
    (await createTestDatabase({ seed: options.seed ?? true, onQuery: countStatement, statementTimeoutMs: env.limits.executionTimeoutMs }));
  const logs = options.logs;
  const logger = logs ? createLogger("info", { write: (line: string) => void logs.push(line) }) : createLogger(env.logLevel);
  const server = await createServer({ env, db, logger });
  const url = await server.listen(0, "127.0.0.1");
  return {
    url,
    db,
    env,
    async gql(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: JSON.parse(text),
        get statements() {
          return statementsOf(response.headers);
        },
      };
    },
    async close() {
      await server.close();
      if (!options.database) await db.destroy();
    },
  };
}

/** A fixture row of one exporter's own monthly report: importer, HS code, YYYY-MM, tonnes, USD (null: missing). */
export type ExportFixtureRow = [importer: string, commodity: string, period: string, tonnes: number | null, usd: number | null];

/** Stores an exporter's monthly exports (reported by it) under a new source titled `title`. */
export async function insertExports(db: TestDatabase, exporter: string, title: string, rows: ExportFixtureRow[]): Promise<void> {
  const source = await db.prisma.source.create({ data: { publisher: "Test fixtures", title } });
  await db.prisma.exportRecord.createMany({
    data: rows.map(([importer, commodity, period, tonnes, usd]) => ({
      exporterCode: exporter,
      reporterCode: exporter,
      importerCode: importer,
      commodityCode: commodity,
      period: periodToDate(period),
      quantityTonnes: tonnes,
      valueUsd: usd,
      sourceId: source.id,
    })),
  });
}
