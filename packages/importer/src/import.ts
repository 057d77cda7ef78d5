import type { Pool } from "pg";
import { FatalImportError, ImportOptionError } from "./errors";
import { defaultWriter, emptySummary, runPipeline, type Candidate, type RawText } from "./pipeline";
import { readCsv, toCsvLine } from "./read/csv";
import { delimiterProblem, detectFormat } from "./read/detect";
import { ByteCounter, headText, peek, toReadable, type ImportInput } from "./read/input";
import { readJson } from "./read/json";
import type { ReadRecord } from "./read/records";
import type { ImportFormat, ImportOptions, ImportSummary, SourceInput } from "./types";
import { pick, resolveHeader, type ColumnIndex, type ColumnSpec } from "./validate/columns";
import { COMTRADE_COLUMNS, validateComtrade } from "./validate/comtrade";
import { RowError, type ReferenceData } from "./validate/fields";
import { NATIVE_COLUMNS, validateNative } from "./validate/native";

const DEFAULT_ACTOR = "importer";
/** Enough of the input to see its format and header. */
const HEAD_BYTES = 64 * 1024;

const RULES: Record<ImportFormat, { spec: ColumnSpec; name: string; comtrade: boolean }> = {
  comtrade: { spec: COMTRADE_COLUMNS, name: "UN Comtrade", comtrade: true },
  csv: { spec: NATIVE_COLUMNS, name: "native CSV", comtrade: false },
  json: { spec: NATIVE_COLUMNS, name: "native JSON", comtrade: false },
};

/**
 * The one source every Comtrade download updates (unless told otherwise): overlapping downloads upsert the same
 * observations instead of adding a source each, so they converge.
 */
export const COMTRADE_SOURCE: SourceInput = { publisher: "UN Comtrade", title: "Comtrade database", url: "https://comtradeplus.un.org/" };

/** The default source of a Comtrade file; native files must name theirs. */
function sourceFor(format: ImportFormat, options: ImportOptions): SourceInput {
  if (options.source) return options.source;
  if (format === "comtrade") return COMTRADE_SOURCE;
  throw new ImportOptionError("SOURCE_REQUIRED", 'A source is required for native files: pass { publisher, title } (CLI: --source "Publisher, Title").');
}

/** Keys of a JSON object mapped to the canonical column names; unknown keys are an error for that row. */
function canonicalKeys(values: Record<string, unknown>, spec: ColumnSpec): Record<string, unknown> {
  const names = new Map([...spec.required, ...spec.optional].map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = names.get(key.toLowerCase());
    if (!name) throw new RowError("UNKNOWN_COLUMN", `Key "${key}" is not one of ${[...names.values()].join(", ")}.`, key);
    out[name] = value;
  }
  return out;
}

/** Read records → validated candidates. The first CSV record is the header, checked here. */
async function* toCandidates(records: AsyncIterable<ReadRecord>, format: ImportFormat, ref: ReferenceData): AsyncGenerator<Candidate> {
  const { spec, name, comtrade } = RULES[format];
  let index: ColumnIndex | undefined;
  let width = 0;
  for await (const record of records) {
    const { line } = record;
    if ("error" in record) {
      yield { line, raw: record.raw, issue: record.error };
      continue;
    }
    const raw: RawText = "cells" in record ? () => toCsvLine(record.cells) : record.raw;
    try {
      let values: Record<string, unknown>;
      if ("cells" in record) {
        if (!index) {
          const problem = delimiterProblem(record.cells);
          if (problem) throw new FatalImportError({ line, code: "WRONG_DELIMITER", message: problem });
          const resolved = resolveHeader(record.cells, spec, name);
          if ("issue" in resolved) throw new FatalImportError({ ...resolved.issue, line });
          index = resolved.index;
          width = record.cells.length;
          continue;
        }
        if (record.cells.length !== width) {
          const message =
            record.cells.length < width
              ? `The row has ${record.cells.length} of the header's ${width} columns (cut short, or a missing comma).`
              : `The row has ${record.cells.length} columns, the header ${width} (a comma inside a value that is not quoted?).`;
          throw new RowError("COLUMN_COUNT", message);
        }
        values = pick(record.cells, index);
      } else {
        values = canonicalKeys(record.values, spec);
      }
      if (comtrade) {
        const outcome = validateComtrade(values, ref);
        yield "row" in outcome ? { line, raw, row: outcome.row } : { line, skip: outcome.skip, detail: outcome.detail };
      } else {
        yield { line, raw, row: validateNative(values, ref) };
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      yield { line, raw, issue: error.toIssue(line) };
    }
  }
  if (!index && format !== "json") throw new FatalImportError({ line: 1, code: "EMPTY_FILE", message: "The file has no readable header row." });
}

/**
 * Imports trade flows from a UN Comtrade CSV or a native CSV/JSON file into export_record, for one source.
 * `input` is a stream or the file's whole content. Streams in constant memory and writes in batches inside one
 * transaction: strict mode (default) writes nothing if any row is bad; lenient mode writes the good rows and
 * hands the bad ones to `onReject`. Importing the same file again changes nothing. Input problems are reported
 * in the summary (`ok: false`, `errors`); only database failures and invalid options (ImportOptionError, e.g.
 * SOURCE_REQUIRED) throw.
 */
export async function importExportRecords(db: { pool: Pool; embedded?: boolean }, input: ImportInput, options: ImportOptions = {}): Promise<ImportSummary> {
  const mode = options.mode ?? "strict";
  const dryRun = options.dryRun ?? false;
  const counter = new ByteCounter();
  const { head, stream } = await peek(toReadable(input), HEAD_BYTES);
  const text = headText(head);

  let format: ImportFormat;
  let source: SourceInput;
  try {
    if (!text.trim()) throw new FatalImportError({ line: 1, code: "EMPTY_FILE", message: "The file is empty." });
    format = options.format ?? detectFormat(options.fileName, text);
    source = sourceFor(format, options);
  } catch (error) {
    stream.destroy();
    if (!(error instanceof FatalImportError)) throw error;
    const summary = emptySummary({ mode, dryRun, format: options.format ?? null });
    return { ...summary, ok: false, errors: [error.issue], errorCount: 1 };
  }
  stream.pipe(counter);
  const records = format === "json" ? readJson(counter, text) : readCsv(counter);
  try {
    return await runPipeline(db.pool, (ref) => toCandidates(records, format, ref), {
      source,
      format,
      mode,
      dryRun,
      actor: options.actor ?? DEFAULT_ACTOR,
      writer: options.writer ?? defaultWriter(db),
      batchSize: options.batchSize,
      maxRows: options.maxRows,
      onReject: options.onReject,
      onProgress: options.onProgress,
      bytesRead: () => counter.bytes,
    });
  } finally {
    stream.destroy();
  }
}
