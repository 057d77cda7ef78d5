import type { ExportRow } from "../types";

/** A row's text as read, or how to produce it (only needed if the row is rejected). */
export type RawText = string | (() => string);

export const rawText = (raw: RawText | undefined): string => (typeof raw === "function" ? raw() : (raw ?? ""));

/** A row whose natural key an earlier row of the same import already had. */
export interface Duplicate {
  line: number;
  firstLine: number;
  row: Pick<ExportRow, "exporterCode" | "importerCode" | "commodityCode" | "period">;
  raw: RawText | undefined;
}

export interface SinkCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Where the pipeline's valid rows go, inside its transaction: `copy` (COPY into a staging table, checked and
 * merged set-wise at the end) or `batched` (multi-row statements while reading; the embedded database).
 */
export interface RowSink {
  /** Takes one valid row; a promise means "wait before the next one" (back-pressure). */
  add(line: number, row: ExportRow, raw: RawText): Promise<void> | undefined;
  /** After the last row: reports every duplicate and writes what is left to write. */
  finish(): Promise<void>;
  /** Stops early (a fatal error): leaves the connection ready for ROLLBACK. */
  abort(): Promise<void>;
}

export interface SinkOptions {
  sourceId: number;
  /** The source was created in this transaction, so none of its rows exist yet (a plain insert). */
  newSource: boolean;
  actor: string | null;
  dryRun: boolean;
  /** False once a strict import has failed: rows are still checked (duplicates) but no longer written. */
  persist: () => boolean;
  /** Rows are needed as read for rejects (duplicates): keep them. */
  keepRaw: boolean;
  onDuplicate: (duplicate: Duplicate) => Promise<void>;
  onWritten: (counts: SinkCounts) => void;
}
