import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";

// The compiled command lines, as `npm run import` and `npm run data:synthetic` start them. With DATABASE_URL
// they work on a fresh, unseeded test database; without it, on their own embedded database in a temp folder.
const dist = path.resolve(__dirname, "..", "..", "dist", "cli");
const fixtures = path.join(__dirname, "fixtures");
const work = mkdtempSync(path.join(tmpdir(), "tradegraph-import-cli-"));
let db: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(dist, script), ...args], { env, cwd: work, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  const { DATABASE_URL, ...rest } = process.env;
  if (DATABASE_URL) db = await createTestDatabase();
  env = { ...rest, INIT_CWD: fixtures, TRADEGRAPH_DATA_DIR: path.join(work, ".data"), ...(db ? { DATABASE_URL: db.url } : {}) };
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run import", () => {
  it("seeds an empty database, then imports a Comtrade file given relative to where npm was run", async () => {
    const { code, stdout, stderr } = await run("import.js", ["comtrade-2024-01.csv"]);
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining("no or incomplete reference data: seeding it first") });
    expect(stdout).toMatch(/Imported comtrade-2024-01\.csv under source "UN Comtrade, Comtrade database"/);
    expect(stdout).toMatch(/inserted\s+5\n/);
    expect(stdout).toMatch(/skipped\s+5\s+World 2, not a country 2, breakdowns 1/);
  }, 180_000);

  it("writes the good rows and a rejects file in lenient mode", async () => {
    const rejects = path.join(work, "rejects.csv");
    const { code, stdout } = await run("import.js", ["bad-rows.csv", "--source", "Test ministry, bad rows", "--mode", "lenient", "--rejects", rejects, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, read: 12, inserted: 2, rejected: 10, source: { publisher: "Test ministry", title: "bad rows" } });
    const lines = readFileSync(rejects, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("line,code,field,message,raw");
    expect(lines[1]).toMatch(/^3,UNKNOWN_COUNTRY,importer,"importer: ""XX"" is not .*","AZ,XX,2709,2024-01,100,200,,"$/);
    expect(lines[10]).toMatch(/^13,COLUMN_COUNT,,".*","AZ,GE,2710,2024-0"$/);
  }, 120_000);

  it("writes nothing in strict mode, lists the errors and exits with 1", async () => {
    const { code, stdout } = await run("import.js", ["bad-rows.csv", "--source", "Test ministry, strict"]);
    expect(code).toBe(1);
    expect(stdout).toContain("Nothing was written: 10 problems (strict mode;");
    expect(stdout).toMatch(/line 3 {2}UNKNOWN_COUNTRY {2}importer: "XX"/);
  }, 120_000);

  it("asks where a native file's figures come from", async () => {
    const { code, stderr } = await run("import.js", ["native.csv"]);
    expect(code).toBe(2);
    expect(stderr).toContain('--source "Publisher, Title"');
  });
});

describe("npm run data:synthetic", () => {
  it("loads synthetic rows and removes them again", async () => {
    const loaded = await run("synthetic.js", ["--rows", "500", "--seed", "3", "--load"]);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/under source "tradegraph synthetic data, seed 3, 500 rows" \(synthetic\)/);
    expect(loaded.stdout).toMatch(/inserted\s+500\n/);
    const removed = await run("synthetic.js", ["--remove"]);
    expect(removed).toMatchObject({ code: 0, stdout: expect.stringContaining("Removed 500 synthetic rows and 1 synthetic sources") });
  }, 180_000);
});
