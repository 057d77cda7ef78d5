import type { RowOf } from "./table";
import { exportRecordFigures, exportRecordFlow, exportRecordTable, type ExportRecordRow } from "./tables";

/**
 * Sends one statement and returns its rows: `pgRun(client)` for a pg client or pool, `prismaRun(tx)` inside a
 * Prisma transaction.
 */
export type Run = (text: string, values: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function pgRun(client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> }): Run {
  return async (text, values) => (await client.query(text, values)).rows as Array<Record<string, unknown>>;
}

export function prismaRun(tx: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }): Run {
  return (text, values) => tx.$queryRawUnsafe<Array<Record<string, unknown>>>(text, ...values);
}

/**
 * The columns an import or a mutation gives for one export record (its source is passed separately): the
 * natural key and the figures of the description. `period` is "YYYY-MM" (MONTHLY) or "YYYY" (ANNUAL); figures are numbers or exact decimal
 * strings, null when the source gives none. Values are expected to be validated already (the domain's rules,
 * `storableTonnes` and `storableUsd`).
 */
type Figure = number | string | null;
type StatedValue = "value" | "currency" | "cifValue" | "fobValue" | "supplementaryQuantity" | "supplementaryUnit" | "supplementaryQuantityEstimated";
export type ExportRecordValues = Omit<
  RowOf<typeof exportRecordFlow & typeof exportRecordFigures>,
  "quantityTonnes" | "valueUsd" | StatedValue | "supplementaryQuantity"
> & {
  quantityTonnes: Figure;
  /** The value in USD; for a figure in another currency give `value` and `currency` and leave this null. */
  valueUsd: Figure;
} & Partial<{
    /** Default: `valueUsd` when the currency is USD. */
    value: Figure;
    /** ISO 4217; default USD. */
    currency: string;
    cifValue: Figure;
    fobValue: Figure;
    supplementaryQuantity: Figure;
    supplementaryUnit: string | null;
    supplementaryQuantityEstimated: boolean;
  }>;

/**
 * The row with every column of the description. Currency USD unless given; for USD the value is `valueUsd`
 * (or `value` when only that is given), so a USD figure is stated once and `value` = `valueUsd`.
 */
export function completeExportRecordValues(row: ExportRecordValues): Required<ExportRecordValues> {
  const currency = row.currency ?? "USD";
  const usd = currency === "USD" ? (row.valueUsd ?? row.value ?? null) : row.valueUsd;
  return {
    ...row,
    value: currency === "USD" ? usd : (row.value ?? null),
    currency,
    valueUsd: usd,
    cifValue: row.cifValue ?? null,
    fobValue: row.fobValue ?? null,
    supplementaryQuantity: row.supplementaryQuantity ?? null,
    supplementaryUnit: row.supplementaryUnit ?? null,
    supplementaryQuantityEstimated: row.supplementaryQuantityEstimated ?? false,
  };
}

/**
 * - `insert`: the rows are new (e.g. their source was created in this transaction); a natural key that exists is a
 *   unique violation.
 * - `upsert`: by natural key (exporter, importer, commodity, frequency, period,
 *   reporter, flow, source); an existing row is rewritten only when
 *   a figure, flag or the rank differs (`IS DISTINCT FROM`).
 * - `compare`: counts what `upsert` would do and writes nothing (a dry run).
 * - `update`: the one row with `id` takes the values and the source; rewritten only when something differs.
 */
export type WriteMode = "insert" | "upsert" | "compare" | "update";

export interface WriteOptions {
  mode: WriteMode;
  sourceId: number;
  /** Stored in created_by on insert and updated_by on insert and change. */
  actor: string | null;
  /** The record to update (mode `update`). */
  id?: number;
  /** Return the written rows, and the stored ones left unchanged (not for `compare`). */
  returning?: boolean;
}

export interface WriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** With `returning`: the rows as stored after the statement, decoded. */
  rows: ExportRecordRow[];
}

