import type { Database } from "@tradegraph/db";
import { meetingParticipantTable, meetingTable } from "@tradegraph/db/sql";
import { pageRequest, type Page } from "../common/connection";
import { dayRangeOf, type DayRange } from "../common/date-range";
import { fetchPage } from "../common/keyset";
import { countryCodeOf } from "../country/country.service";
import { join, queryRows, sql, type Sql } from "../sql";
import type { MeetingFilter, MeetingsArgs } from "./meeting.args";
import { Meeting } from "./meeting.type";

const ALIAS = "m";
const column = (key: keyof typeof meetingTable.spec) => meetingTable.column(ALIAS, key);
const participant = (key: keyof typeof meetingParticipantTable.spec) => meetingParticipantTable.column("p", key);

/** Conditions a caller adds to a list of meetings. */
export interface MeetingScope {
  /** Meetings with a participant from this country. */
  countryCode?: string;
}

/** A trimmed ILIKE pattern matching the text anywhere, with LIKE's wildcards escaped; null when blank. */
export function containsPattern(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
}

/** Meetings (under `alias`) with a participant from the country. */
function hasParticipantFrom(alias: string, code: string): Sql {
  return sql`EXISTS (SELECT 1 FROM ${meetingParticipantTable.from("p")}
    WHERE ${participant("meetingId")} = ${meetingTable.column(alias, "id")} AND ${participant("countryCode")} = ${code})`;
}

/** Meetings (under `alias`) overlapping the days; a meeting without an end date lasts one day. */
function overlapsDays(alias: string, days: DayRange): Sql[] {
  const start = meetingTable.column(alias, "startDate");
  return [
    ...(days.from != null ? [sql`COALESCE(${meetingTable.column(alias, "endDate")}, ${start}) >= ${days.from}::date`] : []),
    ...(days.to != null ? [sql`${start} <= ${days.to}::date`] : []),
  ];
}

/** SQL conditions for a meeting filter; codes and days are checked by the domain rules first. */
export function meetingConditions(filter: MeetingFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.country != null) conditions.push(hasParticipantFrom(ALIAS, countryCodeOf(filter.country, "filter.country")));
  const pattern = containsPattern(filter.participant);
  if (pattern) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${meetingParticipantTable.from("p")} WHERE ${participant("meetingId")} = ${column("id")} AND ${participant("person")} ILIKE ${pattern})`);
  }
  conditions.push(...overlapsDays(ALIAS, dayRangeOf(filter.date, "filter.date")));
  const topic = filter.topic?.trim();
  if (topic) conditions.push(sql`EXISTS (SELECT 1 FROM unnest(${column("topics")}) AS t(topic) WHERE lower(t.topic) = lower(${topic}))`);
  const event = containsPattern(filter.event);
  if (event) conditions.push(sql`${column("event")} ILIKE ${event}`);
  return conditions;
}

/** A page of meetings, newest first, matching the filter within the scope (e.g. a country's meetings). */
export function listMeetings(db: Database, args: MeetingsArgs, scope: MeetingScope = {}): Promise<Page<Meeting>> {
  const extra = scope.countryCode != null ? [hasParticipantFrom(ALIAS, scope.countryCode)] : [];
  const request = pageRequest(args);
  return fetchPage<{ id: number }, Meeting>(
    db.pool,
    {
      columns: meetingTable.columns(ALIAS),
      from: sql`FROM ${meetingTable.from(ALIAS)}`,
      where: [...extra, ...meetingConditions(args.filter)],
      id: column("id"),
      sort: { expr: column("startDate"), type: "date", descending: true },
    },
    request,
    (row) => Meeting.from(meetingTable.decode(row)),
  );
}

/** Every meeting with participants from all the countries that overlaps the days, by start date. */
export async function meetingsWith(db: Database, countryCodes: readonly string[], days: DayRange): Promise<Meeting[]> {
  const conditions = [...countryCodes.map((code) => hasParticipantFrom(ALIAS, code)), ...overlapsDays(ALIAS, days)];
  const rows = await queryRows<Record<string, unknown>>(
    db.pool,
    sql`SELECT ${meetingTable.columns(ALIAS)} FROM ${meetingTable.from(ALIAS)} WHERE ${join(conditions, " AND ")}
        ORDER BY ${column("startDate")}, ${column("id")}`,
  );
  return rows.map((row) => Meeting.from(meetingTable.decode(row)));
}
