/**
 * Concurrent writers: 100 parallel upserts of one natural key, parallel imports of overlapping files, and a
 * strict import running while the API serves reads (a reader sees the rows before or after it, never half).
 */
import { importExportRecords } from "@tradegraph/importer";
import { toGlobalId } from "../common/global-id";
import { startTestServer, type TestServer } from "./harness";
import { createKey, type TestKey } from "./keys";

let server: TestServer;
let editor: TestKey;
let sourceId: string;
let countries: string[];
let commodities: string[];

beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server, "EDITOR");
  const source = await server.db.prisma.source.findFirstOrThrow();
  sourceId = toGlobalId("Source", source.id);
  countries = (await server.db.prisma.country.findMany({ select: { code: true }, orderBy: { code: "asc" }, take: 20 })).map((c) => c.code);
  commodities = (await server.db.prisma.commodity.findMany({ select: { hsCode: true }, orderBy: { hsCode: "asc" }, take: 5 })).map((c) => c.hsCode);
}, 120_000);
afterAll(() => server?.close());

const UPSERT = `mutation U($input: ExportRecordInput!) {
  upsertExportRecord(input: $input) { exportRecord { id valueUsd } userErrors { field code message } } }`;

describe("100 parallel upserts of the same natural key", () => {
  /**
   * With a pool of a few connections (the embedded database has one), some upserts may wait longer for a
   * connection than Prisma's transaction wait allows: those are refused as SERVICE_UNAVAILABLE (HTTP 503), never
   * as an error of the input, and succeed when sent again.
   */
  it("leave exactly one row; each upsert succeeds or is refused as busy, and succeeds again", async () => {
    type Answer = Awaited<ReturnType<typeof server.gql<{ upsertExportRecord: { exportRecord: { id: string } | null; userErrors: unknown[] } }>>>;
    const key = { exporter: "AZ", importer: "IT", commodity: "2709", period: "1950-01", source: sourceId };
    const upsert = (i: number) => server.gql<{ upsertExportRecord: { exportRecord: { id: string } | null; userErrors: unknown[] } }>(UPSERT, { input: { ...key, valueUsd: i + 1 } }, editor.headers);
    const succeeded = (answer: Answer) => answer.status === 200 && answer.body.errors === undefined && answer.body.data?.upsertExportRecord.userErrors.length === 0;

    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => upsert(i)));
    let refused = 0;
    for (const [i, answer] of answers.entries()) {
      if (succeeded(answer)) continue;
      refused += 1;
      expect({ status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 503, codes: ["SERVICE_UNAVAILABLE"] });
      answers[i] = await upsert(i);
      expect(succeeded(answers[i]!)).toBe(true);
    }
    console.log(`concurrency: ${100 - refused} of 100 parallel upserts succeeded at once, ${refused} were refused as busy and succeeded when resent`);
    expect(new Set(answers.map((a) => a.body.data?.upsertExportRecord.exportRecord?.id)).size).toBe(1);
    // Each upsert answers with the figures it wrote.
    expect(answers.map((a) => (a.body.data?.upsertExportRecord.exportRecord as { valueUsd?: number } | null)?.valueUsd)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const rows = await server.db.prisma.exportRecord.findMany({ where: { exporterCode: "AZ", importerCode: "IT", commodityCode: "2709", period: new Date("1950-01-01") } });
    expect(rows).toHaveLength(1);
    // The last writer wins with one of the values sent, whole (an integer from 1 to 100).
    const stored = Number(rows[0]!.valueUsd);
    expect(Number.isInteger(stored) && stored >= 1 && stored <= 100).toBe(true);
  }, 60_000);
});

