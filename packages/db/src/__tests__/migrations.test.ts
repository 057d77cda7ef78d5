import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prismaCli } from "../migrate";
import { createTestDatabase, type TestDatabase } from "../testing";

const prismaDir = path.resolve(__dirname, "..", "..", "..", "..", "prisma");
const schema = path.join(prismaDir, "schema.prisma");
const snapshot = path.join(prismaDir, "schema.migrated.prisma");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(() => db?.destroy());

/** `prisma migrate diff` between two schema files: the SQL a migration would need, empty when none. */
async function migrationSql(from: string, to: string): Promise<string> {
  const sql = await prismaCli(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], db.url);
  return sql.replace(/^--.*$/gm, "").trim();
}

describe("prisma/schema.prisma", () => {
  it("has no change without a migration (run `npm run db:migration:new -- <name>`)", async () => {
    expect(await migrationSql(snapshot, schema)).toBe("");
  }, 60_000);

  it("would need a migration after a change (the check above can fail)", async () => {
    const changed = path.join(mkdtempSync(path.join(tmpdir(), "tradegraph-schema-")), "schema.prisma");
    copyFileSync(schema, changed);
    writeFileSync(changed, readFileSync(changed, "utf8").replace('@@map("export_record")', 'note String?\n  @@map("export_record")'));
    expect(await migrationSql(snapshot, changed)).toMatch(/ALTER TABLE "export_record" ADD COLUMN\s+"note" TEXT/);
  }, 60_000);
});
