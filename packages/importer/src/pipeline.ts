import { performance } from "node:perf_hooks";
import type { Pool } from "pg";
import { FatalImportError } from "./errors";
import type { ExportRow, ImportFormat, ImportIssue, ImportMode, ImportProgress, ImportSummary, RejectedRow, SkipReason, SourceInput } from "./types";
import type { ReferenceData } from "./validate/fields";
import { loadReferenceData, upsertSource } from "./write/source";
import { BatchWriter, type LineRow } from "./write/writer";

/** A row's text as read, or how to produce it (only needed if the row is rejected). */
export type RawText = string | (() => string);

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
  batchSize?: number;
  maxRows?: number;
  onReject?: (row: RejectedRow) => void | Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /** Input bytes consumed so far, for progress. */
  bytesRead?: () => number;
}

export function emptySummary(settings: Pick<PipelineSettings, "mode" | "dryRun" | "format">): ImportSummary {
  return {
    ok: true,
    dryRun: settings.dryRun,
    mode: settings.mode,
    format: settings.format,
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

/**
 * Runs one import in one transaction: reads candidates (validated against the database's reference data),
 * writes them in batches while the next batch is being read, then commits, or rolls back in strict mode
 * when any row failed, on a fatal error, and in a dry run.
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
    if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(issue);
    if (settings.onReject) await settings.onReject({ ...issue, raw: typeof raw === "function" ? raw() : (raw ?? "") });
  };

  const client = await pool.connect();
  let broken: Error | undefined;
  let inflight: Promise<void> | undefined;
  try {
    const ref = await loadReferenceData(client);
    await client.query("BEGIN");
    const source = await upsertSource(client, settings.source, settings.actor);
    // Imports into one source run one at a time: overlapping files in opposite row orders would deadlock.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tradegraph_import'), $1)", [source.id]);
    summary.source = { id: source.id, publisher: source.publisher, title: source.title, synthetic: source.synthetic };
    const writer = await BatchWriter.open(client, { sourceId: source.id, newSource: source.created, actor: settings.actor, dryRun: settings.dryRun, ref });
    const raws = new Map<number, RawText>();

    const write = async (batch: LineRow[]) => {
      // Strict mode stops writing at the first error (everything is rolled back) but still reads on to report the rest.
      const result = await writer.write(batch, !strict || summary.errorCount === 0);
      const rowAt = result.duplicates.size > 0 ? new Map(batch.map((r) => [r.line, r.row])) : undefined;
      for (const [line, firstLine] of result.duplicates) {
        const row = rowAt!.get(line)!;
        await report(
          {
            line,
            code: "DUPLICATE_KEY",
            message: `${row.exporterCode} → ${row.importerCode}, ${row.commodityCode}, ${row.period} is already on line ${firstLine}: a file may give each exporter, importer, commodity and month once.`,
          },
          raws.get(line),
        );
      }
      for (const { line } of batch) raws.delete(line);
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
      summary.rejected += result.duplicates.size;
    };
    let batch: LineRow[] = [];
    const flush = async () => {
      await inflight;
      inflight = write(batch);
      inflight.catch(() => {}); // awaited at the next flush or below
      batch = [];
    };

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
        batch.push({ line: candidate.line, row: candidate.row });
        raws.set(candidate.line, candidate.raw);
        if (batch.length >= batchSize) await flush();
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
    await flush();
    await inflight;
    settings.onProgress?.({ rows: summary.read, bytes: settings.bytesRead?.() ?? 0 });
    if (summary.read === 0) {
      throw new FatalImportError({ line: 1, code: "EMPTY_FILE", message: "The input has no data rows." });
    }

    summary.ok = !strict || summary.errorCount === 0;
    await client.query(summary.ok && !settings.dryRun ? "COMMIT" : "ROLLBACK");
    if (!summary.ok && !settings.dryRun) Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0 });
  } catch (error) {
    await inflight?.catch(() => {});
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    if (!(error instanceof FatalImportError)) throw error;
    Object.assign(summary, { ok: false, inserted: 0, updated: 0, unchanged: 0 });
    summary.errorCount += 1;
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
