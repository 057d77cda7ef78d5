/**
 * Helpers for the server processes the bench starts itself (PostGraphile and the raw floor): configuration from
 * argv, a count of every SQL statement sent, and an IPC channel on which the bench asks for that count.
 */
import pg from "pg";

export interface ChildConfig {
  databaseUrl: string;
  port: number;
  poolSize: number;
}

/** Reads the JSON configuration the bench passes as the first argument. */
export function childConfig(): ChildConfig {
  const config = JSON.parse(process.argv[2] ?? "{}") as Partial<ChildConfig>;
  if (!config.databaseUrl || !config.port || !config.poolSize) throw new Error("usage: node <server>.js '{\"databaseUrl\", \"port\", \"poolSize\"}'");
  return config as ChildConfig;
}

let statements = 0;

/**
 * Counts every statement any pg client of this process sends (pool.query goes through client.query, so each
 * statement is counted once, including BEGIN/COMMIT and set_config calls), and answers the bench's
 * `{type: "statements"}` IPC message with the running total. Call before any pool is created.
 */
export function countStatements(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  process.on("message", (message: { type?: string }) => {
    if (message?.type === "statements") process.send?.({ type: "statements", count: statements });
  });
  // Exit when the bench goes away, whatever happened to it.
  process.on("disconnect", () => process.exit(0));
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => process.exit(0));
}

/** A pool like tradegraph's: fixed size, an error listener so a dropped idle connection doesn't crash the server. */
export function createPool(config: ChildConfig, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize, application_name: applicationName });
  pool.on("error", (error) => process.emitWarning(`PostgreSQL pool error: ${error.message}`));
  return pool;
}
