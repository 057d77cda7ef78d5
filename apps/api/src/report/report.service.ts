import type { Database } from "@tradegraph/db";
import { reportSubjectTable, reportTable } from "@tradegraph/db/sql";
import { pageRequest, type Page } from "../common/connection";
import { dayRangeOf, type DayRange } from "../common/date-range";
import { fetchPage } from "../common/keyset";
import { countryCodeOf } from "../country/country.service";
import { join, queryRows, sql, type Sql } from "../sql";
import type { ReportFilter, ReportsArgs } from "./report.args";
import { Report } from "./report.type";

const ALIAS = "r";
const column = (key: keyof typeof reportTable.spec) => reportTable.column(ALIAS, key);
const subject = (key: keyof typeof reportSubjectTable.spec) => reportSubjectTable.column("s", key);

/** Conditions a caller adds to a list of reports. */
export interface ReportScope {
  /** Reports with this country among their subjects. */
  subjectCountryCode?: string;
}

/** Reports (under `alias`) with the country among their subjects. */
function hasSubject(alias: string, code: string): Sql {
  return sql`EXISTS (SELECT 1 FROM ${reportSubjectTable.from("s")}
    WHERE ${subject("reportId")} = ${reportTable.column(alias, "id")} AND ${subject("countryCode")} = ${code})`;
}

/** SQL conditions for a report filter; codes and days are checked by the domain rules first. */
export function reportConditions(filter: ReportFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.publisherCountry != null) {
    conditions.push(sql`${column("publisherCountryCode")} = ${countryCodeOf(filter.publisherCountry, "filter.publisherCountry")}`);
  }
  if (filter.subjectCountry != null) conditions.push(hasSubject(ALIAS, countryCodeOf(filter.subjectCountry, "filter.subjectCountry")));
  const topic = filter.topic?.trim();
  if (topic) conditions.push(sql`EXISTS (SELECT 1 FROM unnest(${column("topics")}) AS t(topic) WHERE lower(t.topic) = lower(${topic}))`);
  const days = dayRangeOf(filter.publishedOn, "filter.publishedOn");
  if (days.from != null) conditions.push(sql`${column("publishedOn")} >= ${days.from}::date`);
  if (days.to != null) conditions.push(sql`${column("publishedOn")} <= ${days.to}::date`);
  return conditions;
}

/** A page of reports, newest first and undated last, matching the filter within the scope (e.g. a country's reports). */
export function listReports(db: Database, args: ReportsArgs, scope: ReportScope = {}): Promise<Page<Report>> {
  const extra = scope.subjectCountryCode != null ? [hasSubject(ALIAS, scope.subjectCountryCode)] : [];
  return fetchPage<{ id: number }, Report>(
    db.pool,
    {
      columns: reportTable.columns(ALIAS),
      from: sql`FROM ${reportTable.from(ALIAS)}`,
      where: [...extra, ...reportConditions(args.filter)],
      id: column("id"),
      // Undated reports sort as year 1, below every real date.
      sort: { expr: sql`COALESCE(${column("publishedOn")}, DATE '0001-01-01')`, type: "date", descending: true },
    },
    pageRequest(args),
    (row) => Report.from(reportTable.decode(row)),
  );
}

/** Every report about all the countries, undated or dated within the days; by day, undated last. */
export async function reportsAbout(db: Database, countryCodes: readonly string[], days: DayRange): Promise<Report[]> {
  const conditions = countryCodes.map((code) => hasSubject(ALIAS, code));
  const publishedOn = column("publishedOn");
  if (days.from) conditions.push(sql`(${publishedOn} IS NULL OR ${publishedOn} >= ${days.from}::date)`);
  if (days.to) conditions.push(sql`(${publishedOn} IS NULL OR ${publishedOn} <= ${days.to}::date)`);
  const rows = await queryRows<Record<string, unknown>>(
    db.pool,
    sql`SELECT ${reportTable.columns(ALIAS)} FROM ${reportTable.from(ALIAS)} WHERE ${join(conditions, " AND ")}
        ORDER BY ${publishedOn} NULLS LAST, ${column("id")}`,
  );
  return rows.map((row) => Report.from(reportTable.decode(row)));
}
