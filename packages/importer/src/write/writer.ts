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

const FIGURES = [
  "quantity_tonnes",
  "value_usd",
  "quantity_approximate",
  "value_approximate",
  "quantity_estimated",
  "value_estimated",
  "reported_rank",
] as const;
const COLUMNS = ["exporter_code", "importer_code", "commodity_code", "period", ...FIGURES] as const;

// One array parameter per column: a batch is one statement whatever its size.
const ROWS = `unnest($1::bpchar[], $2::bpchar[], $3::varchar[], $4::date[], $5::numeric[], $6::numeric[],
  $7::bool[], $8::bool[], $9::bool[], $10::bool[], $11::int[]) AS r(${COLUMNS.join(", ")})`;

const changed = (a: string, b: string) =>
  `(${FIGURES.map((c) => `${a}.${c}`).join(", ")}) IS DISTINCT FROM (${FIGURES.map((c) => `${b}.${c}`).join(", ")})`;

// Upsert by natural key; a row whose figures are unchanged is not rewritten. xmax = 0 marks a fresh insert.
const UPSERT = `
WITH written AS (
  INSERT INTO export_record AS e (${COLUMNS.join(", ")}, source_id, created_by, updated_by)
  SELECT r.*, $12::int, $13::text, $13::text FROM ${ROWS}
  ON CONFLICT (exporter_code, importer_code, commodity_code, period, source_id) DO UPDATE SET
    ${FIGURES.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, updated_at = now(), updated_by = EXCLUDED.updated_by
  WHERE ${changed("e", "EXCLUDED")}
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;

// For a source created by this import there is nothing to conflict with: a plain insert is cheaper.
const INSERT = `
INSERT INTO export_record (${COLUMNS.join(", ")}, source_id, created_by, updated_by)
SELECT r.*, $12::int, $13::text, $13::text FROM ${ROWS}`;

// What UPSERT would do, without writing (dry run). LATERAL … LIMIT 1 keeps this an index lookup per row:
// right after a bulk load the statistics are stale and a plain join may hash the whole source's rows per batch.
const COMPARE = `
SELECT count(*) FILTER (WHERE e.id IS NULL)::int AS inserted,
       count(*) FILTER (WHERE e.id IS NOT NULL AND ${changed("e", "r")})::int AS updated
FROM ${ROWS}
LEFT JOIN LATERAL (
  SELECT * FROM export_record x
  WHERE x.exporter_code = r.exporter_code AND x.importer_code = r.importer_code AND x.commodity_code = r.commodity_code
    AND x.period = r.period AND x.source_id = $12::int
  LIMIT 1
) e ON TRUE`;

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
 * (16 bits), the month counted from 1900-01 (14 bits). Cheaper to index than the four columns.
 */
export function keyEncoder(ref: ReferenceData): (row: ExportRow) => number {
  const countries = new Map([...ref.countries].sort().map((code, i) => [code, i]));
  const commodities = new Map([...ref.commodities].sort().map((code, i) => [code, i]));
  if (countries.size > 512 || commodities.size > 65_536) throw new Error("Too many countries or commodities for the duplicate check's key.");
  return (row) => {
    const month = (Number(row.period.slice(0, 4)) - 1900) * 12 + Number(row.period.slice(5, 7)) - 1;
    return ((countries.get(row.exporter)! * 512 + countries.get(row.importer)!) * 65_536 + commodities.get(row.commodity)!) * 16_384 + month;
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

/** The batch as one array literal per column of ROWS. */
function columns(rows: readonly LineRow[]): string[] {
  const column = (get: (row: ExportRow) => string | number | boolean | null) => literal(rows.map((r) => get(r.row)));
  return [
    column((r) => r.exporter),
    column((r) => r.importer),
    column((r) => r.commodity),
    column((r) => `${r.period}-01`),
    column((r) => r.quantityTonnes),
    column((r) => r.valueUsd),
    column((r) => r.quantityApproximate),
    column((r) => r.valueApproximate),
    column((r) => r.quantityEstimated),
    column((r) => r.valueEstimated),
    column((r) => r.reportedRank),
  ];
}

/**
 * Writes batches of rows for one source inside the caller's transaction: one statement per batch records
 * the natural keys (finding duplicates of earlier rows), one upserts the rows (in a dry run, compares them).
 */
export class BatchWriter {
  private constructor(
    private readonly client: PoolClient,
    private readonly sourceId: number,
    private readonly actor: string | null,
    private readonly dryRun: boolean,
    private readonly newSource: boolean,
    private readonly key: (row: ExportRow) => number,
  ) {}

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

    const params = [...columns(rows), this.sourceId];
    if (this.dryRun) {
      const { rows: [counts] } = await this.client.query<{ inserted: number; updated: number }>(COMPARE, params);
      Object.assign(result, counts);
    } else if (this.newSource) {
      result.inserted = (await this.client.query(INSERT, [...params, this.actor])).rowCount ?? 0;
    } else {
      const { rows: [counts] } = await this.client.query<{ inserted: number; updated: number }>(UPSERT, [...params, this.actor]);
      Object.assign(result, counts);
    }
    result.unchanged = rows.length - result.inserted - result.updated;
    return result;
  }
}
