import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** Connection string for pg / Prisma; the server listens on a free loopback port. */
  url: string;
  /** Where the data lives, or null when it is kept in memory. */
  dataDir: string | null;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) in this process and serves it on a loopback port, so
 * `pg`, Prisma and the Prisma CLI connect to it as to any server. PGlite runs one statement at a time:
 * give it a pool of one connection.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string | null } = {}): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
