import { pgRun, writeExportRecords, type Run } from "@tradegraph/db/sql";
import type { PoolClient } from "pg";
import type { ExportRow } from "../types";
import type { ReferenceData } from "../validate/fields";

/** A validated row and the line it came from. */
export interface LineRow {
  line: number;
  row: ExportRow;
}

export interface BatchResult {
  /** Rows whose natural key an earlier row of the same import already had: line → that earlier line. */
  duplicates: Map<number, number>;
  inserted: number;
  updated: number;
  unchanged: number;
}

// Natural keys seen so far in this import, one number each (see keyEncoder), to find duplicates across batches.
const CREATE_SEEN = "CREATE TEMP TABLE import_seen (key bigint PRIMARY KEY, line int NOT NULL) ON COMMIT DROP";
const MARK_SEEN = "INSERT INTO import_seen SELECT * FROM unnest($1::bigint[], $2::int[]) ON CONFLICT DO NOTHING";
// (Temporary tables have no statistics: LATERAL … LIMIT 1 keeps this an index lookup per row.)
const FIND_DUPLICATES = `
SELECT k.line, s.line AS first_line FROM unnest($1::bigint[], $2::int[]) AS k(key, line)
JOIN LATERAL (SELECT line FROM import_seen WHERE key = k.key LIMIT 1) s ON s.line <> k.line`;

/**
 * A natural key (the source being fixed) as an exact integer below 2^53: exporter and importer by their
 * position among the known countries (9 bits each), the commodity by its position among the known ones
 * (16 bits), the month counted from 1900-01 (14 bits; an annual period is its January), the frequency (1 bit) and
 * the flow (2 bits; the flow fixes the reporter). Cheaper to index than the seven columns.
 */
const FLOW_BITS: Record<string, number> = { EXPORT: 0, IMPORT: 1, RE_EXPORT: 2, RE_IMPORT: 3 };

export function keyEncoder(ref: ReferenceData): (row: ExportRow) => number {
  const countries = new Map([...ref.countries].sort().map((code, i) => [code, i]));
  const commodities = new Map([...ref.commodities].sort().map((code, i) => [code, i]));
  if (countries.size > 512 || commodities.size > 65_536) throw new Error("Too many countries or commodities for the duplicate check's key.");
  return (row) => {
    const month = (Number(row.period.slice(0, 4)) - 1900) * 12 + (row.period.length === 4 ? 0 : Number(row.period.slice(5, 7)) - 1);
    const pair = (countries.get(row.exporterCode)! * 512 + countries.get(row.importerCode)!) * 65_536 + commodities.get(row.commodityCode)!;
    return ((pair * 16_384 + month) * 2 + (row.frequency === "ANNUAL" ? 1 : 0)) * 4 + FLOW_BITS[row.flow]!;
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
 * Writes batches of rows for one source inside the caller's transaction: one statement per batch records
 * the natural keys (finding duplicates of earlier rows), one writes the rows through writeExportRecords (a plain
 * insert into a source this import created, an upsert otherwise, a comparison in a dry run).
 */
export class BatchWriter {
  private readonly run: Run;

  private constructor(
    private readonly client: PoolClient,
    private readonly sourceId: number,
    private readonly actor: string | null,
    private readonly dryRun: boolean,
    private readonly newSource: boolean,
    private readonly key: (row: ExportRow) => number,
  ) {
    this.run = pgRun(client);
  }

  /** `newSource`: the source was created in this transaction, so none of its rows exist yet. */
  static async open(
    client: PoolClient,
    options: { sourceId: number; newSource: boolean; actor: string | null; dryRun: boolean; ref: ReferenceData },
  ): Promise<BatchWriter> {
    await client.query(CREATE_SEEN);
    return new BatchWriter(client, options.sourceId, options.actor, options.dryRun, options.newSource, keyEncoder(options.ref));
  }

  /** Records the batch's keys and, when `persist`, writes its rows (except duplicates). */
  async write(rows: readonly LineRow[], persist: boolean): Promise<BatchResult> {
    const result: BatchResult = { duplicates: new Map(), inserted: 0, updated: 0, unchanged: 0 };
    if (rows.length === 0) return result;
    const keys = [literal(rows.map((r) => this.key(r.row))), literal(rows.map((r) => r.line))];
    const marked = await this.client.query(MARK_SEEN, keys);
    if ((marked.rowCount ?? 0) < rows.length) {
      const found = await this.client.query<{ line: number; first_line: number }>(FIND_DUPLICATES, keys);
      for (const { line, first_line } of found.rows) result.duplicates.set(line, first_line);
      rows = rows.filter(({ line }) => !result.duplicates.has(line));
    }
    if (!persist || rows.length === 0) return result;

    const mode = this.dryRun ? "compare" : this.newSource ? "insert" : "upsert";
    const written = await writeExportRecords(this.run, rows.map((r) => r.row), { mode, sourceId: this.sourceId, actor: this.actor });
    result.inserted = written.inserted;
    result.updated = written.updated;
    result.unchanged = rows.length - result.inserted - result.updated;
    return result;
  }
}
