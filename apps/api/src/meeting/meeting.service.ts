import type { Database } from "@tradegraph/db";
import { pageRequest, type Page } from "../common/connection";
import { dayRangeOf, type DayRange } from "../common/date-range";
import { fetchPage } from "../common/keyset";
import { countryCodeOf } from "../country/country.service";
import { sql, type Sql } from "../sql";
import type { MeetingFilter, MeetingsArgs } from "./meeting.args";
import { Meeting, type MeetingRow } from "./meeting.type";

/** Meeting columns (alias m) with the aliases of MeetingRow; days as text, so no time zone shifts them. */
export const MEETING_COLUMNS = sql`m.id, m.title, m.event, m.place, to_char(m.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(m.end_date, 'YYYY-MM-DD') AS "endDate", m.topics, m.summary, m.source_id AS "sourceId",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt",
  m.created_by AS "createdBy", m.updated_by AS "updatedBy"`;

/** A trimmed ILIKE pattern matching the text anywhere, with LIKE's wildcards escaped; null when blank. */
export function containsPattern(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
}

/** Meetings (alias m) with a participant from the country. */
export function hasParticipantFrom(code: string): Sql {
  return sql`EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.country_code = ${code})`;
}

/** Meetings (alias m) overlapping the days; a meeting without an end date lasts one day. */
export function overlapsDays(days: DayRange): Sql[] {
  return [
    ...(days.from != null ? [sql`COALESCE(m.end_date, m.start_date) >= ${days.from}::date`] : []),
    ...(days.to != null ? [sql`m.start_date <= ${days.to}::date`] : []),
  ];
}

/** SQL conditions for a meeting filter; codes and days are checked by the domain rules first. */
export function meetingConditions(filter: MeetingFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.country != null) conditions.push(hasParticipantFrom(countryCodeOf(filter.country, "filter.country")));
  const participant = containsPattern(filter.participant);
  if (participant) {
    conditions.push(sql`EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.person ILIKE ${participant})`);
  }
  conditions.push(...overlapsDays(dayRangeOf(filter.date, "filter.date")));
  const topic = filter.topic?.trim();
  if (topic) conditions.push(sql`EXISTS (SELECT 1 FROM unnest(m.topics) AS t(topic) WHERE lower(t.topic) = lower(${topic}))`);
  const event = containsPattern(filter.event);
  if (event) conditions.push(sql`m.event ILIKE ${event}`);
  return conditions;
}

/** A page of meetings, newest first, matching the filter plus conditions a caller adds (e.g. a country). */
export function listMeetings(db: Database, args: MeetingsArgs, extra: Sql[] = []): Promise<Page<Meeting>> {
  const request = pageRequest(args);
  return fetchPage<MeetingRow, Meeting>(
    db.pool,
    {
      columns: MEETING_COLUMNS,
      from: sql`FROM meeting m`,
      where: [...extra, ...meetingConditions(args.filter)],
      id: sql`m.id`,
      sort: { expr: sql`m.start_date`, type: "date", descending: true },
    },
    request,
    (row) => Meeting.from(row),
  );
}