/** A native CSV of the flows numbered from..to-1 (each a distinct natural key), with values that tell the file apart. */
function csv(from: number, to: number, value: number, reverse = false): string {
  const lines = [];
  for (let i = from; i < to; i++) {
    const exporter = countries[i % 10]!;
    const importer = countries[10 + (Math.floor(i / 10) % 10)]!;
    const commodity = commodities[Math.floor(i / 100) % commodities.length]!;
    const month = Math.floor(i / (100 * commodities.length));
    const period = `${1960 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    lines.push(`${exporter},${importer},${commodity},${period},${value}`);
  }
  if (reverse) lines.reverse();
  return ["exporter,importer,commodity,period,valueUsd", ...lines].join("\n") + "\n";
}

describe("parallel imports of overlapping files", () => {
  async function stored(source: { publisher: string; title: string }) {
    const { rows } = await server.db.pool.query<{ rows: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT (exporter_code, importer_code, commodity_code, period)) AS keys
       FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.publisher = $1 AND s.title = $2`,
      [source.publisher, source.title],
    );
    const values = await server.db.pool.query<{ value_usd: string }>(
      `SELECT DISTINCT e.value_usd FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.publisher = $1 AND s.title = $2 ORDER BY 1`,
      [source.publisher, source.title],
    );
    return {
      rows: Number(rows[0]!.rows),
      keys: Number(rows[0]!.keys),
      sources: await server.db.prisma.source.count({ where: source }),
      values: values.rows.map((row) => Number(row.value_usd)),
    };
  }

  it("in the same row order: every import succeeds and each natural key is stored once", async () => {
    const source = { publisher: "Concurrency test", title: "overlapping files" };
    const files = [csv(0, 1200, 1), csv(600, 1800, 2), csv(300, 1500, 3), csv(0, 1800, 4)];
    const summaries = await Promise.all(
      files.map((content, i) => importExportRecords(server.db, content, { format: "csv", source, mode: "strict", batchSize: 250, actor: `import ${i}` })),
    );
    for (const summary of summaries) expect({ ok: summary.ok, errors: summary.errors }).toEqual({ ok: true, errors: [] });
    const result = await stored(source);
    expect({ ...result, values: undefined }).toEqual({ rows: 1800, keys: 1800, sources: 1, values: undefined });
    // Every stored figure is one a file sent; file 4 covers every key, so whatever ran last, it is one of 1–4.
    expect(result.values.every((v) => [1, 2, 3, 4].includes(v))).toBe(true);
  }, 60_000);

  /** Rows in opposite orders would deadlock; the importer takes a per-source lock, so all of them succeed. */
  it("in opposite row orders: all succeed, each natural key once", async () => {
    const source = { publisher: "Concurrency test", title: "overlapping files, opposite orders" };
    const files = [csv(0, 1200, 1), csv(0, 1200, 2, true), csv(600, 1800, 3, true), csv(0, 1800, 4)];
    const summaries = await Promise.all(
      files.map((content, i) => importExportRecords(server.db, content, { format: "csv", source, mode: "strict", batchSize: 250, actor: `reversed import ${i}` })),
    );
    for (const summary of summaries) expect({ ok: summary.ok, errors: summary.errors }).toEqual({ ok: true, errors: [] });
    const result = await stored(source);
    expect({ ...result, values: undefined }).toEqual({ rows: 1800, keys: 1800, sources: 1, values: undefined });
    expect(result.values.every((v) => [1, 2, 3, 4].includes(v))).toBe(true);
  }, 60_000);
});

describe("a strict import while the API serves reads", () => {
  it("is never seen half done", async () => {
    const COUNT = `{ exportRecords(first: 1) { totalCount } }`;
    const count = async () => (await server.gql<{ exportRecords: { totalCount: number } }>(COUNT)).body.data!.exportRecords.totalCount;
    const before = await count();
    const rows = 3000;
    const seen: number[] = [];
    const polls: Array<Promise<void>> = [];
    const poll = () => polls.push(count().then((n) => void seen.push(n)));

    let importing = true;
    const reader = (async () => {
      while (importing) {
        poll();
        await polls.at(-1);
      }
    })();
    const summary = await importExportRecords(server.db, csv(5000, 5000 + rows, 7), {
      format: "csv",
      source: { publisher: "Concurrency test", title: "strict import under reads" },
      mode: "strict",
      batchSize: 200,
      // A read after each batch: the batch is written but not committed.
      onProgress: () => poll(),
    });
    importing = false;
    await reader;
    await Promise.all(polls);

    expect(summary.ok).toBe(true);
    expect(summary.inserted).toBe(rows);
    const after = await count();
    expect(after).toBe(before + rows);
    expect(seen.length).toBeGreaterThan(rows / 200 - 1);
    expect(seen.filter((n) => n !== before && n !== after)).toEqual([]);
    console.log(`concurrency: ${seen.length} reads during the import saw ${seen.filter((n) => n === before).length}× before, ${seen.filter((n) => n === after).length}× after, never between`);
  }, 60_000);
});
