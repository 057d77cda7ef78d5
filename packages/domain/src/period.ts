import { DomainError } from "./errors";

/** A calendar month, written "YYYY-MM" (e.g. "2024-01"). */
export type Period = string;

export interface PeriodRange {
  from: Period;
  to: Period;
}

export type Granularity = "MONTH" | "QUARTER" | "YEAR";

const PERIOD = /^(\d{4})-?(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** Parses "2024-01" or Comtrade's "202401" into "2024-01". Rejects month 00/13+, other shapes and years outside 1900–2999. */
export function parsePeriod(input: string): Period {
  const match = PERIOD.exec(String(input ?? "").trim());
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError(
      "INVALID_PERIOD",
      `"${input}" is not a calendar month: expected YYYY-MM with a month from 01 to 12, e.g. "2024-01".`,
    );
  }
  return formatPeriod(year, month);
}

/** Parses both ends of a range and checks that `from` is not after `to`. */
export function parsePeriodRange(from: string, to: string): PeriodRange {
  const range = { from: parsePeriod(from), to: parsePeriod(to) };
  if (range.from > range.to) {
    throw new DomainError("INVALID_PERIOD_RANGE", `Period range starts (${range.from}) after it ends (${range.to}).`);
  }
  return range;
}

export function formatPeriod(year: number, month: number): Period {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}

export function periodMonth(period: Period): number {
  return Number(period.slice(5, 7));
}

/** The month `months` after (or before, when negative) the given one. */
export function addMonths(period: Period, months: number): Period {
  const index = periodYear(period) * 12 + periodMonth(period) - 1 + months;
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** First day of the month as a UTC date, the form periods are stored in. */
export function periodToDate(period: Period): Date {
  return new Date(Date.UTC(periodYear(period), periodMonth(period) - 1, 1));
}

/** First day of the month as an ISO date string ("2024-01-01"), for SQL parameters: no time zone involved. */
export function periodFirstDay(period: Period): string {
  return `${period}-01`;
}

export function dateToPeriod(date: Date): Period {
  return formatPeriod(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** How many months a range covers, both ends included. */
export function monthCount({ from, to }: PeriodRange): number {
  return (periodYear(to) - periodYear(from)) * 12 + periodMonth(to) - periodMonth(from) + 1;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween({ from, to }: PeriodRange): Period[] {
  const months: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) months.push(p);
  return months;
}

/** The bucket a month falls in: "2024-01", "2024-Q1" or "2024". */
export function bucketOf(period: Period, granularity: Granularity): string {
  const year = periodYear(period);
  if (granularity === "YEAR") return String(year);
  if (granularity === "QUARTER") return `${year}-Q${Math.ceil(periodMonth(period) / 3)}`;
  return period;
}

/** Every bucket touched by the range, in order, each with its first and last month (clipped to the range). */
export function bucketsBetween(range: PeriodRange, granularity: Granularity): Array<{ bucket: string } & PeriodRange> {
  const buckets: Array<{ bucket: string } & PeriodRange> = [];
  for (const month of monthsBetween(range)) {
    const bucket = bucketOf(month, granularity);
    const last = buckets[buckets.length - 1];
    if (last && last.bucket === bucket) last.to = month;
    else buckets.push({ bucket, from: month, to: month });
  }
  return buckets;
}
