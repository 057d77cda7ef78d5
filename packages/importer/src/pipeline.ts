import { performance } from "node:perf_hooks";
import type { Pool } from "pg";
import { FatalImportError } from "./errors";
import type { ExportRow, ImportFormat, ImportIssue, ImportMode, ImportProgress, ImportSummary, ImportWriter, RejectedRow, SkipReason, SourceInput } from "./types";
import type { ReferenceData } from "./validate/fields";
import { rawText, type RawText, type RowSink, type SinkOptions } from "./write/sink";
import { loadReferenceData, upsertSource } from "./write/source";
import { CopySink } from "./write/staged";
import { BatchedSink } from "./write/writer";

export type { RawText } from "./write/sink";

/** What a validated input record became. */
export type Candidate =
  | { line: number; raw: RawText; row: ExportRow }
  | { line: number; raw: RawText; issue: ImportIssue }
  | { line: number; skip: SkipReason; detail: string };

/** The summary lists at most this many errors; `errorCount` has them all. */
export const MAX_REPORTED_ERRORS = 100;
const MAX_SKIPPED_CODES = 50;
export const DEFAULT_BATCH_SIZE = 10_000;

export interface PipelineSettings {
  source: SourceInput;
  format: ImportFormat | null;
  mode: ImportMode;
  dryRun: boolean;
  actor: string | null;
  /** `copy` (default) or `batched` (the embedded database: its wire protocol has no COPY FROM STDIN). */
  writer: ImportWriter;
  batchSize?: number;
  maxRows?: number;
  onReject?: (row: RejectedRow) => void | Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /** Input bytes consumed so far, for progress. */
  bytesRead?: () => number;
}

export function emptySummary(settings: Pick<PipelineSettings, "mode" | "dryRun" | "format"> & { writer?: ImportWriter }): ImportSummary {
  return {
    ok: true,
    dryRun: settings.dryRun,
    mode: settings.mode,
    format: settings.format,
    writer: settings.writer ?? null,
    source: null,
    read: 0,
    written: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skippedBy: {},
    skippedCodes: {},
    rejected: 0,
    complete: true,
    errors: [],
    errorCount: 0,
    seconds: 0,
    rowsPerSecond: 0,
  };
}

/** COPY FROM STDIN, except on the embedded database (PGlite's wire protocol lacks it). */
export function defaultWriter(db: { embedded?: boolean }): ImportWriter {
  return db.embedded ? "batched" : "copy";
}

/** Keeps the listed errors to the first MAX_REPORTED_ERRORS by line (duplicates are found after the other errors). */
function trimErrors(errors: ImportIssue[]): void {
  errors.sort((a, b) => a.line - b.line);
  errors.length = Math.min(errors.length, MAX_REPORTED_ERRORS);
}

/**
 * Runs one import in one transaction: reads candidates (validated against the database's reference data), hands
 * the valid ones to the writer (COPY into a staging table, or batches on the embedded database), lets it find
 * duplicates and write, then commits, or rolls back in strict mode when any row failed, on a fatal error, and in
 * a dry run.
 */
