import type { Readable } from "node:stream";
import { Parser, type CsvError } from "csv-parse";
import { FatalImportError } from "../errors";
import type { ReadRecord } from "./records";

/** Longest record accepted, so that a quote left open cannot swallow the rest of a large file into memory. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * csv-parse with each record tagged with the line it ends on. Its `info`/`raw` options would do this too but
 * cost four times the parsing itself; the parser's live line counter is read here as each record is pushed.
 */
class LineParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(record === null ? null : { cells: record, endLine: this.info.lines }, encoding);
  }
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes("\n") || cell.includes("\r")) count += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

/** A record as CSV text again (for rejects files): quoted where needed. */
export function toCsvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
}

/**
 * Streams CSV records (the header first) with the line each starts on. Quoted fields may hold commas, quotes
 * and line breaks; a byte-order mark is dropped; blank lines are skipped. A quote still open at the end of
 * the input makes that last record a CSV_SYNTAX error; a record longer than MAX_RECORD_CHARS stops the import.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<ReadRecord> {
  // Parse errors arrive through a callback, ahead of the records before them: each waits for its turn.
  const problems: Array<{ after: number; code: string; message: string; raw: string }> = [];
  const parser = new LineParser({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const message = error ? error.message.replace(/^[^:]*: /, "").replace(/ at line \d+$/, "") : "unreadable record";
      problems.push({ after: parser.info.records, code: error?.code ?? "", message, raw: raw ?? "" });
      return undefined;
    },
  });
  stream.on("error", (error) => parser.destroy(error));
  parser.on("close", () => stream.destroy());
  stream.pipe(parser);

  let records = 0;
  let lastLine = 0;
  function* due(): Generator<ReadRecord> {
    while (problems.length > 0 && problems[0]!.after <= records) {
      const { code, message, raw } = problems.shift()!;
      const line = lastLine + 1;
      if (code === "CSV_MAX_RECORD_SIZE") {
        throw new FatalImportError({ line, code: "CSV_SYNTAX", message: `The record starting near line ${line} is longer than ${MAX_RECORD_CHARS} characters: is a quote left open?` });
      }
      const explained = code === "CSV_QUOTE_NOT_CLOSED" ? "a quote opened in this row is never closed (is the file cut short?)" : message;
      yield { line, raw, error: { line, code: "CSV_SYNTAX", message: `CSV syntax: ${explained}.` } };
    }
  }

  for await (const { cells, endLine } of parser as AsyncIterable<{ cells: string[]; endLine: number }>) {
    yield* due();
    yield { line: endLine - lineBreaks(cells), cells };
    records += 1;
    lastLine = endLine;
  }
  records = Infinity;
  yield* due();
}
