import { createPool, createPrismaClient, type Database, type PoolOptions } from "@tradegraph/db";
import type pg from "pg";

/**
 * How far a standby's replay is behind, in ms: 0 when it has replayed all the WAL it received (an idle primary
 * sends none, so the time since the last replayed transaction would overstate the lag), otherwise the time
 * since the last replayed transaction; null when it cannot tell. A server that is not in recovery is a primary.
 */
export const LAG_SQL = `SELECT pg_is_in_recovery() AS standby,
  COALESCE(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) AS caught_up,
  (EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS lag_ms`;

/** One read replica: its own pool and Prisma client, and what the last background check saw. */
export interface Replica {
  /** "replica-1", "replica-2", … in DATABASE_REPLICA_URLS order (also its pool's application_name suffix). */
  name: string;
  /** Serves the requests routed here. */
  db: Database;
  /** One connection for the background checks (application_name …-check), so they never wait behind requests. */
  checkPool: pg.Pool;
  /** Answered the last check and was within the lag bound. */
  healthy: boolean;
  /** Replay lag at the last check (ms); null before the first check or when it failed. */
  lagMs: number | null;
  /** Why the replica is skipped, for logs; null when healthy. */
  problem: string | null;
}

/** Opens a replica's pool (no connection is made until the first check or query). */
export function openReplica(name: string, url: string, options: PoolOptions): Replica {
  const applicationName = `${options.applicationName ?? "tradegraph"}-${name}`;
  const pool = createPool(url, { ...options, applicationName });
  const checkPool = createPool(url, { ...options, max: 1, applicationName: `${applicationName}-check`, onQuery: undefined });
  const prisma = createPrismaClient(pool);
  const replica: Replica = {
    name,
    checkPool,
    healthy: false,
    lagMs: null,
    problem: "not checked yet",
    db: {
      prisma,
      pool,
      url,
      embedded: false,
      async close() {
        await prisma.$disconnect();
        await Promise.all([pool.end(), checkPool.end()]);
      },
    },
  };
  // An idle connection dropped by the server (a standby shutting down) takes the replica out at once.
  pool.on("error", (error) => markDown(replica, error));
  checkPool.on("error", (error) => markDown(replica, error));
  return replica;
}

export function markDown(replica: Replica, error: unknown): void {
  replica.healthy = false;
  replica.lagMs = null;
  replica.problem = `unreachable: ${error instanceof Error ? error.message : String(error)}`;
}

/** Measures a replica's lag and updates its state. Never throws. */
export async function checkReplica(replica: Replica, maxLagMs: number): Promise<void> {
  try {
    const { rows } = await replica.checkPool.query<{ standby: boolean; caught_up: boolean; lag_ms: number | null }>(LAG_SQL);
    const row = rows[0]!;
    const lag = !row.standby || row.caught_up ? 0 : (row.lag_ms ?? Number.POSITIVE_INFINITY);
    replica.lagMs = Number.isFinite(lag) ? Math.max(0, lag) : null;
    replica.healthy = lag <= maxLagMs;
    replica.problem = replica.healthy ? null : `lagging: replay ${Number.isFinite(lag) ? `${Math.round(lag)} ms` : "of unknown age"} behind, bound ${maxLagMs} ms`;
  } catch (error) {
    markDown(replica, error);
  }
}
