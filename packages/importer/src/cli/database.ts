import { hasReferenceData, openDatabase, seedDatabase, type Database } from "@tradegraph/db";
import type { ImporterEnv } from "./env";

/** Where the data goes, for messages. */
export function describeTarget(env: ImporterEnv): string {
  return env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `the embedded PostgreSQL in ${env.dataDir}`;
}

/** Opens (and migrates) the database; seeds it first when its reference data is missing or incomplete, and says so. */
export async function openForImport(env: ImporterEnv, log: (line: string) => void): Promise<Database> {
  const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, applicationName: "tradegraph-import" });
  try {
    if (!(await hasReferenceData(db.prisma))) {
      log(`${describeTarget(env)} has no or incomplete reference data: seeding it first (as \`npm run db:seed\` does)…`);
      const seeded = await seedDatabase(db.prisma);
      log(`Seeded ${seeded.countries} countries, ${seeded.commodities} commodities and the source article's facts.`);
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
