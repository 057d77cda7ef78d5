import {
  DomainError,
  FREQUENCIES,
  kilogramsToTonnes,
  parseCountryCode,
  parseHsCode,
  parseObservationPeriod,
  parseTonnes,
  TRADE_FLOWS,
  type Frequency,
  type TradeFlow,
  parseAmount,
  parseCurrency,
  parseSupplementaryQuantity,
  parseUnit,
  parseUsd,
  storableTonnes,
  storableUsd,
} from "@tradegraph/domain";
import type { ExportRow, ImportErrorCode, ImportIssue } from "../types";

/** A row-level problem, thrown by the field parsers and turned into an ImportIssue by the validators. */
export class RowError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toIssue(line: number): ImportIssue {
    return { line, ...(this.field ? { field: this.field } : {}), code: this.code, message: this.message };
  }
}

/** Reference data the rows are checked against (the `country` and `commodity` tables). */
export interface ReferenceData {
  countries: ReadonlySet<string>;
  commodities: ReadonlySet<string>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as text, trimmed; numbers from JSON are kept as written. null/undefined/"" are empty. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

function attribute<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw new RowError(error.code, `${field}: ${error.message}`, field);
    throw error;
  }
}

export function required(value: unknown, field: string): string {
  const cell = text(value);
  if (!cell) throw new RowError("MISSING_VALUE", `${field} is empty.`, field);
  return cell;
}

/** A country code checked against ISO 3166-1 (domain) and the country table. */
export function country(value: unknown, field: string, ref: ReferenceData): string {
  const code = attribute(field, () => parseCountryCode(required(value, field)));
  if (!ref.countries.has(code)) {
    throw new RowError("UNKNOWN_COUNTRY", `${field} "${text(value)}" (${code}) is not in the country table; run \`npm run db:seed\`.`, field);
  }
  return code;
}

/** An HS code that must exist in the commodity table. */
export function commodity(value: unknown, field: string, ref: ReferenceData): string {
  const code = attribute(field, () => parseHsCode(required(value, field)));
  if (!ref.commodities.has(code)) {
    const known = [...ref.commodities].sort();
    const list = known.length > 10 ? `${known.slice(0, 10).join(", ")}, …` : known.join(", ");
    throw new RowError("UNKNOWN_COMMODITY", `${field} "${code}" is not in the commodity table (known: ${list}).`, field);
  }
  return code;
}

/** A period of the given frequency: "YYYY-MM" or "YYYYMM" for MONTHLY, "YYYY" for ANNUAL. */
export function period(value: unknown, field: string, frequency: Frequency = "MONTHLY"): string {
  const cell = required(value, field);
  return attribute(field, () => parseObservationPeriod(cell, frequency));
}

/** MONTHLY or ANNUAL (also Comtrade's M and A); `fallback` when the cell is empty. */
export function frequency(value: unknown, field: string, fallback: Frequency): Frequency {
  const cell = text(value).toUpperCase();
  if (!cell) return fallback;
  const found = cell === "M" ? "MONTHLY" : cell === "A" ? "ANNUAL" : FREQUENCIES.find((f) => f === cell);
  if (!found) throw new RowError("INVALID_FREQUENCY", `${field} "${text(value)}" is not a frequency: expected ${FREQUENCIES.join(" or ")} (or M / A).`, field);
  return found;
}

/** EXPORT, IMPORT, RE_EXPORT or RE_IMPORT; EXPORT when the cell is empty. */
export function tradeFlow(value: unknown, field: string): TradeFlow {
  const cell = text(value).toUpperCase().replace(/[-\s]/g, "_");
  if (!cell) return "EXPORT";
  const found = TRADE_FLOWS.find((f) => f === cell);
  if (!found) throw new RowError("INVALID_FLOW", `${field} "${text(value)}" is not a flow: expected one of ${TRADE_FLOWS.join(", ")}.`, field);
  return found;
}

