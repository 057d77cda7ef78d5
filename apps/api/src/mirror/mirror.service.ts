import type { Database } from "@tradegraph/db";
import { exportRecordTable } from "@tradegraph/db/sql";
import { monthCount, parseHsCode, parseObservationPeriod, periodFirstDay } from "@tradegraph/domain";
import { toExportRecord } from "../export-record/export-record.type";
import { Frequency, ReportedBy, TradeFlow } from "../export-record/observation.type";
import { countryCodeOf } from "../country/country.service";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { join, queryRows, raw, sql, type Sql } from "../sql";
import { precedenceOrder } from "../trade/observations.sql";
import { flowRecords, MAX_SERIES_MONTHS, observedRange } from "../trade/trade.service";
import type { FlowObservationsArgs, MirrorFlowsArgs } from "./mirror.args";
import {
  MirrorIncomparability,
  ReportingSide,
  ValueBasis,
  type FlowObservations,
  type MirrorFlows,
  type MirrorPeriod,
  type MirrorReport,
  type MirrorTotals,
  type ObservationSpread,
} from "./mirror.type";

const column = (alias: string, key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(alias, key);
const num = (value: string | null): number | null => (value == null ? null : Number(value));

/** The flow's two countries, distinct (a country's trade with itself has no mirror). */
function pairOf(args: { exporter: string; importer: string }): { exporter: string; importer: string } {
  const exporter = countryCodeOf(args.exporter, "exporter");
  const importer = countryCodeOf(args.importer, "importer");
  if (exporter === importer) {
    throw userInputError(ErrorCode.SAME_COUNTRY, `The exporter and the importer are both ${exporter}: give two countries.`, "importer");
  }
  return { exporter, importer };
}

/** The flows a side's reports declare. */
const SIDE_FILTER: Record<ReportingSide, ReportedBy> = { [ReportingSide.EXPORTER]: ReportedBy.EXPORTER, [ReportingSide.IMPORTER]: ReportedBy.IMPORTER };
/** The basis a side's stated value has by Comtrade's convention (exports FOB, imports CIF), and the other one. */
type Basis = ValueBasis.FOB | ValueBasis.CIF;
const SIDE_BASIS: Record<ReportingSide, [own: Basis, other: Basis]> = {
  [ReportingSide.EXPORTER]: [ValueBasis.FOB, ValueBasis.CIF],
  [ReportingSide.IMPORTER]: [ValueBasis.CIF, ValueBasis.FOB],
};
const BASIS_COLUMN: Record<Basis, keyof typeof exportRecordTable.spec> = { [ValueBasis.FOB]: "fobValue", [ValueBasis.CIF]: "cifValue" };

/**
 * One side's observations of the flow (under `er`), each flow counted once (the aggregates' rules, with only
 * that side's reports admitted), with the value on the side's basis: the FOB value for the exporter (CIF for the
 * importer) when given, else the stated value (`value`, or `value_usd` for a USD row written without it) on that
 * basis by convention, else the other basis' figure.
 */
function sideObservations(side: ReportingSide, exporter: string, importer: string, commodity: string, range: { from: string; to: string }, frequency: Frequency): Sql {
  const [own, other] = SIDE_BASIS[side];
  const ownValue = column("er", BASIS_COLUMN[own]);
  const otherValue = column("er", BASIS_COLUMN[other]);
  const stated = sql`COALESCE(${column("er", "value")}, ${column("er", "valueUsd")})`;
  return sql`SELECT ${raw(`'${side}'`)} AS side, ${column("er", "period")} AS period, ${column("er", "frequency")} AS frequency,
      ${column("er", "quantityTonnes")} AS quantity, ${column("er", "currency")} AS currency, ${column("er", "flow")}::text AS flow, ${column("er", "sourceId")} AS source_id,
      COALESCE(${ownValue}, ${stated}, ${otherValue}) AS value,
      CASE WHEN ${ownValue} IS NOT NULL OR ${stated} IS NOT NULL THEN ${raw(`'${own}'`)} WHEN ${otherValue} IS NOT NULL THEN ${raw(`'${other}'`)} END AS basis,
      (${ownValue} IS NULL AND ${stated} IS NOT NULL) AS by_convention
    FROM ${flowRecords("er", exporter, importer, commodity, range, { frequency, reportedBy: SIDE_FILTER[side], flows: null })}`;
}

interface SideRow {
  side: ReportingSide;
  period: string;
  quantity: string | null;
  value: string | null;
  currency: string | null;
  currencies: number;
  bases: ValueBasis[] | null;
  by_convention: boolean;
  flows: TradeFlow[];
  source_keys: number[];
  records: number;
}

function reportOf(row: SideRow): MirrorReport {
  const bases = row.bases ?? [];
  return {
    quantityTonnes: num(row.quantity),
    value: num(row.value),
    currency: row.currencies === 1 ? row.currency : null,
    currencyCount: row.currencies,
    valueBasis: row.value == null ? null : bases.length === 1 ? bases[0]! : ValueBasis.UNKNOWN,
    valueBasisByConvention: row.by_convention,
    flows: row.flows,
    records: row.records,
    sourceKeys: row.source_keys,
  } as Omit<MirrorReport, "sources"> as MirrorReport;
}

/** The gap between the two reports of a period and why the values are not compared (when they are not). */
export function compareReports(period: string, exporterReport: MirrorReport | null, importerReport: MirrorReport | null): MirrorPeriod {
  const e = exporterReport;
  const i = importerReport;
  const quantityGapTonnes = e?.quantityTonnes != null && i?.quantityTonnes != null ? i.quantityTonnes - e.quantityTonnes : null;
  const result = (reason: MirrorIncomparability | null, valueGap: number | null = null, currency: string | null = null): MirrorPeriod => ({
    period,
    exporterReport: e,
    importerReport: i,
    missingSide: !e ? ReportingSide.EXPORTER : !i ? ReportingSide.IMPORTER : null,
    quantityGapTonnes,
    valueGap,
    currency,
    cifFobRatio: reason == null ? i!.value! / e!.value! : null,
    comparable: reason == null,
    incomparableReason: reason,
  });
  if (!e) return result(MirrorIncomparability.EXPORTER_MISSING);
  if (!i) return result(MirrorIncomparability.IMPORTER_MISSING);
  const mixed = (report: MirrorReport) => report.currencyCount > 1;
  if (mixed(e) || mixed(i)) return result(MirrorIncomparability.MIXED_CURRENCIES);
  if (e.value == null || i.value == null) return result(MirrorIncomparability.VALUE_MISSING);
  if (e.currency !== i.currency) return result(MirrorIncomparability.CURRENCY_MISMATCH);
  const gap = i.value - e.value;
  if (e.valueBasis !== ValueBasis.FOB || i.valueBasis !== ValueBasis.CIF) return result(MirrorIncomparability.BASIS_NOT_CIF_FOB, gap, e.currency);
  if (e.value === 0) return result(MirrorIncomparability.EXPORTER_VALUE_ZERO, gap, e.currency);
  return result(null, gap, e.currency);
}

/** Totals over the periods: quantities of every period, gaps and values of the periods that have them. */
export function totalsOf(periods: readonly MirrorPeriod[]): MirrorTotals {
  const sum = (figures: Array<number | null | undefined>): number | null => {
    const known = figures.filter((f): f is number => f != null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
  const comparable = periods.filter((p) => p.comparable);
  const currencies = new Set(comparable.map((p) => p.currency));
  const oneCurrency = currencies.size === 1 ? [...currencies][0]! : null;
  const exporterValue = oneCurrency ? sum(comparable.map((p) => p.exporterReport!.value)) : null;
  const importerValue = oneCurrency ? sum(comparable.map((p) => p.importerReport!.value)) : null;
  return {
    exporterQuantityTonnes: sum(periods.map((p) => p.exporterReport?.quantityTonnes)),
    importerQuantityTonnes: sum(periods.map((p) => p.importerReport?.quantityTonnes)),
    quantityGapTonnes: sum(periods.map((p) => p.quantityGapTonnes)),
    periodsWithBothSides: periods.filter((p) => p.missingSide == null).length,
    periodsMissingExporter: periods.filter((p) => p.missingSide === ReportingSide.EXPORTER).length,
    periodsMissingImporter: periods.filter((p) => p.missingSide === ReportingSide.IMPORTER).length,
    comparablePeriods: comparable.length,
    currency: oneCurrency,
    exporterValue,
    importerValue,
    valueGap: exporterValue != null && importerValue != null ? importerValue - exporterValue : null,
    cifFobRatio: exporterValue && importerValue != null ? importerValue / exporterValue : null,
  };
}

/** The mirror comparison of one flow over a range, in one SQL statement (both sides, grouped by period). */
export async function mirrorFlows(db: Database, args: MirrorFlowsArgs): Promise<Omit<MirrorFlows, "exporter" | "importer" | "commodity">> {
  const { exporter, importer } = pairOf(args);
  const commodity = parseInput("commodity", () => parseHsCode(args.commodity));
  const frequency = args.frequency ?? Frequency.MONTHLY;
  const range = observedRange(frequency, args.from, args.to);
  const months = monthCount(range);
  if (months > MAX_SERIES_MONTHS) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, `A mirror comparison covers at most ${MAX_SERIES_MONTHS} months, got ${months}.`, "to");
  }
  const sides = [ReportingSide.EXPORTER, ReportingSide.IMPORTER].map((side) => sideObservations(side, exporter, importer, commodity, range, frequency));
  const rows = await queryRows<SideRow>(
    db.pool,
    sql`WITH observed AS (${join(sides, " UNION ALL ")})
        SELECT side, to_char(period, CASE WHEN frequency = 'ANNUAL' THEN 'YYYY' ELSE 'YYYY-MM' END) AS period,
               sum(quantity) AS quantity, count(*)::int AS records,
               count(DISTINCT currency) FILTER (WHERE value IS NOT NULL)::int AS currencies,
               min(currency) FILTER (WHERE value IS NOT NULL) AS currency,
               CASE WHEN count(DISTINCT currency) FILTER (WHERE value IS NOT NULL) = 1 THEN sum(value) END AS value,
               array_agg(DISTINCT basis) FILTER (WHERE basis IS NOT NULL AND value IS NOT NULL) AS bases,
               coalesce(bool_or(by_convention), false) AS by_convention,
               array_agg(DISTINCT flow) AS flows, array_agg(DISTINCT source_id) AS source_keys
        FROM observed GROUP BY side, period, frequency ORDER BY period, side`,
  );
  const byPeriod = new Map<string, Partial<Record<ReportingSide, MirrorReport>>>();
  for (const row of rows) {
    const sides = byPeriod.get(row.period) ?? {};
    sides[row.side] = reportOf(row);
    byPeriod.set(row.period, sides);
  }
  const periods = [...byPeriod].map(([period, sides]) => compareReports(period, sides.EXPORTER ?? null, sides.IMPORTER ?? null));
  return { exporterCode: exporter, importerCode: importer, commodityCode: commodity, frequency, from: range.from, to: range.to, periods, totals: totalsOf(periods) };
}

interface SpreadColumns {
  q_n: number;
  q_min: string | null;
  q_max: string | null;
  v_n: number;
  v_min: string | null;
  v_max: string | null;
}

/** Min, max and spread of a figure, and the spread relative to the smallest figure. */
function spreadOf(observations: number, min: string | null, max: string | null): ObservationSpread {
  const low = num(min);
  const high = num(max);
  const spread = low != null && high != null ? high - low : null;
  return { observations, min: low, max: high, spread, relativeSpread: spread != null && low ? spread / low : null };
}

/**
 * Every observation of one flow (exact HS code), in the aggregates' precedence, which one they count, and the
 * spread of tonnes and USD values: one SQL statement (window aggregates beside the rows).
 */
export async function flowObservations(db: Database, args: FlowObservationsArgs): Promise<Omit<FlowObservations, "exporter" | "importer" | "commodity">> {
  const { exporter, importer } = pairOf(args);
  const commodity = parseInput("commodity", () => parseHsCode(args.commodity));
  const frequency = args.frequency ?? Frequency.MONTHLY;
  const period = parseInput("period", () => parseObservationPeriod(args.period, frequency));
  const day = periodFirstDay(frequency === Frequency.ANNUAL ? `${period}-01` : period);
  const rows = await queryRows<Record<string, unknown> & SpreadColumns & { counted: boolean }>(
    db.pool,
    sql`SELECT ${exportRecordTable.columns("er")}, row_number() OVER (ORDER BY ${precedenceOrder("er")}) = 1 AS counted,
               count(${column("er", "quantityTonnes")}) OVER ()::int AS q_n, min(${column("er", "quantityTonnes")}) OVER () AS q_min, max(${column("er", "quantityTonnes")}) OVER () AS q_max,
               count(${column("er", "valueUsd")}) OVER ()::int AS v_n, min(${column("er", "valueUsd")}) OVER () AS v_min, max(${column("er", "valueUsd")}) OVER () AS v_max
        FROM ${exportRecordTable.from("er")}
        WHERE ${column("er", "exporterCode")} = ${exporter} AND ${column("er", "importerCode")} = ${importer} AND ${column("er", "commodityCode")} = ${commodity}
          AND ${column("er", "frequency")} = ${frequency}::trade_frequency AND ${column("er", "period")} = ${day}::date
        ORDER BY ${precedenceOrder("er")}`,
  );
  const first = rows[0];
  return {
    exporterCode: exporter,
    importerCode: importer,
    commodityCode: commodity,
    frequency,
    period,
    observations: rows.map((row) => {
      // toExportRecord reads the record's columns only; `counted` and the spreads are beside them.
      const record = toExportRecord(exportRecordTable.decode(row));
      const side = record.flow === TradeFlow.EXPORT || record.flow === TradeFlow.RE_EXPORT ? ReportingSide.EXPORTER : ReportingSide.IMPORTER;
      return { record, side, counted: row.counted };
    }),
    quantitySpread: spreadOf(first?.q_n ?? 0, first?.q_min ?? null, first?.q_max ?? null),
    valueUsdSpread: spreadOf(first?.v_n ?? 0, first?.v_min ?? null, first?.v_max ?? null),
  };
}
