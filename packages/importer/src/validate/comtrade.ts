import { isCountryCode, reportedByExporter, type TradeFlow } from "@tradegraph/domain";
import type { ExportRow, SkipReason } from "../types";
import type { ColumnSpec } from "./columns";
import { amount, checkRow, commodity, country, flag, frequency, kilograms, period, required, supplementaryQuantity, text, unit, usd, type ReferenceData } from "./fields";
import { supplementary } from "./native";

/** UN Comtrade (API v1 / bulk download) field names; other columns are ignored. */
export const COMTRADE_COLUMNS: ColumnSpec = {
  required: ["reporterISO", "partnerISO", "flowCode", "cmdCode", "period", "netWgt", "primaryValue"],
  optional: [
    "freqCode",
    "partnerCode",
    "partnerDesc",
    "partner2Code",
    "motCode",
    "customsCode",
    "isNetWgtEstimated",
    "isPrimaryValueEstimated",
    "qty",
    "qtyUnitCode",
    "qtyUnitAbbr",
    "isQtyEstimated",
    "cifvalue",
    "fobvalue",
  ],
  allowOthers: true,
};

export type ComtradeOutcome = { row: ExportRow } | { skip: SkipReason; detail: string };

const WORLD = new Set(["W00", "WLD", "WORLD"]);

/** Comtrade's "no quantity unit": qtyUnitCode -1, qtyUnitAbbr N/A. */
const NO_UNIT = new Set(["", "N/A", "NA", "-1"]);

/**
 * `qty` in `qtyUnitAbbr` as the supplementary quantity. Comtrade names the commodity's unit even on rows whose
 * quantity it lacks (qty empty): then there is none. A unit of N/A (code -1) comes with qty 0 or empty: none too;
 * a non-zero qty without a unit is an error (MISSING_UNIT).
 */
function comtradeQuantity(values: Record<string, unknown>) {
  const abbr = text(values.qtyUnitAbbr);
  const none = NO_UNIT.has(abbr.toUpperCase()) || text(values.qtyUnitCode) === "-1";
  const quantity = supplementaryQuantity(values.qty, "qty");
  if (quantity === null || (none && Number(quantity) === 0)) return { supplementaryQuantity: null, supplementaryUnit: null, supplementaryQuantityEstimated: false };
  return {
    ...supplementary(quantity, none ? null : unit(abbr, "qtyUnitAbbr"), { quantity: "qty", unit: "qtyUnitAbbr" }),
    supplementaryQuantityEstimated: flag(values.isQtyEstimated, "isQtyEstimated"),
  };
}

/** Comtrade's flow codes: exports and re-exports are reported by the exporter, imports and re-imports by the importer. */
const FLOWS: Record<string, TradeFlow> = { X: "EXPORT", M: "IMPORT", RX: "RE_EXPORT", RM: "RE_IMPORT" };

/**
 * One Comtrade record → an export row, or a reason to skip it:
 * - flows other than X and RX (export, re-export: reporter → partner) and M and RM (import, re-import: partner →
 *   reporter);
 * - partner World, and reporters or partners that are not ISO countries (areas nes, bunkers, free zones…);
 * - breakdowns by second partner, mode of transport or customs procedure (only the totals are kept);
 * - a reporter trading with itself.
 * `freqCode` A or M gives the frequency; without it, a 4-digit period is annual and a 6-digit one monthly.
 * Throws RowError for a bad value.
 */
export function validateComtrade(values: Record<string, unknown>, ref: ReferenceData): ComtradeOutcome {
  const flowCode = required(values.flowCode, "flowCode").toUpperCase();
  const flow = FLOWS[flowCode];
  if (!flow) return { skip: "otherFlow", detail: `flow ${flowCode}` };

  for (const [field, total] of [["partner2Code", "0"], ["motCode", "0"], ["customsCode", "C00"]] as const) {
    const cell = text(values[field]);
    if (cell && cell.toUpperCase() !== total) return { skip: "breakdown", detail: `${field} ${cell}` };
  }

  const partnerIso = text(values.partnerISO).toUpperCase();
  if (WORLD.has(partnerIso) || text(values.partnerCode) === "0" || text(values.partnerDesc).toLowerCase() === "world") {
    return { skip: "world", detail: `partner ${partnerIso || "0"}` };
  }
  const partner = required(values.partnerISO, "partnerISO").toUpperCase();
  const reporter = required(values.reporterISO, "reporterISO").toUpperCase();
  for (const [role, code] of [["reporter", reporter], ["partner", partner]] as const) {
    if (!isCountryCode(code)) return { skip: "notCountry", detail: `${role} ${code}` };
  }
  const reporterCode = country(reporter, "reporterISO", ref);
  const partnerCode = country(partner, "partnerISO", ref);
  if (reporterCode === partnerCode) return { skip: "sameCountry", detail: `reporter ${reporter}` };
  const exporting = reportedByExporter(flow);
  const freq = frequency(values.freqCode, "freqCode", /^\d{4}$/.test(text(values.period)) ? "ANNUAL" : "MONTHLY");
  return {
    row: checkRow(
      {
        exporterCode: exporting ? reporterCode : partnerCode,
        importerCode: exporting ? partnerCode : reporterCode,
        commodityCode: commodity(values.cmdCode, "cmdCode", ref),
        frequency: freq,
        period: period(values.period, "period", freq),
        reporterCode,
        flow,
        quantityTonnes: kilograms(values.netWgt, "netWgt"),
        // Comtrade's values are in US dollars.
        valueUsd: usd(values.primaryValue, "primaryValue"),
        currency: "USD",
        cifValue: amount(values.cifvalue, "cifvalue"),
        fobValue: amount(values.fobvalue, "fobvalue"),
        ...comtradeQuantity(values),
        quantityApproximate: false,
        valueApproximate: false,
        quantityEstimated: flag(values.isNetWgtEstimated, "isNetWgtEstimated"),
        valueEstimated: flag(values.isPrimaryValueEstimated, "isPrimaryValueEstimated"),
        reportedRank: null,
      },
      { exporter: "reporterISO", importer: "partnerISO", figures: "netWgt" },
    ),
  };
}
