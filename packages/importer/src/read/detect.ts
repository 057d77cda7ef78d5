import path from "node:path";
import { FatalImportError } from "../errors";
import type { ImportFormat } from "../types";

const JSON_EXTENSIONS = new Set([".json", ".jsonl", ".ndjson"]);

/**
 * The format of a file from its name and first text (byte-order mark removed): JSON by extension or a leading
 * `{`/`[`; otherwise CSV, Comtrade when the header has Comtrade's field names.
 */
export function detectFormat(fileName: string | undefined, head: string): ImportFormat {
  const extension = fileName ? path.extname(fileName).toLowerCase() : "";
  if (JSON_EXTENSIONS.has(extension) || /^\s*[[{]/.test(head)) return "json";
  const header = (head.split(/\r?\n|\r/, 1)[0] ?? "").toLowerCase();
  if (/\breporteriso\b|\bflowcode\b|\bcmdcode\b/.test(header)) return "comtrade";
  if (/\bexporter\b/.test(header)) return "csv";
  throw new FatalImportError({
    line: 1,
    code: "UNKNOWN_FORMAT",
    message: `Cannot tell the format from the header "${header.slice(0, 120)}": expected UN Comtrade fields (reporterISO, partnerISO, flowCode, …) or the native columns (exporter, importer, commodity, period, …). Pass --format to say which.`,
  });
}

/** Says so when a header line is separated by something other than commas. */
export function delimiterProblem(header: readonly string[]): string | null {
  if (header.length !== 1) return null;
  const line = header[0] ?? "";
  for (const [delimiter, name] of [[";", "semicolons"], ["\t", "tabs"], ["|", "vertical bars"]] as const) {
    if (line.includes(delimiter)) {
      return `The header is separated by ${name}, not commas ("${line.slice(0, 80)}"). Save the file as comma-separated CSV (for example, choose "CSV (comma delimited)" in a spreadsheet).`;
    }
  }
  return null;
}
