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
  /** Give up opening a connection after this long (pg connectionTimeoutMillis). Default 5000. */
  connectTimeoutMs?: number;
  /**
   * Give up waiting for a statement's answer after this long (pg query_timeout) and destroy the connection;
   * catches a silent network partition, which PostgreSQL's statement_timeout cannot. 0: no limit (default).
   */
  queryTimeoutMs?: number;
  /** TCP keepalive: first probe after this much idle time (pg keepAliveInitialDelayMillis). Default 10000. */
  keepAliveDelayMs?: number;
  /**
   * Keep statements' names, so each connection prepares a named statement once. Default true. Off for the
   * embedded database: PGlite serves every connection from one session, where a statement prepared on one
   * connection already exists for the next, while pg tracks prepared statements per connection.
   */
  namedStatements?: boolean;
}

/** pg's error when a statement got no answer within query_timeout. */
export const QUERY_TIMEOUT_MESSAGE = "Query read timeout";

/**
 * A pg client class that reports each statement before sending it (when asked) and destroys its connection
 * when a statement times out on the client side. pg itself keeps such a connection and the pool would hand
 * it out again, with the unanswered statement (perhaps inside an open transaction) still ahead of the next
 * caller's; destroyed, it is dropped on release, and PostgreSQL rolls back whatever was open on it.
 */
function poolClient(onQuery: ((text: string) => void) | undefined, namedStatements: boolean): typeof pg.Client {
  return class PoolClient extends pg.Client {
    override query(...args: unknown[]): never {
      const first = args[0] as string | { text?: string; name?: string; submit?: unknown } | undefined;
      if (!namedStatements && typeof first === "object" && first.name !== undefined && first.submit === undefined) {
        args[0] = { ...first, name: undefined };
      }
      const text = typeof first === "string" ? first : (first?.text ?? "");
      const self = this as unknown as { _ending: boolean; _queryable: boolean };
      if ((self._ending || !self._queryable) && /^\s*ROLLBACK\s*;?\s*$/i.test(text)) {
        // The connection is gone, so PostgreSQL has discarded its transaction. Prisma sends ROLLBACK and only
        // releases the connection if that succeeds: failing here would leak the pool slot for good.
        const done = { command: "ROLLBACK", rowCount: 0, rows: [], fields: [] };
        const callback = args.find((a) => typeof a === "function") as ((error: unknown, result: unknown) => void) | undefined;
        if (callback) {
          process.nextTick(() => callback(undefined, done));
          return undefined as never;
        }
        return Promise.resolve(done) as never;
      }
      onQuery?.(text);
      const onError = (error: unknown) => {
        if (error instanceof Error && error.message === QUERY_TIMEOUT_MESSAGE) this.destroyConnection();
      };
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last] as (error: unknown, result?: unknown) => void;
        args[last] = (error: unknown, result?: unknown) => {
          if (error) onError(error);
          callback(error, result);
        };
      }
      const result = (super.query as (...a: unknown[]) => never)(...args) as unknown;
      if (result instanceof Promise) result.catch(onError);
      return result as never;
    }

    /** Closes the socket now, without waiting for the server (which a partition keeps from answering). */
    private destroyConnection(): void {
      const self = this as unknown as { _ending: boolean; connection: { stream: { destroy(): void } } };
      self._ending = true;
      self.connection.stream.destroy();
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
    if (!callback) return connect.call(this);
    // One AsyncResource and runInAsyncScope: AsyncResource.bind builds a deprecation getter on every call.
    const resource = new AsyncResource("tradegraph.pool.connect");
    return connect.call(this, (...args: Parameters<typeof callback>) => resource.runInAsyncScope(callback, undefined, ...args));
  }
}

/**
 * A pg pool with TCP keepalive and an error listener, so that a dropped idle connection is logged instead of
 * crashing the process.
 */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  // Only a pool that reports statements needs queued requests to keep their caller's context.
  const Pool = options.onQuery ? ContextPreservingPool : pg.Pool;
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "tradegraph",
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: options.keepAliveDelayMs ?? 10_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    Client: poolClient(options.onQuery, options.namedStatements ?? true),
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
