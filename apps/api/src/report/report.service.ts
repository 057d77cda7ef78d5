import type { Database } from "@tradegraph/db";
import { pageRequest, type Page } from "../common/connection";
import { dayRangeOf } from "../common/date-range";
import { fetchPage } from "../common/keyset";
import { countryCodeOf } from "../country/country.service";
import { sql, type Sql } from "../sql";
import type { ReportFilter, ReportsArgs } from "./report.args";
import { Report, type ReportRow } from "./report.type";

/** Report columns (alias r) with the aliases of ReportRow; the day as text, so no time zone shifts it. */
export const REPORT_COLUMNS = sql`r.id, r.title, r.publisher, r.publisher_country_code AS "publisherCountryCode",
  to_char(r.published_on, 'YYYY-MM-DD') AS "publishedOn", r.topics, r.source_id AS "sourceId",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt",
  r.created_by AS "createdBy", r.updated_by AS "updatedBy"`;

/** Reports (alias r) with the country among their subjects. */
export function hasSubject(code: string): Sql {
  return sql`EXISTS (SELECT 1 FROM report_subject s WHERE s.report_id = r.id AND s.country_code = ${code})`;
}

/** SQL conditions for a report filter; codes and days are checked by the domain rules first. */
export function reportConditions(filter: ReportFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.publisherCountry != null) {
    conditions.push(sql`r.publisher_country_code = ${countryCodeOf(filter.publisherCountry, "filter.publisherCountry")}`);
  }
  if (filter.subjectCountry != null) conditions.push(hasSubject(countryCodeOf(filter.subjectCountry, "filter.subjectCountry")));
  const topic = filter.topic?.trim();
  if (topic) conditions.push(sql`EXISTS (SELECT 1 FROM unnest(r.topics) AS t(topic) WHERE lower(t.topic) = lower(${topic}))`);
  const days = dayRangeOf(filter.publishedOn, "filter.publishedOn");
  if (days.from != null) conditions.push(sql`r.published_on >= ${days.from}::date`);
  if (days.to != null) conditions.push(sql`r.published_on <= ${days.to}::date`);
  return conditions;
}

/** A page of reports, newest first and undated last, matching the filter plus conditions a caller adds. */
export function listReports(db: Database, args: ReportsArgs, extra: Sql[] = []): Promise<Page<Report>> {
  return fetchPage<ReportRow, Report>(
    db.pool,
    {
      columns: REPORT_COLUMNS,
      from: sql`FROM report r`,
      where: [...extra, ...reportConditions(args.filter)],
      id: sql`r.id`,
      // Undated reports sort as year 1, below every real date.
      sort: { expr: sql`COALESCE(r.published_on, DATE '0001-01-01')`, type: "date", descending: true },
    },
    pageRequest(args),
    (row) => Report.from(row),
  );
}
