import { reporterOf } from "@tradegraph/domain";
import type { ExportRow } from "../types";
import type { ColumnSpec } from "./columns";
import {
  amount,
  checkRow,
  commodity,
  country,
  currency,
  frequency,
  period,
  rank,
  RowError,
  supplementaryQuantity,
  text,
  tonnes,
  tradeFlow,
  unit,
  usd,
  type ReferenceData,
} from "./fields";

/** The native columns (CSV header or JSON keys); docs/import.md describes them. */
export const NATIVE_COLUMNS: ColumnSpec = {
  required: ["exporter", "importer", "commodity", "period"],
  oneOf: [["quantityTonnes", "valueUsd", "value"]],
  optional: [
    "quantityTonnes",
    "valueUsd",
    "value",
    "currency",
    "cifValue",
    "fobValue",
    "supplementaryQuantity",
    "supplementaryUnit",
    "flags",
    "reportedRank",
    "frequency",
    "reporter",
    "flow",
  ],
  allowOthers: false,
};

export const NATIVE_FLAGS = ["quantityApproximate", "valueApproximate", "quantityEstimated", "valueEstimated", "supplementaryQuantityEstimated"] as const;
type Flag = (typeof NATIVE_FLAGS)[number];
const flagByName = new Map<string, Flag>(NATIVE_FLAGS.map((name) => [name.toLowerCase(), name]));

/** "quantityApproximate|valueEstimated" (separated by |, ;, commas or spaces), or a JSON array of those names. */
export function parseFlags(value: unknown): Record<Flag, boolean> {
  const flags = { quantityApproximate: false, valueApproximate: false, quantityEstimated: false, valueEstimated: false, supplementaryQuantityEstimated: false };
  const names = Array.isArray(value) ? value.map(text) : text(value).split(/[\s|;,]+/);
  for (const name of names.filter(Boolean)) {
    const flag = flagByName.get(name.toLowerCase());
    if (!flag) throw new RowError("INVALID_FLAG", `flags: "${name}" is not one of ${NATIVE_FLAGS.join(", ")}.`, "flags");
    flags[flag] = true;
  }
  return flags;
}

type StatedValue = Pick<ExportRow, "valueUsd" | "value" | "currency" | "cifValue" | "fobValue">;

/**
 * The value in its currency (USD when `currency` is empty) with the CIF and FOB values. `valueUsd` is the USD
 * figure: on a USD row it and `value` are one figure (either may be given, both only when equal); a row in
 * another currency states `value` and has no `valueUsd` (no conversion is invented).
 */
export function statedValue(values: Record<string, unknown>): StatedValue {
  const code = currency(values.currency, "currency");
  const valueUsd = usd(values.valueUsd, "valueUsd");
  const value = amount(values.value, "value");
  if (code !== "USD" && valueUsd !== null) {
    throw new RowError(
      "CURRENCY_MISMATCH",
      `valueUsd is a US-dollar figure but the row's currency is ${code}: give the ${code} amount in value and leave valueUsd empty.`,
      "valueUsd",
    );
  }
  if (code === "USD" && value !== null && valueUsd !== null && value !== valueUsd) {
    throw new RowError("VALUE_MISMATCH", `value ${value} and valueUsd ${valueUsd} differ; in USD they are one figure (give either).`, "value");
  }
  const usdValue = code === "USD" ? (valueUsd ?? value) : null;
  return {
    valueUsd: usdValue,
    value: code === "USD" ? usdValue : value,
    currency: code,
    cifValue: amount(values.cifValue, "cifValue"),
    fobValue: amount(values.fobValue, "fobValue"),
  };
}

/** The supplementary quantity and its unit: both or neither. */
export function supplementary(quantity: string | null, unitName: string | null, fields: { quantity: string; unit: string }) {
  if (quantity !== null && unitName === null) {
    throw new RowError("MISSING_UNIT", `${fields.quantity} ${quantity} has no unit: give ${fields.unit} (u, l, m², …).`, fields.unit);
  }
  if (quantity === null && unitName !== null) {
    throw new RowError("UNIT_WITHOUT_QUANTITY", `${fields.unit} "${unitName}" is given without a quantity in ${fields.quantity}.`, fields.unit);
  }
  return { supplementaryQuantity: quantity, supplementaryUnit: unitName };
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
      ...statedValue(values),
      ...supplementary(supplementaryQuantity(values.supplementaryQuantity, "supplementaryQuantity"), unit(values.supplementaryUnit, "supplementaryUnit"), {
        quantity: "supplementaryQuantity",
        unit: "supplementaryUnit",
      }),
      ...parseFlags(values.flags),
      reportedRank: rank(values.reportedRank, "reportedRank"),
    },
    { exporter: "exporter", importer: "importer", figures: "quantityTonnes" },
  );
}