// Shared with the COPY path (copy-export-records.ts): the written columns, in the description's order.
export const FLOW_KEYS = Object.keys(exportRecordFlow) as Array<keyof typeof exportRecordFlow>;
const FIGURE_KEYS = Object.keys(exportRecordFigures) as Array<keyof typeof exportRecordFigures>;
export const VALUE_KEYS = [...FLOW_KEYS, ...FIGURE_KEYS];
const name = (key: keyof typeof exportRecordTable.spec) => exportRecordTable.nameOf(key);
export const VALUE_COLUMNS = VALUE_KEYS.map(name);
const FIGURE_COLUMNS = FIGURE_KEYS.map(name);
const ID_COLUMN = name("id");
const SOURCE = name("sourceId");
const KEY_COLUMNS = [...FLOW_KEYS.map(name), SOURCE];
export const WHO = `${name("createdBy")}, ${name("updatedBy")}`;
export const UPDATED = `${name("updatedAt")} = now(), ${name("updatedBy")}`;

// One array parameter per column of VALUE_KEYS, then the source, the actor and the id. The bulk
// statements cast the arrays to the column types without modifiers (char(2) → bpchar, numeric(18,3) → numeric),
// as the insert coerces each value anyway; the update compares the input with the stored row, so it casts to
// the full types (a figure rounds to the column's scale before the comparison).
const baseType = (type: string) => type.replace(/\(.*\)$/, "").replace(/^char$/, "bpchar");
const unnest = (cast: (type: string) => string) =>
  `unnest(${VALUE_KEYS.map((key, i) => `$${i + 1}::${cast(exportRecordTable.spec[key].type)}[]`).join(", ")}) AS r(${VALUE_COLUMNS.join(", ")})`;
const ROWS = unnest(baseType);
const TYPED_ROWS = unnest((type) => type);
const SOURCE_ID = `$${VALUE_KEYS.length + 1}::integer`;
const ACTOR = `$${VALUE_KEYS.length + 2}::text`;
const ID = `$${VALUE_KEYS.length + 3}::integer`;

export const list = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${c}`).join(", ");
/** The figures of rows a and b differ (NULL-safe). */
export const changed = (a: string, b: string) => `(${list(a, FIGURE_COLUMNS)}) IS DISTINCT FROM (${list(b, FIGURE_COLUMNS)})`;
/** Stored rows x with the natural key of the input row r. */
const SAME_KEY = `${FLOW_KEYS.map((key) => `x.${name(key)} = r.${name(key)}`).join(" AND ")} AND x.${SOURCE} = ${SOURCE_ID}`;

const INSERT_INTO = `INSERT INTO ${exportRecordTable.name} AS e (${VALUE_COLUMNS.join(", ")}, ${SOURCE}, ${WHO})
  SELECT r.*, ${SOURCE_ID}, ${ACTOR}, ${ACTOR} FROM`;
export const ON_CONFLICT = `ON CONFLICT (${KEY_COLUMNS.join(", ")}) DO UPDATE SET
    ${FIGURE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, ${UPDATED} = EXCLUDED.${name("updatedBy")}
  WHERE ${changed("e", "EXCLUDED")}`;

/** Selected rows: the written ones (`inserted` says which were new) and, with a match, the stored unchanged ones. */
const returned = (unchanged: string) => `
SELECT ${exportRecordTable.columns("w").text}, w.inserted FROM written w
UNION ALL
SELECT ${exportRecordTable.columns("x").text}, NULL FROM ${unchanged} AND NOT EXISTS (SELECT 1 FROM written w WHERE w.${ID_COLUMN} = x.${ID_COLUMN})`;

const STATEMENTS = {
  // xmax = 0 marks a fresh insert.
  upsert: `
WITH written AS (${INSERT_INTO} ${ROWS} ${ON_CONFLICT} RETURNING (xmax = 0) AS inserted)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
  upsertReturning: `
WITH r AS (SELECT * FROM ${ROWS}),
written AS (${INSERT_INTO} r ${ON_CONFLICT} RETURNING e.*, (xmax = 0) AS inserted)
${returned(`${exportRecordTable.name} x JOIN r ON ${SAME_KEY} WHERE TRUE`)}`,
  insert: `${INSERT_INTO} ${ROWS}`,
  insertReturning: `WITH written AS (${INSERT_INTO} ${ROWS} RETURNING e.*, TRUE AS inserted) ${returned(`${exportRecordTable.name} x WHERE FALSE`)}`,
  // LATERAL … LIMIT 1 keeps this an index lookup per row: right after a bulk load the statistics are stale and a
  // plain join may hash the whole source's rows per batch.
  compare: `
SELECT count(*) FILTER (WHERE e.${ID_COLUMN} IS NULL)::int AS inserted,
       count(*) FILTER (WHERE e.${ID_COLUMN} IS NOT NULL AND ${changed("e", "r")})::int AS updated
FROM ${ROWS}
LEFT JOIN LATERAL (
  SELECT * FROM ${exportRecordTable.name} x WHERE ${SAME_KEY}
  LIMIT 1
) e ON TRUE`,
  updateReturning: `
WITH r AS (SELECT * FROM ${TYPED_ROWS}),
written AS (
  UPDATE ${exportRecordTable.name} e SET ${VALUE_COLUMNS.map((c) => `${c} = r.${c}`).join(", ")}, ${SOURCE} = ${SOURCE_ID}, ${UPDATED} = ${ACTOR}
  FROM r WHERE e.${ID_COLUMN} = ${ID} AND (${list("e", VALUE_COLUMNS)}, e.${SOURCE}) IS DISTINCT FROM (${list("r", VALUE_COLUMNS)}, ${SOURCE_ID})
  RETURNING e.*, FALSE AS inserted
)
${returned(`${exportRecordTable.name} x WHERE x.${ID_COLUMN} = ${ID}`)}`,
};

