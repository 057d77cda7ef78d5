import { DomainError } from "./errors";

/**
 * Crude oil barrels per metric tonne. 7.33 is the conventional average used by BP's Statistical Review and
 * the IEA for crude of average density; the true figure varies by grade (about 6.8 for heavy, 7.8 for light).
 */
export const BARRELS_PER_TONNE_CRUDE = 7.33;

/** HS code of crude petroleum oils, the commodity for which a USD/bbl price is meaningful. */
export const HS_CRUDE_OIL = "2709";

function requireNonNegative(value: number, code: "INVALID_QUANTITY" | "INVALID_AMOUNT", what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new DomainError(code, `${what} must be a finite number, got ${String(value)}.`);
  }
  if (value < 0) throw new DomainError(code, `${what} must not be negative, got ${value}.`);
  return value;
}

/** A quantity in metric tonnes; finite and not negative. */
export function parseTonnes(value: number): number {
  return requireNonNegative(value, "INVALID_QUANTITY", "Quantity in tonnes");
}

/** Kilograms (Comtrade's netWgt) to tonnes, keeping three decimals (whole kilograms). */
export function kilogramsToTonnes(kilograms: number): number {
  requireNonNegative(kilograms, "INVALID_QUANTITY", "Weight in kilograms");
  return Math.round(kilograms) / 1000;
}

/** An amount in US dollars; finite and not negative, rounded to cents. */
export function parseUsd(value: number): number {
  return parseAmount(value, "Value in USD");
}

/** A trade value in any currency (a value, a CIF or FOB value); finite and not negative, rounded to cents. */
export function parseAmount(value: number, what = "Value"): number {
  return Math.round(requireNonNegative(value, "INVALID_AMOUNT", what) * 100) / 100;
}

/**
 * An ISO 4217 currency code: three letters, upper-cased ("eur" → "EUR"). The shape is checked, not the list of
 * codes in use (historical and new currencies pass).
 */
export function parseCurrency(input: string): string {
  const code = String(input ?? "").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new DomainError("INVALID_CURRENCY", `"${input}" is not an ISO 4217 currency code: expected three letters, e.g. "USD" or "EUR".`);
  return code;
}

/**
 * A supplementary quantity (in its own unit: units, litres, m² …); finite, not negative, kept to three decimals and
 * within the column (numeric(18,3), as the tonnes).
 */
export function parseSupplementaryQuantity(value: number): number {
  requireNonNegative(value, "INVALID_QUANTITY", "Supplementary quantity");
  return storable(Math.round(value * 1000) / 1000, MAX_STORED_TONNES, "INVALID_QUANTITY");
}

/** The longest supplementary unit stored (varchar(16)). */
export const MAX_UNIT_LENGTH = 16;

/**
 * The unit of a supplementary quantity as the source writes it ("u", "l", "m²", "1000 kWh"): trimmed, not empty,
 * at most MAX_UNIT_LENGTH characters.
 */
export function parseUnit(input: string): string {
  const unit = String(input ?? "").trim();
  if (unit === "" || [...unit].length > MAX_UNIT_LENGTH || /\p{Cc}/u.test(unit)) {
    throw new DomainError("INVALID_UNIT", `"${input}" is not a unit: expected 1 to ${MAX_UNIT_LENGTH} printable characters, e.g. "u", "l" or "m²".`);
  }
  return unit;
}

/** The largest figures export_record stores, exclusive: NUMERIC(18,3) tonnes and NUMERIC(18,2) US dollars. */
export const MAX_STORED_TONNES = 1e15;
export const MAX_STORED_USD = 1e16;

function storable(value: number, limit: number, code: "INVALID_QUANTITY" | "INVALID_AMOUNT"): number {
  if (value >= limit) throw new DomainError(code, `${value} is larger than the largest figure stored (${limit.toExponential()}).`);
  return value;
}

/** Tonnes the quantity column can hold; INVALID_QUANTITY otherwise. */
export function storableTonnes(tonnes: number): number {
  return storable(tonnes, MAX_STORED_TONNES, "INVALID_QUANTITY");
}

/** US dollars the value column can hold; INVALID_AMOUNT otherwise. */
export function storableUsd(usd: number): number {
  return storable(usd, MAX_STORED_USD, "INVALID_AMOUNT");
}

/** USD per tonne, or null when either figure is missing or the quantity is zero. */
export function unitPricePerTonne(valueUsd: number | null, tonnes: number | null): number | null {
  if (valueUsd == null || tonnes == null || tonnes === 0) return null;
  return valueUsd / tonnes;
}

/**
 * USD per barrel, only for crude oil (HS 2709): USD/t divided by BARRELS_PER_TONNE_CRUDE.
 * Null for other commodities, whose barrels-per-tonne factor is not defined here.
 */
export function unitPricePerBarrel(valueUsd: number | null, tonnes: number | null, hsCode: string): number | null {
  if (!hsCode.startsWith(HS_CRUDE_OIL)) return null;
  const perTonne = unitPricePerTonne(valueUsd, tonnes);
  return perTonne == null ? null : perTonne / BARRELS_PER_TONNE_CRUDE;
}

/** An HS commodity code: 2, 4 or 6 digits (e.g. "2709"). */
export function parseHsCode(input: string): string {
  const code = String(input ?? "").trim();
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) {
    throw new DomainError("INVALID_COMMODITY_CODE", `"${input}" is not an HS code: expected 2, 4 or 6 digits, e.g. "2709".`);
  }
  return code;
}
