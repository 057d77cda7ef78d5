import { hasReferenceData, openDatabase, seedDatabase } from "@tradegraph/db";
import { parseEnv } from "../env";
import { createLogger } from "../server/logger";
import { createServer } from "../server/create-server";
import { openDatabaseRouter } from "../server/database";
import { countStatement } from "../sql";

const EXPLORER_HINT = {
  sandbox: " — open it in a browser for Apollo Sandbox, or /graphiql for GraphiQL (works offline)",
  graphiql: " — open it in a browser for GraphiQL",
  none: "",
} as const;

/** Reads configuration, opens (or starts) the database, seeds when the reference data is missing or incomplete, listens, and shuts down cleanly. */
async function main() {
  const env = parseEnv();
  const logger = createLogger(env.logLevel);
  const db = await openDatabase({
    url: env.databaseUrl,
    dataDir: env.dataDir,
    migrate: env.migrateOnStart,
    poolSize: env.poolSize,
    applicationName: "tradegraph-api",
    statementTimeoutMs: env.limits.executionTimeoutMs,
    onQuery: countStatement,
    ...env.pool,
  });
  if (env.seed === "always" || (env.seed === "auto" && !(await hasReferenceData(db.prisma)))) {
    const summary = await seedDatabase(db.prisma);
    logger.info({ summary }, "seeded reference data and the source article's facts");
  }
  const router = await openDatabaseRouter(
    db,
    env.replicas,
    { max: env.poolSize, applicationName: "tradegraph-api", statementTimeoutMs: env.limits.executionTimeoutMs, onQuery: countStatement, ...env.pool },
    logger,
  );
  const server = await createServer({ env, db, logger, router });
  const url = await server.listen();
  const where = db.embedded ? `embedded PostgreSQL in ${env.dataDir}` : "PostgreSQL at DATABASE_URL";
  logger.info({ url, database: db.embedded ? "embedded" : "external" }, "tradegraph API listening");
  if (process.stdout.isTTY || env.logLevel !== "silent") {
    console.error(`\ntradegraph API ready at ${url} (${where})${EXPLORER_HINT[env.explorer]}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining requests");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await server.close();
      await router.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("tradegraph API failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
