/**
 * Databases for tests. With DATABASE_URL set, each test file gets its own database on that server (created
 * through the DATABASE_URL database, which is left untouched), cloned
 * from a migrated template (fast, isolated, dropped afterwards). Without it, each file runs its own
 * in-memory embedded PostgreSQL. Exported as "@tradegraph/db/testing".
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "./database";
import { migrateDatabase } from "./migrate";
import { createPool, withDatabase } from "./pool";
import { seedDatabase } from "./seed/seed";

export interface TestDatabase extends Database {
  /** Closes connections and, on a real server, drops the database. */
  destroy(): Promise<void>;
}

const migrationsDir = path.resolve(__dirname, "..", "..", "..", "prisma", "migrations");

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, name, "migration.sql");
    try {
      hash.update(name).update(readFileSync(file));
    } catch {
      // migration_lock.toml and other non-migration entries
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/** A migrated template database on the server, created once per set of migrations. */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const template = `tradegraph_template_${migrationsHash()}`;
  const admin = createPool(serverUrl, { max: 1, applicationName: "tradegraph-test" });
  const client = await admin.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('tradegraph_test_template'))");
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await migrateDatabase(withDatabase(serverUrl, building));
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    return template;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('tradegraph_test_template'))");
    client.release();
    await admin.end();
  }
}

/** A fresh, migrated database for one test file; seeded with the reference data and article when asked. */
export interface TestDatabaseOptions {
  seed?: boolean;
  serverUrl?: string;
  poolSize?: number;
  /** PostgreSQL statement_timeout for the pool's connections, as the API sets it. */
  statementTimeoutMs?: number;
  onQuery?: (text: string) => void;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL;
  let database: Database;
  let drop = async () => {};

  if (serverUrl) {
    const template = await ensureTemplate(serverUrl);
    const name = `tradegraph_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = createPool(serverUrl, { max: 1, applicationName: "tradegraph-test" });
    const client = await admin.connect();
    try {
      // Cloning is serialised: PostgreSQL refuses to copy a template that another clone is reading.
      await client.query("SELECT pg_advisory_lock(hashtext('tradegraph_test_template'))");
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      await client.query("SELECT pg_advisory_unlock(hashtext('tradegraph_test_template'))");
    } finally {
      client.release();
    }
    database = await openDatabase({
      url: withDatabase(serverUrl, name),
      migrate: false,
      poolSize: options.poolSize,
      statementTimeoutMs: options.statementTimeoutMs,
      onQuery: options.onQuery,
    });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ dataDir: null, statementTimeoutMs: options.statementTimeoutMs, onQuery: options.onQuery });
  }

  if (options.seed) await seedDatabase(database.prisma);
  return {
    ...database,
    async destroy() {
      await database.close();
      await drop();
    },
  };
}