/** A plain decimal number, or null when the cell is empty. Rejects "1,234", "0x10", "12 t" and the like. */
function decimal(value: unknown, field: string, code: "INVALID_QUANTITY" | "INVALID_AMOUNT"): number | null {
  if (typeof value === "number") return value;
  const cell = text(value);
  if (!cell) return null;
  if (!NUMBER.test(cell)) throw new RowError(code, `${field} "${cell}" is not a number.`, field);
  return Number(cell);
}

/** Tonnes as an exact decimal string with three places, or null. */
export function tonnes(value: unknown, field: string): string | null {
  const n = decimal(value, field, "INVALID_QUANTITY");
  if (n === null) return null;
  return attribute(field, () => storableTonnes(parseTonnes(n))).toFixed(3);
}

/** Kilograms (Comtrade's netWgt) converted to tonnes, or null. */
export function kilograms(value: unknown, field: string): string | null {
  const n = decimal(value, field, "INVALID_QUANTITY");
  if (n === null) return null;
  return attribute(field, () => storableTonnes(kilogramsToTonnes(n))).toFixed(3);
}

/** US dollars rounded to cents, or null. */
export function usd(value: unknown, field: string): string | null {
  const n = decimal(value, field, "INVALID_AMOUNT");
  if (n === null) return null;
  return attribute(field, () => storableUsd(parseUsd(n))).toFixed(2);
}

/** A value in the row's currency (value, CIF, FOB) rounded to cents, or null. */
export function amount(value: unknown, field: string): string | null {
  const n = decimal(value, field, "INVALID_AMOUNT");
  if (n === null) return null;
  return attribute(field, () => storableUsd(parseAmount(n, field))).toFixed(2);
}

/** A supplementary quantity (units, litres, m² …) to three decimals, or null. */
export function supplementaryQuantity(value: unknown, field: string): string | null {
  const n = decimal(value, field, "INVALID_QUANTITY");
  if (n === null) return null;
  return attribute(field, () => parseSupplementaryQuantity(n)).toFixed(3);
}

/** An ISO 4217 code (three letters, any case); USD when the cell is empty. */
export function currency(value: unknown, field: string): string {
  const cell = text(value);
  return cell ? attribute(field, () => parseCurrency(cell)) : "USD";
}

/** A supplementary unit as written (at most 16 characters), or null. */
export function unit(value: unknown, field: string): string | null {
  const cell = text(value);
  return cell ? attribute(field, () => parseUnit(cell)) : null;
}

/** A positive whole number, or null. */
export function rank(value: unknown, field: string): number | null {
  const cell = text(value);
  if (!cell) return null;
  if (!/^\d+$/.test(cell) || Number(cell) < 1 || Number(cell) > 2_147_483_647) {
    throw new RowError("INVALID_RANK", `${field} "${cell}" is not a rank: expected a whole number from 1.`, field);
  }
  return Number(cell);
}

const TRUE = new Set(["true", "1", "yes", "y", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "f", ""]);

/** Comtrade-style boolean cells ("True", "false", "1", "0", empty). */
export function flag(value: unknown, field: string): boolean {
  if (typeof value === "boolean") return value;
  const cell = text(value).toLowerCase();
  if (TRUE.has(cell)) return true;
  if (FALSE.has(cell)) return false;
  throw new RowError("INVALID_FLAG", `${field} "${text(value)}" is not true or false.`, field);
}

/** Checks that hold for every row whatever its format. */
export function checkRow(row: ExportRow, fields: { exporter: string; importer: string; figures: string }): ExportRow {
  if (row.exporterCode === row.importerCode) {
    throw new RowError("SAME_COUNTRY", `Exporter and importer are both ${row.exporterCode}.`, fields.importer);
  }
  if (row.quantityTonnes === null && row.valueUsd === null && (row.value ?? null) === null) {
    throw new RowError("MISSING_FIGURES", "The row has neither a quantity nor a value.", fields.figures);
  }
  return row;
}
