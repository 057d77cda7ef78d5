import { openDatabase, seedDatabase, type Database } from "@tradegraph/db";
import { countryTable } from "@tradegraph/db/sql";
import type { ImporterEnv } from "./env";

/** Where the data goes, for messages. */
export function describeTarget(env: ImporterEnv): string {
  return env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `the embedded PostgreSQL in ${env.dataDir}`;
}

/** Opens (and migrates) the database; seeds it first when it has no countries yet, and says so. */
export async function openForImport(env: ImporterEnv, log: (line: string) => void): Promise<Database> {
  const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, applicationName: "tradegraph-import" });
  try {
    const { rows } = await db.pool.query<{ countries: number }>(`SELECT count(*)::int AS countries FROM ${countryTable.name}`);
    if (rows[0]?.countries === 0) {
      log(`${describeTarget(env)} has no reference data yet: seeding it first (as \`npm run db:seed\` does)…`);
      const seeded = await seedDatabase(db.prisma);
      log(`Seeded ${seeded.countries} countries, ${seeded.commodities} commodities and the source article's facts.`);
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
