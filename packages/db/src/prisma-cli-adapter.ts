/**
 * Driver adapter for the Prisma CLI (migrate deploy, migrate dev, migrate diff), which runs here on its
 * WASM schema engine because Prisma's native engines can't be downloaded on these machines.
 *
 * Two fixes on top of @prisma/adapter-pg (see docs/architecture.md, "Offline Prisma"):
 * - catalog columns of type `name` (OID 19) and `"char"` (OID 18) are presented as text, which the adapter
 *   can deserialize (prisma/orm#27403);
 * - the shadow database for `migrate dev` is a fresh `prisma_shadow_*` database, dropped once its pool is
 *   closed (the adapter's own shadow connection would reuse the main database).
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { withDatabase } from "./pool";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type QueryResult = { fields?: Array<{ dataTypeID: number }> };

function presentCatalogTypesAsText<T>(result: T): T {
  for (const field of (result as QueryResult | undefined)?.fields ?? []) {
    if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogAwareClient extends pg.Client {
  // pg's query has many overloads; both the callback and the promise form are wrapped.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, error ? result : presentCatalogTypesAsText(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned && typeof (returned as Promise<unknown>).then === "function") {
      return (returned as Promise<unknown>).then(presentCatalogTypesAsText) as never;
    }
    return returned as never;
  }
}

function cliPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 1, Client: CatalogAwareClient, allowExitOnIdle: true, application_name: "tradegraph-migrate" });
  pool.on("error", () => undefined);
  return pool;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(cliPool(connectionString), { disposeExternalPool: true });
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
    const admin = cliPool(this.connectionString);
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowPool = cliPool(withDatabase(this.connectionString, name));
    const adapter = await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

/** The adapter factory prisma.config.ts hands to the CLI. */
export function createMigrationAdapter(connectionString: string): PrismaPg {
  return new MigrationAdapterFactory(connectionString);
}
