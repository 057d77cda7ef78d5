#!/usr/bin/env node
import { openDatabase } from "../database";
import { createMigration, prismaCli } from "../migrate";
import { seedDatabase } from "../seed/seed";
import { readDbCliEnv } from "./env";

const USAGE = `usage: tradegraph-db <command>

  migrate             apply pending migrations
  status              show which migrations are applied
  seed                migrate, then load countries, commodities and the source article's facts (idempotent)
  reset               drop every table, re-apply all migrations and seed
  migration:new NAME  write prisma/migrations/<timestamp>_NAME/migration.sql from the changes made to
                      prisma/schema.prisma since the last migration (review and edit it before committing)

DATABASE_URL selects a PostgreSQL server; without it the embedded database in TRADEGRAPH_DATA_DIR (.data) is used.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const env = readDbCliEnv();
  const target = env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `embedded PostgreSQL in ${env.dataDir}`;

  switch (command) {
    case "migrate":
    case "status":
    case "seed":
    case "reset": {
      const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, migrate: command !== "reset" });
      try {
        if (command === "status") {
          process.stdout.write(await prismaCli(["migrate", "status"], db.url));
        } else if (command === "reset") {
          process.stdout.write(await prismaCli(["migrate", "reset", "--force", "--skip-generate", "--skip-seed"], db.url));
          console.log(`Seeded ${describe(await seedDatabase(db.prisma))} into ${target}.`);
        } else if (command === "seed") {
          console.log(`Seeded ${describe(await seedDatabase(db.prisma))} into ${target}.`);
        } else {
          console.log(`Migrations applied to ${target}.`);
        }
      } finally {
        await db.close();
      }
      return;
    }
    case "migration:new": {
      const name = rest[0];
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("migration:new needs a snake_case NAME, e.g. add_report_language.");
      const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, migrate: false });
      try {
        const created = await createMigration(name, db.url);
        console.log(created ? `Wrote ${created}.` : "prisma/schema.prisma has no changes since the last migration.");
      } finally {
        await db.close();
      }
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

function describe(summary: object): string {
  return Object.entries(summary)
    .map(([what, count]) => `${count} ${what}`)
    .join(", ");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