/** The written columns of a stored record (e.g. to merge an update into). */
export function exportRecordValues(row: ExportRecordRow): ExportRecordValues {
  const values = {} as Record<string, unknown>;
  for (const key of VALUE_KEYS) values[key] = row[key];
  return values as unknown as ExportRecordValues;
}

/** A period as its first day: "2024-01" → "2024-01-01", "2023" → "2023-01-01". */
export const firstDay = (period: string) => (period.length === 4 ? `${period}-01-01` : `${period}-01`);

/** A PostgreSQL array literal; validated codes, months, numbers and flags go unquoted (the common, fast case). */
function literal(values: ReadonlyArray<string | number | boolean | null>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ",";
    if (value === null) out += "NULL";
    else if (value === true) out += "t";
    else if (value === false) out += "f";
    else if (typeof value === "number" || /^[\w.+-]+$/.test(value!)) out += String(value);
    else out += `"${value!.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return out + "}";
}

/** The rows as one array literal per column of ROWS. */
function arrays(rows: readonly ExportRecordValues[]): string[] {
  const full = rows.map(completeExportRecordValues);
  return VALUE_KEYS.map((key) => literal(full.map((row) => (key === "period" ? firstDay(row.period) : row[key]))));
}

/**
 * The one way export records are written: by the importer (batches of any size), the API's mutations (one row,
 * `returning`) and the seed. One statement per call, whatever the number of rows.
 */
export async function writeExportRecords(run: Run, rows: readonly ExportRecordValues[], options: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, updated: 0, unchanged: 0, rows: [] };
  if (rows.length === 0) return result;
  const { mode, returning = false } = options;
  if (mode === "update" && (rows.length !== 1 || options.id === undefined)) throw new Error("An update writes one row, by its id.");
  const params: unknown[] = [...arrays(rows), options.sourceId];
  if (mode !== "compare") params.push(options.actor);
  if (mode === "update") params.push(options.id);

  if (mode === "compare") {
    Object.assign(result, (await run(STATEMENTS.compare, params))[0]);
  } else if (mode === "update" || returning) {
    const statement = mode === "update" ? STATEMENTS.updateReturning : mode === "insert" ? STATEMENTS.insertReturning : STATEMENTS.upsertReturning;
    for (const selected of await run(statement, params)) {
      const { inserted, ...row } = selected;
      if (inserted === true) result.inserted += 1;
      else if (inserted === false) result.updated += 1;
      else result.unchanged += 1;
      result.rows.push(exportRecordTable.decode(row));
    }
    return result;
  } else if (mode === "insert") {
    await run(STATEMENTS.insert, params);
    result.inserted = rows.length;
  } else {
    Object.assign(result, (await run(STATEMENTS.upsert, params))[0]);
  }
  result.unchanged = rows.length - result.inserted - result.updated;
  return result;
}
