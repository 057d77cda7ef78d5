import { pgRun, writeExportRecords, type Run } from "@tradegraph/db/sql";
import type { PoolClient } from "pg";
import type { ExportRow } from "../types";
import type { ReferenceData } from "../validate/fields";
import type { RawText, RowSink, SinkOptions } from "./sink";

/** A validated row and the line it came from. */
export interface LineRow {
  line: number;
  row: ExportRow;
}

// Natural keys seen so far in this import, one number each (see keyEncoder), to find duplicates across batches.
const CREATE_SEEN = "CREATE TEMP TABLE import_seen (key bigint PRIMARY KEY, line int NOT NULL) ON COMMIT DROP";
const MARK_SEEN = "INSERT INTO import_seen SELECT * FROM unnest($1::bigint[], $2::int[]) ON CONFLICT DO NOTHING";
// (Temporary tables have no statistics: LATERAL … LIMIT 1 keeps this an index lookup per row.)
const FIND_DUPLICATES = `
SELECT k.line, s.line AS first_line FROM unnest($1::bigint[], $2::int[]) AS k(key, line)
JOIN LATERAL (SELECT line FROM import_seen WHERE key = k.key LIMIT 1) s ON s.line <> k.line`;

/**
 * A natural key (the source being fixed) as an exact integer below 2^53, in the order of the unique index
 * export_record_natural_key (exporter, period, importer, commodity, frequency, flow; the flow fixes the
 * reporter): the exporter by its position among the known countries (9 bits), the month counted from 1900-01
 * (14 bits; an annual period is its January), the importer (9 bits), the commodity by its position among the
 * known ones (16 bits), the frequency (1 bit) and the flow (2 bits). Cheaper to index and sort than the seven
 * columns; sorting by it sorts by the index, so the COPY path's merge inserts in index order.
 */
const FLOW_BITS: Record<string, number> = { EXPORT: 0, IMPORT: 1, RE_EXPORT: 2, RE_IMPORT: 3 };

export function keyEncoder(ref: ReferenceData): (row: ExportRow) => number {
  const countries = new Map([...ref.countries].sort().map((code, i) => [code, i]));
  const commodities = new Map([...ref.commodities].sort().map((code, i) => [code, i]));
  if (countries.size > 512 || commodities.size > 65_536) throw new Error("Too many countries or commodities for the duplicate check's key.");
  return (row) => {
    const month = (Number(row.period.slice(0, 4)) - 1900) * 12 + (row.period.length === 4 ? 0 : Number(row.period.slice(5, 7)) - 1);
    const flow = ((countries.get(row.exporterCode)! * 16_384 + month) * 512 + countries.get(row.importerCode)!) * 65_536 + commodities.get(row.commodityCode)!;
    return (flow * 2 + (row.frequency === "ANNUAL" ? 1 : 0)) * 4 + FLOW_BITS[row.flow]!;
  };
}

/**
 * A PostgreSQL array literal. The values are validated codes, dates, decimals and flags, which never need
 * quoting; building the literal here is several times faster than the pg driver's general serializer.
 */
function literal(values: ReadonlyArray<string | number | boolean | null>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ",";
    out += value === null ? "NULL" : value === true ? "t" : value === false ? "f" : String(value);
  }
  return out + "}";
}

/**
 * The batched path (the embedded database, whose wire protocol has no COPY FROM STDIN): rows are written in
 * batches while the next batch is being read. Per batch one statement records the natural keys (finding
 * duplicates of earlier rows) and one writes the rows through writeExportRecords (a plain insert into a source
 * this import created, an upsert otherwise, a comparison in a dry run).
 */
export class BatchedSink implements RowSink {
  private readonly run: Run;
  private batch: LineRow[] = [];
  private readonly raws = new Map<number, RawText>();
  private inflight: Promise<void> | undefined;

  private constructor(
    private readonly client: PoolClient,
    private readonly options: SinkOptions,
    private readonly batchSize: number,
    private readonly key: (row: ExportRow) => number,
  ) {
    this.run = pgRun(client);
  }

  static async open(client: PoolClient, options: SinkOptions & { ref: ReferenceData; batchSize: number }): Promise<BatchedSink> {
    await client.query(CREATE_SEEN);
    return new BatchedSink(client, options, options.batchSize, keyEncoder(options.ref));
  }

  add(line: number, row: ExportRow, raw: RawText): Promise<void> | undefined {
    this.batch.push({ line, row });
    if (this.options.keepRaw) this.raws.set(line, raw);
    return this.batch.length >= this.batchSize ? this.flush() : undefined;
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  async abort(): Promise<void> {
    await this.inflight?.catch(() => {});
  }

  private async flush(): Promise<void> {
    await this.inflight;
    const batch = this.batch;
    this.batch = [];
    this.inflight = this.write(batch);
    this.inflight.catch(() => {}); // awaited at the next flush or in finish()
  }

  private async write(rows: LineRow[]): Promise<void> {
    if (rows.length === 0) return;
    const keys = [literal(rows.map((r) => this.key(r.row))), literal(rows.map((r) => r.line))];
    const marked = await this.client.query(MARK_SEEN, keys);
    if ((marked.rowCount ?? 0) < rows.length) {
      const found = await this.client.query<{ line: number; first_line: number }>(FIND_DUPLICATES, keys);
      const firstLine = new Map(found.rows.map((r) => [r.line, r.first_line]));
      for (const { line, row } of rows) {
        const first = firstLine.get(line);
        if (first !== undefined) await this.options.onDuplicate({ line, firstLine: first, row, raw: this.raws.get(line) });
      }
      rows = rows.filter(({ line }) => !firstLine.has(line));
    }
    for (const { line } of rows) this.raws.delete(line);
    // Strict mode stops writing at the first error (everything is rolled back) but still checks the rest.
    if (!this.options.persist() || rows.length === 0) return;

    const { dryRun, newSource, sourceId, actor } = this.options;
    const mode = dryRun ? "compare" : newSource ? "insert" : "upsert";
    const written = await writeExportRecords(this.run, rows.map((r) => r.row), { mode, sourceId, actor });
    this.options.onWritten({ inserted: written.inserted, updated: written.updated, unchanged: rows.length - written.inserted - written.updated });
  }
}
