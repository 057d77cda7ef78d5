import type { Database } from "@tradegraph/db";
import { exportRecordTable } from "@tradegraph/db/sql";
import {
  addMonths,
  bucketsBetween,
  monthCount,
  parseHsCode,
  parseObservationPeriod,
  parsePeriod,
  parsePeriodRange,
  periodFirstDay,
  unitPricePerBarrel,
  unitPricePerTonne,
  type PeriodRange,
} from "@tradegraph/domain";
import { codesUnder } from "../commodity/commodity.sql";
import { Frequency } from "../export-record/observation.type";
import { countedRecords, DEFAULT_OBSERVATIONS, type ObservationFilter } from "./observations.sql";
import { countryCodeOf } from "../country/country.service";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { queryRows, raw, sql, type Sql } from "../sql";
import type { TopPartnersArgs, TradeSeriesArgs } from "./trade.args";
import { RankBy, ShareBasis, type PartnerShare, type PartnerTotal, type TopPartners, type TradeSeries, type TradeSeriesPoint } from "./trade.type";

/** The longest range a series (or a bilateral summary) covers. */
export const MAX_SERIES_MONTHS = 600;

/** The highest rank `missingReportedRanks` lists. */
const MAX_LISTED_RANK = 1000;

const num = (value: string | null): number | null => (value == null ? null : Number(value));

/**
 * The distinct items, sorted. For the few arrays of a page: in SQL, `array_agg(DISTINCT …)` sorts every group of
 * the aggregate, listed or not (a tenth of topPartners' PostgreSQL time).
 */
