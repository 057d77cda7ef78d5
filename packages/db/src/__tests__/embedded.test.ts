import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../database";
import { seedDatabase } from "../seed/seed";

// The zero-setup path: no DATABASE_URL, an embedded PostgreSQL whose data survives a restart.
describe("embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tradegraph-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates and seeds on first start and keeps the data in its directory across restarts", async () => {
    const first = await openDatabase({ dataDir });
    expect(first.embedded).toBe(true);
    await seedDatabase(first.prisma);
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      const record = await second.prisma.exportRecord.findFirstOrThrow({ where: { importerCode: "IL" } });
      expect(record.quantityTonnes?.toNumber()).toBe(523_500);
      expect(await second.prisma.country.count()).toBe(249);
    } finally {
      await second.close();
    }
  }, 120_000);
});

describe("embedded database, named statements", () => {
  it("runs a named statement again on a new connection (PGlite keeps one session for all of them)", async () => {
    const db = await openDatabase({ dataDir: null });
    try {
      const query = { name: "embedded_named", text: "SELECT $1::int + 1 AS n", values: [1] };
      expect((await db.pool.query(query)).rows).toEqual([{ n: 2 }]);
      const client = await db.pool.connect();
      client.release(true); // destroys the connection: the next query opens another one
      expect((await db.pool.query(query)).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