export async function runPipeline(
  pool: Pool,
  candidates: (ref: ReferenceData) => AsyncIterable<Candidate>,
  settings: PipelineSettings,
): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary(settings);
  const batchSize = settings.batchSize ?? DEFAULT_BATCH_SIZE;
  const strict = settings.mode === "strict";

  const report = async (issue: ImportIssue, raw: RawText | undefined) => {
    summary.errorCount += 1;
    summary.errors.push(issue);
    if (summary.errors.length >= 2 * MAX_REPORTED_ERRORS) trimErrors(summary.errors);
    if (settings.onReject) await settings.onReject({ ...issue, raw: rawText(raw) });
  };

  const client = await pool.connect();
  let broken: Error | undefined;
  let sink: RowSink | undefined;
  try {
    const ref = await loadReferenceData(client);
    await client.query("BEGIN");
    const source = await upsertSource(client, settings.source, settings.actor);
    // Imports into one source run one at a time: overlapping files in opposite row orders would deadlock.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tradegraph_import'), $1)", [source.id]);
    summary.source = { id: source.id, publisher: source.publisher, title: source.title, synthetic: source.synthetic };
    const options: SinkOptions & { ref: ReferenceData; batchSize: number } = {
      sourceId: source.id,
      newSource: source.created,
      actor: settings.actor,
      dryRun: settings.dryRun,
      ref,
      batchSize,
      keepRaw: settings.onReject !== undefined,
      persist: () => !strict || summary.errorCount === 0,
      onDuplicate: async ({ line, firstLine, row, raw }) => {
        summary.rejected += 1;
        await report(
          {
            line,
            code: "DUPLICATE_KEY",
            message: `${row.exporterCode} → ${row.importerCode}, ${row.commodityCode}, ${row.period} is already on line ${firstLine}: a file may give each exporter, importer, commodity and month once.`,
          },
          raw,
        );
      },
      onWritten: (counts) => {
        summary.inserted += counts.inserted;
        summary.updated += counts.updated;
        summary.unchanged += counts.unchanged;
      },
    };
    sink = settings.writer === "batched" ? await BatchedSink.open(client, options) : await CopySink.open(client, options);

    for await (const candidate of candidates(ref)) {
      if (strict && summary.errorCount >= MAX_REPORTED_ERRORS) {
        summary.complete = false; // the import has failed; enough has been said
        break;
      }
      summary.read += 1;
      if (settings.maxRows !== undefined && summary.read > settings.maxRows) {
        throw new FatalImportError({ line: candidate.line, code: "TOO_MANY_ROWS", message: `The input has more than ${settings.maxRows} rows, the most one import may have.` });
      }
      if ("row" in candidate) {
        const wait = sink.add(candidate.line, candidate.row, candidate.raw);
        if (wait) await wait;
      } else if ("issue" in candidate) {
        summary.rejected += 1;
        await report(candidate.issue, candidate.raw);
      } else {
        summary.skipped += 1;
        summary.skippedBy[candidate.skip] = (summary.skippedBy[candidate.skip] ?? 0) + 1;
        if (candidate.detail in summary.skippedCodes || Object.keys(summary.skippedCodes).length < MAX_SKIPPED_CODES) {
          summary.skippedCodes[candidate.detail] = (summary.skippedCodes[candidate.detail] ?? 0) + 1;
        }
      }
      if (summary.read % batchSize === 0) settings.onProgress?.({ rows: summary.read, bytes: settings.bytesRead?.() ?? 0 });
    }
    settings.onProgress?.({ rows: summary.read, bytes: settings.bytesRead?.() ?? 0 });
    if (summary.read === 0) {
      throw new FatalImportError({ line: 1, code: "EMPTY_FILE", message: "The input has no data rows." });
    }
    settings.onProgress?.({ rows: summary.read, bytes: settings.bytesRead?.() ?? 0, writing: true });
    const finishing = sink;
    sink = undefined; // finished or failed, nothing to abort
    await finishing.finish();
    trimErrors(summary.errors);

    summary.ok = !strict || summary.errorCount === 0;
    await client.query(summary.ok && !settings.dryRun ? "COMMIT" : "ROLLBACK");
    if (!summary.ok && !settings.dryRun) Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0 });
  } catch (error) {
    await sink?.abort().catch(() => {});
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    if (!(error instanceof FatalImportError)) throw error;
    Object.assign(summary, { ok: false, inserted: 0, updated: 0, unchanged: 0 });
    summary.errorCount += 1;
    trimErrors(summary.errors);
    summary.errors.unshift(error.issue);
    summary.errors.length = Math.min(summary.errors.length, MAX_REPORTED_ERRORS);
  } finally {
    client.release(broken);
  }

  summary.written = summary.inserted + summary.updated;
  summary.seconds = (performance.now() - started) / 1000;
  summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.read / summary.seconds) : 0;
  return summary;
}