function distinctSorted<T extends number | string>(items: readonly T[]): T[] {
  return [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** An export_record column under an alias. */
const column = (alias: string, key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(alias, key);

/**
 * The summed figures of the records (under `alias`) in a group: quantity, value, record count, and the sums a
 * unit price divides (value by quantity over the same records: those with both figures).
 */
export function summedFigures(alias: string): Sql {
  const quantity = column(alias, "quantityTonnes");
  const value = column(alias, "valueUsd");
  return sql`sum(${quantity}) AS quantity, sum(${value}) AS value, count(*)::int AS records,
    sum(${value}) FILTER (WHERE ${quantity} IS NOT NULL) AS priced_value, sum(${quantity}) FILTER (WHERE ${value} IS NOT NULL) AS priced_quantity`;
}

/** Summed figures of a group of records (the summedFigures columns). */
export interface SummedFigures {
  quantity: string | null;
  value: string | null;
  priced_value: string | null;
  priced_quantity: string | null;
  records: number;
}

/** The observations an aggregate reads, from its arguments (monthly, either side, every flow by default). */
export function observationFilter(args: Partial<ObservationFilter> & { flows?: ObservationFilter["flows"] | undefined }): ObservationFilter {
  return {
    frequency: args.frequency ?? DEFAULT_OBSERVATIONS.frequency,
    reportedBy: args.reportedBy ?? DEFAULT_OBSERVATIONS.reportedBy,
    flows: args.flows && args.flows.length > 0 ? args.flows : null,
  };
}

/**
 * A range of months, or for annual observations of years ("2022" to "2023" is 2022-01 to 2023-12: an annual
 * observation is stored at its January).
 */
export function observedRange(frequency: Frequency, from: string, to: string, field = "from"): PeriodRange {
  if (frequency === Frequency.ANNUAL) {
    const first = parseInput(field, () => parseObservationPeriod(from, "ANNUAL"));
    const last = parseInput(field === "from" ? "to" : field, () => parseObservationPeriod(to, "ANNUAL"));
    return parseInput(field, () => parsePeriodRange(`${first}-01`, `${last}-12`));
  }
  return parseInput(field, () => parsePeriodRange(from, to));
}

function rangeOf(args: { period?: string | null; from?: string | null; to?: string | null }, frequency: Frequency): PeriodRange {
  if (args.period != null) {
    if (args.from != null || args.to != null) {
      throw userInputError(ErrorCode.BAD_USER_INPUT, "Give `period`, or `from` and `to`, not both.", "period");
    }
    if (frequency === Frequency.ANNUAL) return observedRange(frequency, args.period, args.period, "period");
    const month = parseInput("period", () => parsePeriod(args.period!));
    return { from: month, to: month };
  }
  if (args.from == null || args.to == null) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, "Give `period`, or both `from` and `to`.", args.from == null ? "from" : "to");
  }
  return observedRange(frequency, args.from, args.to);
}

/** Ranks an exporter's partners for a commodity and period, with totals and shares, in one SQL statement. */
export async function topPartners(db: Database, args: TopPartnersArgs): Promise<Omit<TopPartners, "exporter" | "commodity">> {
  const exporter = countryCodeOf(args.exporter, "exporter");
  const commodity = parseInput("commodity", () => parseHsCode(args.commodity));
  const observations = observationFilter(args);
  const range = rangeOf(args, observations.frequency);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 100) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, `\`limit\` must be between 1 and 100, got ${args.limit}.`, "limit");
  }
  const measure = raw(args.by === RankBy.QUANTITY ? "quantity" : "value");
  const rows = await queryRows<
    SummedFigures & {
      partner: string;
      stated_rank: number | null;
      rank: string | null;
      total_quantity: string | null;
      total_value: string | null;
      partner_count: string;
      source_keys: number[];
      flows: string[];
      without_figures: string[] | null;
      stated_ranks: number[] | null;
    }
  >(
    db.pool,
    sql`WITH flows AS (
          SELECT ${column("er", "importerCode")} AS partner, ${summedFigures("er")}, min(${column("er", "reportedRank")}) AS stated_rank,
                 array_agg(${column("er", "sourceId")}) AS source_keys, array_agg(${column("er", "flow")}::text) AS flows
          FROM ${flowRecords("er", exporter, null, commodity, range, observations)}
          GROUP BY ${column("er", "importerCode")}
        ), ranked AS (
          SELECT flows.*,
                 CASE WHEN ${measure} IS NULL THEN NULL ELSE rank() OVER (ORDER BY ${measure} DESC NULLS LAST) END AS rank,
                 sum(quantity) OVER () AS total_quantity, sum(value) OVER () AS total_value, count(*) OVER () AS partner_count
          FROM flows
        )
        -- Uncorrelated subqueries: computed once (InitPlans), not once per partner as a joined aggregate would be.
        SELECT ranked.*,
               (SELECT array_agg(partner ORDER BY partner) FILTER (WHERE ${measure} IS NULL) FROM flows) AS without_figures,
               (SELECT array_agg(DISTINCT stated_rank) FILTER (WHERE stated_rank IS NOT NULL) FROM flows) AS stated_ranks
        FROM ranked ORDER BY ${measure} DESC NULLS LAST, partner LIMIT ${args.limit}`,
  );
  const first = rows[0];
  const totalQuantity = num(first?.total_quantity ?? null);
  const totalValue = num(first?.total_value ?? null);
  const total = args.by === RankBy.QUANTITY ? totalQuantity : totalValue;
  const withoutFigures = first?.without_figures ?? [];
  const statedRanks = new Set(first?.stated_ranks ?? []);
  // A stated rank far beyond any real ranking is bad data: the list stops at MAX_LISTED_RANK (complete stays false).
  const highestRank = Math.min(MAX_LISTED_RANK, Math.max(0, ...statedRanks));
  const missingReportedRanks = Array.from({ length: highestRank }, (_, i) => i + 1).filter((rank) => !statedRanks.has(rank));
  const complete = withoutFigures.length === 0 && missingReportedRanks.length === 0;
  const partners = rows.map((row): Omit<PartnerShare, "partner"> => {
    const quantityTonnes = num(row.quantity);
    const valueUsd = num(row.value);
    const figure = args.by === RankBy.QUANTITY ? quantityTonnes : valueUsd;
    const pricedValue = num(row.priced_value);
    const pricedQuantity = num(row.priced_quantity);
    return {
      partnerCode: row.partner,
      rank: row.rank == null ? null : Number(row.rank),
      quantityTonnes,
      valueUsd,
      share: figure == null || !total ? null : figure / total,
      shareOfCompleteTotal: complete,
      unitPriceUsdPerTonne: unitPricePerTonne(pricedValue, pricedQuantity),
      unitPriceUsdPerBarrel: unitPricePerBarrel(pricedValue, pricedQuantity, commodity),
      reportedRank: row.stated_rank,
      records: row.records,
      sourceKeys: distinctSorted(row.source_keys),
      flows: distinctSorted(row.flows) as PartnerShare["flows"],
    };
  });
  return {
    exporterCode: exporter,
    commodityCode: commodity,
    from: range.from,
    to: range.to,
    by: args.by,
    frequency: observations.frequency,
    reportedBy: observations.reportedBy,
    totalQuantityTonnes: totalQuantity,
    totalValueUsd: totalValue,
    partnerCount: Number(first?.partner_count ?? 0),
    total: { basis: ShareBasis.RECORDED_OBSERVATIONS, figure: total, complete, partnersWithoutFiguresCodes: withoutFigures, missingReportedRanks } as Omit<PartnerTotal, "partnersWithoutFigures"> as PartnerTotal,
    partners: partners as PartnerShare[],
  };
}

