import { reporterOf } from "@tradegraph/domain";
import type { ExportRow } from "../types";
import type { ColumnSpec } from "./columns";
import { checkRow, commodity, country, frequency, period, rank, RowError, tonnes, tradeFlow, usd, text, type ReferenceData } from "./fields";

/** The native columns (CSV header or JSON keys); docs/import.md describes them. */
export const NATIVE_COLUMNS: ColumnSpec = {
  required: ["exporter", "importer", "commodity", "period"],
  oneOf: [["quantityTonnes", "valueUsd"]],
  optional: ["quantityTonnes", "valueUsd", "flags", "reportedRank", "frequency", "reporter", "flow"],
  allowOthers: false,
};

export const NATIVE_FLAGS = ["quantityApproximate", "valueApproximate", "quantityEstimated", "valueEstimated"] as const;
type Flag = (typeof NATIVE_FLAGS)[number];
const flagByName = new Map<string, Flag>(NATIVE_FLAGS.map((name) => [name.toLowerCase(), name]));

/** "quantityApproximate|valueEstimated" (separated by |, ;, commas or spaces), or a JSON array of those names. */
export function parseFlags(value: unknown): Record<Flag, boolean> {
  const flags = { quantityApproximate: false, valueApproximate: false, quantityEstimated: false, valueEstimated: false };
  const names = Array.isArray(value) ? value.map(text) : text(value).split(/[\s|;,]+/);
  for (const name of names.filter(Boolean)) {
    const flag = flagByName.get(name.toLowerCase());
    if (!flag) throw new RowError("INVALID_FLAG", `flags: "${name}" is not one of ${NATIVE_FLAGS.join(", ")}.`, "flags");
    flags[flag] = true;
  }
  return flags;
}

/**
 * Validates one native record (keys are the canonical column names). Throws RowError. Without the optional
 * `frequency`, `flow` and `reporter` (files of the old format) a row is a monthly export reported by its exporter.
 */
export function validateNative(values: Record<string, unknown>, ref: ReferenceData): ExportRow {
  const exporterCode = country(values.exporter, "exporter", ref);
  const importerCode = country(values.importer, "importer", ref);
  const freq = frequency(values.frequency, "frequency", "MONTHLY");
  const flow = tradeFlow(values.flow, "flow");
  const reporterCode = reporterOf(flow, exporterCode, importerCode);
  if (text(values.reporter) && country(values.reporter, "reporter", ref) !== reporterCode) {
    throw new RowError(
      "REPORTER_MISMATCH",
      `reporter "${text(values.reporter)}" cannot report flow ${flow} from ${exporterCode} to ${importerCode}: ${flow} is reported by ${reporterCode}.`,
      "reporter",
    );
  }
  return checkRow(
    {
      exporterCode,
      importerCode,
      commodityCode: commodity(values.commodity, "commodity", ref),
      frequency: freq,
      period: period(values.period, "period", freq),
      reporterCode,
      flow,
      quantityTonnes: tonnes(values.quantityTonnes, "quantityTonnes"),
      valueUsd: usd(values.valueUsd, "valueUsd"),
      ...parseFlags(values.flags),
      reportedRank: rank(values.reportedRank, "reportedRank"),
    },
    { exporter: "exporter", importer: "importer", figures: "quantityTonnes" },
  );
}
