import type { ClientBase } from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { changed, completeExportRecordValues, firstDay, FLOW_KEYS, list, ON_CONFLICT, VALUE_COLUMNS, VALUE_KEYS, WHO, type ExportRecordValues, type Run } from "./export-records";
import type { ColumnKind } from "./table";
import { commodityTable, countryTable, exportRecordTable, sourceTable } from "./tables";

// The bulk path beside writeExportRecords: rows are streamed with COPY FROM STDIN into a temporary staging table
// whose columns are the written columns of the table description (plus any the caller adds, e.g. a line number),
// then merged into export_record with one statement. The columns are taken from exportRecordFlow and
// exportRecordFigures, so a column added there flows through without changes here.

/** A column the caller adds to the staging table before the record's columns (e.g. `line integer`). */
export interface StagingColumn {
  name: string;
  type: string;
}

/** A value of an extra column, as the caller gives it. */
export type StagingValue = string | number | boolean | null;

export interface StagingOptions {
  /** The temporary table's name (dropped at the end of the transaction). Default export_record_staging. */
  name?: string;
  extra?: readonly StagingColumn[];
}

/** How each kind of column is written in COPY's text format (NULL is `\N`). */
const NULL = "\\N";
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
function copyText(value: StagingValue): string {
  if (value === null) return NULL;
  if (value === true) return "t";
  if (value === false) return "f";
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}
const ENCODE: Partial<Record<ColumnKind, (value: never) => string>> = {
  period: (value: string) => firstDay(value),
};
const encoders = VALUE_KEYS.map((key) => {
  const encode = ENCODE[exportRecordTable.spec[key].kind] as ((value: unknown) => string) | undefined;
  return (value: unknown) => (value === null || value === undefined ? NULL : encode ? encode(value) : copyText(value as StagingValue));
});

/** The record's values as one COPY text line, after the extra columns' values. */
function copyLine(values: ExportRecordValues, extra: readonly StagingValue[]): string {
  let line = "";
  for (const value of extra) line += copyText(value) + "\t";
  const record = completeExportRecordValues(values) as unknown as Record<string, unknown>;
  for (let i = 0; i < VALUE_KEYS.length; i++) {
    if (i > 0) line += "\t";
    line += encoders[i]!(record[VALUE_KEYS[i]!]);
  }
  return line + "\n";
}

const name = (key: keyof typeof exportRecordTable.spec) => exportRecordTable.nameOf(key);
const SOURCE = name("sourceId");
const ID = name("id");
// Stored rows x with the natural key of staged row s, in the source $1.
const SAME_KEY = `${FLOW_KEYS.map((key) => `x.${name(key)} = s.${name(key)}`).join(" AND ")} AND x.${SOURCE} = $1::integer`;
const INSERT = `INSERT INTO ${exportRecordTable.name} AS e (${VALUE_COLUMNS.join(", ")}, ${SOURCE}, ${WHO})`;
const SELECT = `SELECT ${list("s", VALUE_COLUMNS)}, $1::integer, $2::text, $2::text`;

/**
 * The foreign keys of export_record, checked for all staged rows at once: each distinct code the rows use is
 * locked FOR KEY SHARE (what the per-row check locks); true when every one exists. (`$1`: the source.)
 */
const lockReferences = (staging: string) => {
  const country = countryTable.nameOf("code");
  const hsCode = commodityTable.nameOf("hsCode");
  const sourceId = sourceTable.nameOf("id");
  const countryCodes = (["exporterCode", "importerCode", "reporterCode"] as const).map((key) => `SELECT ${name(key)} AS code FROM ${staging}`).join(" UNION ");
  return `WITH countries AS (${countryCodes}),
      commodities AS (SELECT DISTINCT ${name("commodityCode")} AS code FROM ${staging}),
      locked_countries AS (SELECT ${country} FROM ${countryTable.name} WHERE ${country} IN (SELECT code FROM countries) FOR KEY SHARE),
      locked_commodities AS (SELECT ${hsCode} FROM ${commodityTable.name} WHERE ${hsCode} IN (SELECT code FROM commodities) FOR KEY SHARE),
      locked_source AS (SELECT ${sourceId} FROM ${sourceTable.name} WHERE ${sourceId} = $1::integer FOR KEY SHARE)
    SELECT (SELECT count(*) FROM countries) = (SELECT count(*) FROM locked_countries)
       AND (SELECT count(*) FROM commodities) = (SELECT count(*) FROM locked_commodities)
       AND (SELECT count(*) FROM locked_source) = 1 AS complete`;
};

/** Bytes of COPY data collected before they are sent. */
const CHUNK = 256 * 1024;

/**
 * One COPY FROM STDIN into the staging table, fed row by row. `add` returns a promise only when the connection
 * is behind (await it: back-pressure); `end` finishes the COPY, `abort` cancels it (CopyFail) so that the
 * connection can roll back.
 */
export class StagingCopy {
  private chunk = "";
  private failure: Error | undefined;
  private readonly finished: Promise<void>;
  /** Rows added so far. */
  rows = 0;

  constructor(private readonly stream: CopyStreamQuery) {
    this.finished = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", (error: Error) => {
        this.failure ??= error;
        reject(error);
      });
    });
    this.finished.catch(() => {}); // surfaced by add() and end()
  }

  add(values: ExportRecordValues, extra: readonly StagingValue[] = []): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.chunk += copyLine(values, extra);
    this.rows += 1;
    if (this.chunk.length < CHUNK) return undefined;
    const ready = this.stream.write(this.chunk);
    this.chunk = "";
    if (ready) return undefined;
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
    });
  }

  /** Sends the rest and completes the COPY. Returns the number of rows PostgreSQL stored. */
  async end(): Promise<number> {
    if (this.failure) throw this.failure;
    this.stream.end(this.chunk);
    this.chunk = "";
    await this.finished;
    return this.stream.rowCount;
  }

  /** Cancels the COPY (nothing of it stays) and waits until the connection takes statements again. */
  async abort(): Promise<void> {
    if (this.stream.destroyed || this.stream.writableFinished) return;
    this.stream.destroy(new Error("import aborted"));
    await this.finished.catch(() => {});
  }
}

