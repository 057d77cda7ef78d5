import { DomainError } from "./errors";
import { parsePeriod } from "./period";

/** How often an observation is reported: one month's figure or one year's. */
export type Frequency = "MONTHLY" | "ANNUAL";
export const FREQUENCIES: readonly Frequency[] = ["MONTHLY", "ANNUAL"];

/**
 * The flow as its reporter declares it. Exports and re-exports are reported by the exporter, imports and
 * re-imports by the importer; the observation is always oriented exporter → importer.
 */
export type TradeFlow = "EXPORT" | "IMPORT" | "RE_EXPORT" | "RE_IMPORT";
export const TRADE_FLOWS: readonly TradeFlow[] = ["EXPORT", "IMPORT", "RE_EXPORT", "RE_IMPORT"];

/** Whose figures a query uses: the exporter's, the importer's, or either (see docs/trade-queries.md). */
export type ReportedBy = "EXPORTER" | "IMPORTER" | "ANY";

/** True when the flow is reported by the exporter (EXPORT, RE_EXPORT), false when by the importer. */
export function reportedByExporter(flow: TradeFlow): boolean {
  return flow === "EXPORT" || flow === "RE_EXPORT";
}

/** The reporting country of a flow between exporter and importer. */
export function reporterOf(flow: TradeFlow, exporter: string, importer: string): string {
  return reportedByExporter(flow) ? exporter : importer;
}

const ANNUAL = /^(\d{4})$/;

/**
 * A period of the given frequency: "2024-01" (or "202401") for MONTHLY, "2023" for ANNUAL. Returns "YYYY-MM"
 * or "YYYY"; a year where a month is expected (or the reverse) is INVALID_PERIOD.
 */
export function parseObservationPeriod(input: string, frequency: Frequency): string {
  const cell = String(input ?? "").trim();
  if (frequency === "MONTHLY") {
    if (ANNUAL.test(cell)) {
      throw new DomainError("INVALID_PERIOD", `"${cell}" is a year; a monthly observation needs a month (YYYY-MM, e.g. "2024-01").`);
    }
    return parsePeriod(cell);
  }
  const year = ANNUAL.exec(cell) ? Number(cell) : NaN;
  if (!(year >= 1900 && year <= 2999)) {
    throw new DomainError("INVALID_PERIOD", `"${cell}" is not a year: an annual observation's period is YYYY, e.g. "2023".`);
  }
  return cell;
}
