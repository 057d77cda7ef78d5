import { readFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, seedDatabase, type Database } from "@tradegraph/db";
import { importExportRecords, loadSynthetic } from "../index";

// The embedded database (PGlite served on a loopback port) answers COPY FROM STDIN with "terminating connection
// because protocol synchronization was lost", so imports into it take the batched writer. This file runs on it
// whatever DATABASE_URL says.
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  await seedDatabase(db.prisma);
}, 180_000);

afterAll(async () => {
  await db?.close();
});

const native = readFileSync(path.join(__dirname, "fixtures", "native.csv"), "utf8");
const duplicates = readFileSync(path.join(__dirname, "fixtures", "duplicates.csv"), "utf8");

describe("imports into the embedded database", () => {
  it("take the batched writer and write the same rows, once", async () => {
    const source = { publisher: "Embedded", title: "native" };
    expect(await importExportRecords(db, native, { format: "csv", source })).toMatchObject({ ok: true, writer: "batched", read: 5, inserted: 5 });
    expect(await importExportRecords(db, native, { format: "csv", source })).toMatchObject({ ok: true, writer: "batched", inserted: 0, updated: 0, unchanged: 5 });
    expect(await importExportRecords(db, duplicates, { format: "csv", source: { publisher: "Embedded", title: "duplicates" } })).toMatchObject({
      ok: false,
      writer: "batched",
      errors: [expect.objectContaining({ line: 4, code: "DUPLICATE_KEY" }), expect.objectContaining({ line: 6, code: "DUPLICATE_KEY" })],
    });
    expect(await loadSynthetic(db, { rows: 2_000, seed: 5 })).toMatchObject({ ok: true, writer: "batched", inserted: 2_000 });
  }, 60_000);
});
