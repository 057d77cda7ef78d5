import { AsyncResource } from "node:async_hooks";
import pg from "pg";

export interface PoolOptions {
  /** Most connections the pool opens. The embedded database serves one at a time. */
  max?: number;
  /** Pool name shown in PostgreSQL's pg_stat_activity. */
  applicationName?: string;
  /** Cancel any statement running longer than this (PostgreSQL statement_timeout). */
  statementTimeoutMs?: number;
  /** Called with the text of every statement sent, from the caller's async context (for statement counts). */
  onQuery?: (text: string) => void;
}

/** A pg client class that reports each statement before sending it. */
function observedClient(onQuery: (text: string) => void): typeof pg.Client {
  return class ObservedClient extends pg.Client {
    override query(...args: unknown[]): never {
      const first = args[0] as string | { text?: string } | undefined;
      onQuery(typeof first === "string" ? first : (first?.text ?? ""));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  };
}

/**
 * A pool whose queued requests resume in the async context of the caller that queued them (pg-pool would run
 * them in the context of whoever released a connection), so per-request statement counts stay right when
 * every connection is busy — always the case with the embedded database's single connection.
 */
class ContextPreservingPool extends pg.Pool {
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): never {
    const connect = super.connect as (cb?: unknown) => never;
    return callback ? connect.call(this, AsyncResource.bind(callback)) : connect.call(this);
  }
}

/** A pg pool with an error listener, so that a dropped idle connection is logged instead of crashing the process. */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  // Only a pool that reports statements needs queued requests to keep their caller's context.
  const Pool = options.onQuery ? ContextPreservingPool : pg.Pool;
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "tradegraph",
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.onQuery ? { Client: observedClient(options.onQuery) } : {}),
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
