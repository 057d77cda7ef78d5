import { ExportRecordStaging, exportRecordTable, pgRun, type StagingCopy } from "@tradegraph/db/sql";
import type { PoolClient } from "pg";
import type { ExportRow } from "../types";
import type { ReferenceData } from "../validate/fields";
import { rawText, type Duplicate, type RawText, type RowSink, type SinkOptions } from "./sink";
import { keyEncoder } from "./writer";

const STAGING = "import_staging";
const WORK_MEM = "64MB";
/** Before the record's columns: the line it came from, its natural key as one number (keyEncoder), its text when rejects are kept. */
const EXTRA = [
  { name: "line", type: "integer NOT NULL" },
  { name: "key", type: "bigint NOT NULL" },
  { name: "raw", type: "text" },
];

const col = (key: keyof typeof exportRecordTable.spec) => `s.${exportRecordTable.nameOf(key)}`;
/** The duplicates taken out of the staging table, read back in line order a page at a time (a file may have millions). */
const DUPLICATES = "import_duplicates";
const DUPLICATE_PAGE = 10_000;
const CREATE_DUPLICATES = `CREATE TEMP TABLE ${DUPLICATES} (line integer PRIMARY KEY, first_line integer NOT NULL,
  "exporterCode" text NOT NULL, "importerCode" text NOT NULL, "commodityCode" text NOT NULL, period text NOT NULL, raw text) ON COMMIT DROP`;
/**
 * Every row whose key an earlier line already had, with that first line, moved from the staging table into the
 * duplicates table (the first row for a key is the one kept). One sort of the keys, whatever the number of rows.
 */
const TAKE_DUPLICATES = `
WITH d AS (
  SELECT line, first_line FROM (SELECT line, min(line) OVER (PARTITION BY key) AS first_line FROM ${STAGING}) w
  WHERE line <> first_line
), taken AS (
  DELETE FROM ${STAGING} s USING d WHERE s.line = d.line
  RETURNING d.line, d.first_line, ${col("exporterCode")}, ${col("importerCode")}, ${col("commodityCode")},
    to_char(${col("period")}, CASE WHEN ${col("frequency")} = 'ANNUAL' THEN 'YYYY' ELSE 'YYYY-MM' END), s.raw
)
INSERT INTO ${DUPLICATES} SELECT * FROM taken`;
const PAGE_OF_DUPLICATES = `SELECT * FROM ${DUPLICATES} WHERE line > $1 ORDER BY line LIMIT ${DUPLICATE_PAGE}`;

/**
 * The COPY path: rows are streamed into a temporary staging table as they are read (COPY FROM STDIN on the
 * import's connection); at the end the duplicates are found set-wise (one window over the staged keys) and the
 * rest is merged into export_record with one statement (insert, upsert or compare).
 */
export class CopySink implements RowSink {
  private constructor(
    private readonly client: PoolClient,
    private readonly staging: ExportRecordStaging,
    private readonly copy: StagingCopy,
    private readonly options: SinkOptions,
    private readonly key: (row: ExportRow) => number,
  ) {}

  static async open(client: PoolClient, options: SinkOptions & { ref: ReferenceData }): Promise<CopySink> {
    // The duplicate check and the merge each sort the staged rows: in memory rather than on disk where it fits.
    await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    const staging = await ExportRecordStaging.create(client, { name: STAGING, extra: EXTRA });
    await client.query(CREATE_DUPLICATES);
    return new CopySink(client, staging, staging.copy(), options, keyEncoder(options.ref));
  }

  add(line: number, row: ExportRow, raw: RawText): Promise<void> | undefined {
    return this.copy.add(row, [line, this.key(row), this.options.keepRaw ? rawText(raw) : null]);
  }

  async finish(): Promise<void> {
    const staged = await this.copy.end();
    if (staged === 0) return;
    // Temporary tables get no statistics on their own; the merge's plan depends on the row count.
    await this.client.query(`ANALYZE ${STAGING}`);
    const taken = await this.client.query(TAKE_DUPLICATES);
    if (taken.rowCount) await this.reportDuplicates();
    if (!this.options.persist()) return;

    const { dryRun, newSource, sourceId, actor } = this.options;
    const rows = staged - (taken.rowCount ?? 0);
    const written = await this.staging.merge(pgRun(this.client), {
      mode: dryRun ? "compare" : newSource ? "insert" : "upsert",
      sourceId,
      actor,
      orderBy: "key", // the natural key's order (keyEncoder)
    });
    this.options.onWritten({ ...written, unchanged: rows - written.inserted - written.updated });
  }

  /** Hands every duplicate to onDuplicate in line order, one page in memory at a time. */
  private async reportDuplicates(): Promise<void> {
    for (let after = 0; ; ) {
      const page = await this.client.query<{ line: number; first_line: number; raw: string | null } & Duplicate["row"]>(PAGE_OF_DUPLICATES, [after]);
      for (const { line, first_line, raw, ...row } of page.rows) {
        await this.options.onDuplicate({ line, firstLine: first_line, row, raw: raw ?? undefined });
      }
      if (page.rows.length < DUPLICATE_PAGE) return;
      after = page.rows.at(-1)!.line;
    }
  }

  async abort(): Promise<void> {
    await this.copy.abort();
  }
}
