import { exportRecordTable } from "@tradegraph/db/sql";
import { addMonths, monthCount, parsePeriod, parsePeriodRange, periodToDate, unitPricePerTonne, type PeriodRange } from "@tradegraph/domain";
import { Commodity } from "../commodity/commodity.type";
import type { Context } from "../server/context";
import { countryCodeOf } from "../country/country.service";
import { Country } from "../country/country.type";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { meetingsWith } from "../meeting/meeting.service";
import type { Meeting } from "../meeting/meeting.type";
import { reportsAbout } from "../report/report.service";
import type { Report } from "../report/report.type";
import { queryRows, sql, type Sql } from "../sql";
import { countedRecords, DEFAULT_OBSERVATIONS } from "../trade/observations.sql";
import { MAX_SERIES_MONTHS, periodBetween, seriesOf, summedFigures, type SummedFigures } from "../trade/trade.service";
import { Granularity, type TradeSeriesPoint } from "../trade/trade.type";
import type { BilateralArgs } from "./bilateral.args";
import { Bilateral, TimelineEntry, TimelineKind, TradeMonth, type CommodityTrade, type TradeDirection } from "./bilateral.type";


type Deps = Pick<Context, "db" | "loaders">;

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

const num = (value: string | null): number | null => (value == null ? null : Number(value));

/** Sums figures that may be missing: null when none is recorded. */
const sumKnown = (values: Array<number | null>): number | null =>
  values.reduce<number | null>((total, value) => (value == null ? total : (total ?? 0) + value), null);