/**
 * A temporary table shaped like the written columns of export_record (same SQL types, so values are coerced
 * and rounded as the table would), dropped at the end of the transaction; filled by COPY, merged into
 * export_record by one statement. Runs on one connection inside the caller's transaction.
 */
export class ExportRecordStaging {
  private constructor(
    private readonly client: ClientBase,
    /** The temporary table's name. */
    readonly name: string,
    readonly extra: readonly StagingColumn[],
  ) {}

  static async create(client: ClientBase, options: StagingOptions = {}): Promise<ExportRecordStaging> {
    const table = options.name ?? "export_record_staging";
    const extra = options.extra ?? [];
    const columns = [
      ...extra.map((c) => `${c.name} ${c.type}`),
      ...VALUE_KEYS.map((key) => `${name(key)} ${exportRecordTable.spec[key].type}${exportRecordTable.spec[key].nullable ? "" : " NOT NULL"}`),
    ];
    await client.query(`CREATE TEMP TABLE ${table} (${columns.join(", ")}) ON COMMIT DROP`);
    return new ExportRecordStaging(client, table, extra);
  }

  /** Starts COPY FROM STDIN into the table: every extra column, then the record's. */
  copy(): StagingCopy {
    const columns = [...this.extra.map((c) => c.name), ...VALUE_COLUMNS];
    return new StagingCopy(this.client.query(copyFrom(`COPY ${this.name} (${columns.join(", ")}) FROM STDIN`)));
  }

  /**
   * Merges the staged rows (natural keys must be distinct) into `sourceId` with one statement:
   * - `insert`: all new (the source was created in this transaction); a plain INSERT … SELECT.
   * - `upsert`: INSERT … SELECT … ON CONFLICT (natural key) DO UPDATE … WHERE (figures) IS DISTINCT FROM …; rows
   *   equal to the stored ones are left out of the SELECT, so they are neither locked nor rewritten.
   * - `compare`: counts what `upsert` would do, writes nothing (a dry run).
   * `orderBy` (an expression over the staging table's columns, e.g. a key column): rows are written in that order;
   * in the natural key's order, the index insertions are close together instead of scattered.
   */
  async merge(
    run: Run,
    options: { mode: "insert" | "upsert" | "compare"; sourceId: number; actor: string | null; orderBy?: string },
  ): Promise<{ inserted: number; updated: number }> {
    const s = `${this.name} s`;
    const order = options.orderBy ? `ORDER BY s.${options.orderBy}` : "";
    if (options.mode === "compare") {
      const [counts] = await run(
        `SELECT count(*) FILTER (WHERE x.${ID} IS NULL)::int AS inserted, count(*) FILTER (WHERE x.${ID} IS NOT NULL AND ${changed("x", "s")})::int AS updated
         FROM ${s} LEFT JOIN ${exportRecordTable.name} x ON ${SAME_KEY}`,
        [options.sourceId],
      );
      return { inserted: Number(counts!.inserted), updated: Number(counts!.updated) };
    }
    const checkedSetWise = await this.checkReferencesSetWise(options.sourceId);
    const written = await this.write(run, options.mode, s, order, options);
    if (checkedSetWise) await this.client.query("SET LOCAL session_replication_role = origin");
    return written;
  }

  /**
   * The foreign-key checks of the merge, done once for all rows instead of once per row and key (the per-row
   * checks were about 60 % of a merge into a new source: docs/import.md). When every code the staged rows use
   * exists, locked as the per-row checks would lock it, the merge runs with session_replication_role = replica,
   * which skips the per-row checks (and any other trigger: export_record has none). Needs the privilege to set
   * that parameter (a superuser's, or granted); without it, or when a code is missing, the per-row checks run
   * as usual and report what is wrong. Returns true when the merge is to reset the parameter.
   */
  private async checkReferencesSetWise(sourceId: number): Promise<boolean> {
    const { rows } = await this.client.query<{ may: boolean }>("SELECT has_parameter_privilege('session_replication_role', 'SET') AS may");
    if (!rows[0]?.may) return false;
    const locked = await this.client.query<{ complete: boolean }>(lockReferences(this.name), [sourceId]);
    if (!locked.rows[0]?.complete) return false;
    await this.client.query("SET LOCAL session_replication_role = replica");
    return true;
  }

  private async write(run: Run, mode: "insert" | "upsert", s: string, order: string, options: { sourceId: number; actor: string | null }): Promise<{ inserted: number; updated: number }> {
    if (mode === "insert") {
      const rows = await run(`WITH written AS (${INSERT} ${SELECT} FROM ${s} ${order} RETURNING 1) SELECT count(*)::int AS n FROM written`, [options.sourceId, options.actor]);
      return { inserted: Number(rows[0]!.n), updated: 0 };
    }
    const [counts] = await run(
      `WITH written AS (
         ${INSERT} ${SELECT} FROM ${s}
         WHERE NOT EXISTS (SELECT 1 FROM ${exportRecordTable.name} x WHERE ${SAME_KEY} AND NOT (${changed("x", "s")}))
         ${order}
         ${ON_CONFLICT}
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
      [options.sourceId, options.actor],
    );
    return { inserted: Number(counts!.inserted), updated: Number(counts!.updated) };
  }
}
