import pg from "pg";

export interface PoolOptions {
  /** Most connections the pool opens. The embedded database serves one at a time. */
  max?: number;
  /** Pool name shown in PostgreSQL's pg_stat_activity. */
  applicationName?: string;
}

/** A pg pool with an error listener, so that a dropped idle connection is logged instead of crashing the process. */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "tradegraph",
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => {
    process.emitWarning(`PostgreSQL pool error: ${error.message}`);
  });
  return pool;
}

/** The same server and credentials, another database. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The database name in a connection string. */
export function databaseName(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).pathname.slice(1)) || "postgres";
}