/** The last day of a month, YYYY-MM-DD. */
function lastDayOf(period: string): string {
  return new Date(periodToDate(addMonths(period, 1)).getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The records (a derived table under `alias`) of trade either way between the two countries in the range, each flow counted once. */
function eitherWay(alias: string, a: string, b: string, range: PeriodRange): Sql {
  const [exporter, importer] = [exportRecordTable.column(alias, "exporterCode"), exportRecordTable.column(alias, "importerCode")];
  const pair = sql`((${exporter} = ${a} AND ${importer} = ${b}) OR (${exporter} = ${b} AND ${importer} = ${a}))`;
  return countedRecords(alias, [pair, periodBetween(alias, range)], null, DEFAULT_OBSERVATIONS);
}

const column = (key: keyof typeof exportRecordTable.spec) => exportRecordTable.column("er", key);

/**
 * The trade range: given months, missing ends defaulted to the pair's first and last recorded months. A
 * default never lands on the wrong side of a given end (the range shrinks to that month). Null when nothing
 * is given and nothing recorded.
 */
async function tradeRange({ db }: Deps, a: string, b: string, given: { from: string | null; to: string | null }): Promise<PeriodRange | null> {
  if (given.from && given.to) return parseInput("from", () => parsePeriodRange(given.from!, given.to!));
  const [exporter, importer, period] = [column("exporterCode"), column("importerCode"), column("period")];
  const [recorded] = await queryRows<{ first: string | null; last: string | null }>(
    db.pool,
    sql`SELECT to_char(min(${period}), 'YYYY-MM') AS first, to_char(max(${period}), 'YYYY-MM') AS last FROM ${exportRecordTable.from("er")}
        WHERE (${exporter} = ${a} AND ${importer} = ${b}) OR (${exporter} = ${b} AND ${importer} = ${a})`,
  );
  const from = given.from ?? recorded?.first ?? given.to;
  const to = given.to ?? recorded?.last ?? given.from;
  if (!from || !to) return null;
  if (from <= to) return { from, to };
  const fixed = (given.from ?? given.to)!;
  return { from: fixed, to: fixed };
}

/** One row of the trade statement: a month's sums of one direction, or (month null) a commodity's over the range. */
type TradeRow = SummedFigures & { exporter: string; month: string | null; commodity: string | null };

async function loadTrade({ db, loaders }: Deps, pair: [Country, Country], range: PeriodRange | null) {
  const [a, b] = pair;
  // Both directions by month and by commodity in one statement and one pass over the records (GROUPING SETS).
  const rows = range
    ? await queryRows<TradeRow>(
        db.pool,
        sql`SELECT ${column("exporterCode")} AS exporter, to_char(${column("period")}, 'YYYY-MM') AS month, ${column("commodityCode")} AS commodity,
                   ${summedFigures("er")}
            FROM ${eitherWay("er", a.code, b.code, range)}
            GROUP BY GROUPING SETS ((${column("exporterCode")}, ${column("period")}), (${column("exporterCode")}, ${column("commodityCode")}))
            ORDER BY sum(${column("valueUsd")}) DESC NULLS LAST, ${column("commodityCode")}`,
      )
    : [];
  const monthRows = (exporter: string) => rows.filter((row) => row.month !== null && row.exporter === exporter) as Array<TradeRow & { month: string }>;
  const [aToBSeries, bToASeries] = range ? [seriesOf(monthRows(a.code), range, Granularity.MONTH), seriesOf(monthRows(b.code), range, Granularity.MONTH)] : [[], []];
  const commodityRows = rows.filter((row) => row.month === null) as Array<TradeRow & { commodity: string }>;
  const commodities = await loaders.commodity.loadMany([...new Set(commodityRows.map((row) => row.commodity))]);
  const commodityByCode = new Map(commodities.flatMap((c) => (c instanceof Commodity ? [[c.hsCode, c] as const] : [])));

  const direction = (exporter: Country, importer: Country, series: TradeSeriesPoint[]): TradeDirection => ({
    exporter,
    importer,
    quantityTonnes: sumKnown(series.map((point) => point.quantityTonnes)),
    valueUsd: sumKnown(series.map((point) => point.valueUsd)),
    records: series.reduce((total, point) => total + point.records, 0),
    byCommodity: commodityRows
      .filter((row) => row.exporter === exporter.code && commodityByCode.has(row.commodity))
      .map((row): CommodityTrade => {
        const quantityTonnes = num(row.quantity);
        const valueUsd = num(row.value);
        const commodity = commodityByCode.get(row.commodity)!;
        const unitPriceUsdPerTonne = unitPricePerTonne(num(row.priced_value), num(row.priced_quantity));
        return { commodity, quantityTonnes, valueUsd, unitPriceUsdPerTonne, records: row.records };
      }),
    series,
  });
  return { aToB: direction(a, b, aToBSeries), bToA: direction(b, a, bToASeries) };
}

/**
 * Trade both ways, meetings and reports between two countries. Validates the input and loads the countries
 * (and the recorded range when an end is missing) now; each other part when a field first asks for it, in a
 * fixed number of statements: trade in one (both directions, by month and by commodity), meetings in one, reports in one.
 */
export async function bilateral(deps: Deps, args: BilateralArgs): Promise<Bilateral> {
  const { db, loaders } = deps;
  const a = countryCodeOf(args.a, "a");
  const b = countryCodeOf(args.b, "b");
  if (a === b) throw userInputError(ErrorCode.SAME_COUNTRY, `\`a\` and \`b\` are both ${a}: give two different countries.`, "b");
  const given = {
    from: args.from != null ? parseInput("from", () => parsePeriod(args.from!)) : null,
    to: args.to != null ? parseInput("to", () => parsePeriod(args.to!)) : null,
  };
  const [pair, range] = await Promise.all([loaders.country.loadMany([a, b]), tradeRange(deps, a, b, given)]);
  if (range) {
    const months = monthCount(range);
    if (months > MAX_SERIES_MONTHS) {
      throw userInputError(ErrorCode.BAD_USER_INPUT, `The range covers ${months} months; at most ${MAX_SERIES_MONTHS}: narrow \`from\` and \`to\`.`, "from");
    }
  }
  const missing = [a, b].find((_, index) => !(pair[index] instanceof Country));
  if (missing) throw userInputError("UNKNOWN_COUNTRY", `${missing} is not in this database's country table.`, missing === a ? "a" : "b");
  const countries = pair as [Country, Country];
  // Meetings and dated reports follow the months given explicitly, not the defaulted trade range.
  const days = { from: given.from ? `${given.from}-01` : null, to: given.to ? lastDayOf(given.to) : null };

  return Object.assign(new Bilateral(), {
    a: countries[0],
    b: countries[1],
    from: range?.from ?? null,
    to: range?.to ?? null,
    parts: {
      trade: once(() => loadTrade(deps, countries, range)),
      meetings: once(() => meetingsWith(db, [a, b], days)),
      reports: once(() => reportsAbout(db, [a, b], days)),
    },
  });
}

const KIND_ORDER = [TimelineKind.TRADE, TimelineKind.MEETING, TimelineKind.REPORT];

/** One chronological list: by date, undated last; on the same date trade, then meetings, then reports. */
export function timelineOf(trade: { aToB: TradeDirection; bToA: TradeDirection }, meetings: Meeting[], reports: Report[]): TimelineEntry[] {
  const entry = (date: Date | null, kind: TimelineKind, item: TimelineEntry["item"]) => Object.assign(new TimelineEntry(), { date, kind, item });
  const months = [trade.aToB, trade.bToA].flatMap((direction) =>
    direction.series
      .filter((point) => point.records > 0)
      .map((point) =>
        entry(
          periodToDate(point.bucket),
          TimelineKind.TRADE,
          Object.assign(new TradeMonth(), {
            period: point.bucket,
            exporter: direction.exporter,
            importer: direction.importer,
            quantityTonnes: point.quantityTonnes,
            valueUsd: point.valueUsd,
            records: point.records,
          }),
        ),
      ),
  );
  const entries = [
    ...months,
    ...meetings.map((meeting) => entry(meeting.startDate, TimelineKind.MEETING, meeting)),
    ...reports.map((report) => entry(report.publishedOn, TimelineKind.REPORT, report)),
  ];
  const time = (date: Date | null) => date?.getTime() ?? Infinity;
  // Array.prototype.sort is stable: within a date and kind, the input order (a→b first, then by start or id) stays.
  return entries.sort((x, y) => time(x.date) - time(y.date) || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
}
