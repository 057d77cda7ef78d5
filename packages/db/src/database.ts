import type pg from "pg";
import { createPrismaClient } from "./client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import type { PrismaClient } from "./generated/prisma/client";
import { migrateDatabase } from "./migrate";
import { createPool } from "./pool";

export interface DatabaseOptions {
  /** A PostgreSQL connection string. Without one, an embedded PostgreSQL (PGlite) is started. */
  url?: string;
  /** Where the embedded database keeps its data; null keeps it in memory. Default ".data". */
  dataDir?: string | null;
  /** Apply pending migrations before returning. Default true. */
  migrate?: boolean;
  /** Connections in the pool (always 1 for the embedded database). Default 10. */
  poolSize?: number;
  applicationName?: string;
  /** PostgreSQL statement_timeout for every connection of the pool. */
  statementTimeoutMs?: number;
  /** Called with every statement sent to the database (see createPool). */
  onQuery?: (text: string) => void;
  /** Connection, statement-answer and keepalive timings of the pool (see createPool). */
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  keepAliveDelayMs?: number;
  /** Name prepared statements (see createPool). Default: on, except for the embedded database. */
  namedStatements?: boolean;
}

export interface Database {
  prisma: PrismaClient;
  /** The pg pool under Prisma, for hand-written SQL on hot paths. */
  pool: pg.Pool;
  url: string;
  /** True when this process runs the database itself (PGlite). */
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to PostgreSQL (or starts the embedded one), applies migrations and returns a ready client. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir === undefined ? ".data" : options.dataDir });
    url = embedded.url;
  }
  try {
    if (options.migrate ?? true) await migrateDatabase(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const pool = createPool(url, {
    max: embedded ? 1 : (options.poolSize ?? 10),
    applicationName: options.applicationName,
    onQuery: options.onQuery,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    queryTimeoutMs: options.queryTimeoutMs,
    keepAliveDelayMs: options.keepAliveDelayMs,
    namedStatements: options.namedStatements ?? !embedded,
  });
  const prisma = createPrismaClient(pool);
  return {
    prisma,
    pool,
    url,
    embedded: embedded !== null,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded?.stop();
    },
  };
}