/**
 * The records (a derived table under `alias`) an aggregate counts for one direction of trade: an exporter and
 * optionally an importer and a commodity at any HS level (the code and every code under it), in the range, each
 * flow counted once across levels and across reporters and sources (`countedRecords`: one frequency, one
 * observation per flow by the documented precedence).
 */
export function flowRecords(
  alias: string,
  exporter: string,
  importer: string | null,
  commodity: string | null,
  range: PeriodRange,
  observations: ObservationFilter = DEFAULT_OBSERVATIONS,
): Sql {
  const where = [
    sql`${column(alias, "exporterCode")} = ${exporter}`,
    ...(importer ? [sql`${column(alias, "importerCode")} = ${importer}`] : []),
    ...(commodity ? [codesUnder(alias, commodity)] : []),
    periodBetween(alias, range),
  ];
  return countedRecords(alias, where, commodity, observations);
}

/** Records (under `alias`) whose period is in the range. */
export function periodBetween(alias: string, range: PeriodRange): Sql {
  return sql`${column(alias, "period")} BETWEEN ${periodFirstDay(range.from)}::date AND ${periodFirstDay(range.to)}::date`;
}

/** Monthly totals of one direction of trade summed in SQL, grouped into buckets; every bucket of the range is present. */
export async function seriesFor(
  db: Database,
  flow: { exporter: string; importer: string | null; commodity: string | null },
  range: PeriodRange,
  granularity: TradeSeries["granularity"],
  observations: ObservationFilter = DEFAULT_OBSERVATIONS,
): Promise<TradeSeriesPoint[]> {
  const period = column("er", "period");
  const rows = await queryRows<SummedFigures & { month: string }>(
    db.pool,
    sql`SELECT to_char(${period}, 'YYYY-MM') AS month, ${summedFigures("er")}
        FROM ${flowRecords("er", flow.exporter, flow.importer, flow.commodity, range, observations)}
        GROUP BY ${period}`,
  );
  return seriesOf(rows, range, granularity);
}

/** A series from monthly sums (one row per month with records, `month` YYYY-MM): every bucket of the range. */
export function seriesOf(rows: ReadonlyArray<SummedFigures & { month: string }>, range: PeriodRange, granularity: TradeSeries["granularity"]): TradeSeriesPoint[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return bucketsBetween(range, granularity).map((bucket) => {
    let quantity: number | null = null;
    let value: number | null = null;
    let pricedQuantity: number | null = null;
    let pricedValue: number | null = null;
    let records = 0;
    const add = (sum: number | null, figure: string | null) => (figure == null ? sum : (sum ?? 0) + Number(figure));
    for (let month = bucket.from; month <= bucket.to; month = addMonths(month, 1)) {
      const row = byMonth.get(month);
      if (!row) continue;
      records += row.records;
      quantity = add(quantity, row.quantity);
      value = add(value, row.value);
      pricedQuantity = add(pricedQuantity, row.priced_quantity);
      pricedValue = add(pricedValue, row.priced_value);
    }
    return { ...bucket, quantityTonnes: quantity, valueUsd: value, unitPriceUsdPerTonne: unitPricePerTonne(pricedValue, pricedQuantity), records };
  });
}

export async function tradeSeries(db: Database, args: TradeSeriesArgs): Promise<TradeSeries> {
  const exporter = countryCodeOf(args.exporter, "exporter");
  const importer = args.importer != null ? countryCodeOf(args.importer, "importer") : null;
  const commodity = args.commodity != null ? parseInput("commodity", () => parseHsCode(args.commodity!)) : null;
  const observations = observationFilter(args);
  if (observations.frequency === Frequency.ANNUAL && args.granularity !== "YEAR") {
    throw userInputError(ErrorCode.BAD_USER_INPUT, "Annual observations make a series by YEAR only: give `granularity: YEAR`.", "granularity");
  }
  const range = observedRange(observations.frequency, args.from, args.to);
  const months = monthCount(range);
  if (months > MAX_SERIES_MONTHS) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, `A series covers at most ${MAX_SERIES_MONTHS} months, got ${months}.`, "to");
  }
  const points = await seriesFor(db, { exporter, importer, commodity }, range, args.granularity, observations);
  return { granularity: args.granularity, frequency: observations.frequency, from: range.from, to: range.to, commodityCode: commodity, points };
}
