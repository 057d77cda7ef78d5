import type { ExportRecordValues } from "@tradegraph/db/sql";
import type { DomainErrorCode } from "@tradegraph/domain";

/** `comtrade`: UN Comtrade CSV; `csv` and `json`: the native columns (docs/import.md). */
export type ImportFormat = "comtrade" | "csv" | "json";

/**
 * How rows reach export_record: `copy` streams them (COPY FROM STDIN) into a staging table and merges it with one
 * statement; `batched` writes multi-row statements of `batchSize` rows (the embedded database, whose wire protocol
 * has no COPY FROM STDIN).
 */
export type ImportWriter = "copy" | "batched";

/** `strict`: one bad row and nothing is written. `lenient`: good rows are written, bad rows rejected. */
export type ImportMode = "strict" | "lenient";

/**
 * Machine-readable reasons. Row-level codes reject one row; file-level codes stop the whole import (CSV_SYNTAX
 * and UNKNOWN_COLUMN can be either: an open quote or a JSON key / a record too long or a CSV header).
 */
export type ImportErrorCode =
  | DomainErrorCode
  // row level
  | "MISSING_VALUE"
  | "MISSING_FIGURES"
  | "UNKNOWN_COMMODITY"
  | "SAME_COUNTRY"
  | "INVALID_FLAG"
  | "INVALID_RANK"
  | "INVALID_FREQUENCY"
  | "INVALID_FLOW"
  | "REPORTER_MISMATCH"
  | "CURRENCY_MISMATCH"
  | "VALUE_MISMATCH"
  | "MISSING_UNIT"
  | "UNIT_WITHOUT_QUANTITY"
  | "DUPLICATE_KEY"
  | "COLUMN_COUNT"
  | "CSV_SYNTAX"
  | "INVALID_JSON"
  // file level
  | "EMPTY_FILE"
  | "UNKNOWN_FORMAT"
  | "WRONG_DELIMITER"
  | "MISSING_COLUMN"
  | "UNKNOWN_COLUMN"
  | "DUPLICATE_COLUMN"
  | "TOO_MANY_ROWS"
  | "INPUT_TOO_LARGE"
  | "NO_REFERENCE_DATA"
  | "SOURCE_CONFLICT";

/** One problem with the input. `line` is the 1-based line where the row starts (the element's position in a JSON array). */
export interface ImportIssue {
  line: number;
  field?: string;
  code: ImportErrorCode;
  message: string;
}

/** A row left out in lenient mode, with its text as read. */
export interface RejectedRow extends ImportIssue {
  raw: string;
}

/** Why a row was read but deliberately not imported (Comtrade rows that are not a bilateral flow). */
export type SkipReason = "world" | "notCountry" | "otherFlow" | "breakdown" | "sameCountry";

/** Where the figures come from. Publisher and title identify it; it is created when missing. */
export interface SourceInput {
  publisher: string;
  title: string;
  url?: string | null;
  retrievalNote?: string | null;
  /** Generated data. Set automatically for the reserved synthetic publisher. */
  synthetic?: boolean;
}

export interface ImportProgress {
  /** Data rows read so far. */
  rows: number;
  /** Bytes of input consumed so far. */
  bytes: number;
  /** True once every row is read and the import writes (the COPY path's merge: the longest step). */
  writing?: boolean;
}

export interface ImportOptions {
  /** Detected from `fileName` and the first bytes when absent. */
  format?: ImportFormat;
  /** The file's name, for format detection and the default Comtrade source. */
  fileName?: string;
  /** Required except for Comtrade files, which default to the one "UN Comtrade, Comtrade database" source. */
  source?: SourceInput;
  /** Default "strict". */
  mode?: ImportMode;
  /** Validate and count what would change, write nothing. */
  dryRun?: boolean;
  /** Stored in created_by / updated_by. */
  actor?: string;
  /** More data rows than this stops the import with TOO_MANY_ROWS. */
  maxRows?: number;
  /** Default `copy`, `batched` on the embedded database. */
  writer?: ImportWriter;
  /** Rows per statement of the batched writer, and between progress calls. Default 10,000. */
  batchSize?: number;
  /** Called for each rejected row (lenient mode), e.g. to write a rejects file. */
  onReject?: (row: RejectedRow) => void | Promise<void>;
  /** Called every `batchSize` rows, at the end of the input, and when writing starts. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary {
  /** False when nothing was written because of an error (any error in strict mode, a file-level one in either). */
  ok: boolean;
  dryRun: boolean;
  mode: ImportMode;
  format: ImportFormat | null;
  /** The write path taken (null when the import stopped before it started). */
  writer: ImportWriter | null;
  source: { id: number | null; publisher: string; title: string; synthetic: boolean } | null;
  /** Data rows read (the header not counted). */
  read: number;
  /** inserted + updated (in a dry run: what would be). */
  written: number;
  inserted: number;
  updated: number;
  /** Rows identical to what is stored; not rewritten. */
  unchanged: number;
  skipped: number;
  /** Skipped rows by reason, and by the code that caused it (e.g. "partner W00", "flow RX"). */
  skippedBy: Partial<Record<SkipReason, number>>;
  skippedCodes: Record<string, number>;
  /** Rows with an error (not written). */
  rejected: number;
  /** False when strict mode stopped reading after MAX_REPORTED_ERRORS errors (the import had failed anyway). */
  complete: boolean;
  /** The first MAX_REPORTED_ERRORS problems; `errorCount` has the total. */
  errors: ImportIssue[];
  errorCount: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * One validated export_record row, ready to write: the columns of `writeExportRecords`, with the figures as exact
 * decimal strings (null when the source gives none). `period` is "YYYY-MM" (MONTHLY) or "YYYY" (ANNUAL).
 */
export type ExportRow = ExportRecordValues & { quantityTonnes: string | null; valueUsd: string | null };
