import type { Database } from "@tradegraph/db";
import DataLoader from "dataloader";
import { toDay } from "./common/date-range";
import { EXPORT_RECORD_COLUMNS } from "./export-record/export-record.service";
import { toExportRecord, type ExportRecord, type ExportRecordRow } from "./export-record/export-record.type";
import type { CachedTable, ReferenceData } from "./reference-data";
import { Source } from "./source/source.type";
import { queryRows, sql } from "./sql";

/** Batches keyed lookups into one `WHERE key IN (…)` statement each and returns results in key order. */
function batchBy<K, V, R extends Record<string, unknown>>(
  load: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  toValue: (row: R) => V,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), toValue(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Groups rows by a key: one statement for all parents, each parent gets its list (maybe empty). */
function groupBy<K, V, R>(load: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K, toValue: (row: R) => V): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await load(keys);
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(toValue(row));
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Looks keys up in an in-memory table (reference data): no statement once loaded; a missing key re-reads it once. */
function fromTable<K, V>(table: CachedTable<K, V>): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    let rows = await table();
    if (keys.some((key) => !rows.has(key))) rows = await table({ refresh: true });
    return keys.map((key) => rows.get(key) ?? null);
  });
}

/**
 * Per-request DataLoaders for every relation, so a page of N items costs one statement per relation (none for
 * countries and commodities, which come from the in-memory reference data). The hot ones use hand-written SQL.
 */
export function createLoaders({ prisma, pool }: Database, reference: ReferenceData) {
  return {
    country: fromTable(reference.countries),
    commodity: fromTable(reference.commodities),
    source: batchBy(
      (ids: readonly number[]) =>
        queryRows<Parameters<typeof Source.from>[0] & { publishedOnText: string | null }>(
          pool,
          sql`SELECT id, publisher, title, published_on::text AS "publishedOnText", url, retrieval_note AS "retrievalNote",
                     synthetic, created_at AS "createdAt", updated_at AS "updatedAt", created_by AS "createdBy", updated_by AS "updatedBy"
              FROM source WHERE id = ANY(${[...ids]}::int[])`,
        ),
      (row) => row.id,
      ({ publishedOnText, ...row }) => Source.from({ ...row, publishedOn: publishedOnText == null ? null : toDay(publishedOnText) }),
    ),
    exportRecord: batchBy(
      (ids: readonly number[]) =>
        queryRows<ExportRecordRow & Record<string, unknown>>(pool, sql`SELECT ${EXPORT_RECORD_COLUMNS} FROM export_record er WHERE er.id = ANY(${[...ids]}::int[])`),
      (row) => row.id,
      (row): ExportRecord => toExportRecord(row),
    ),
    meeting: batchBy(
      (ids: readonly number[]) => prisma.meeting.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
      (row) => row,
    ),
    participantsByMeeting: groupBy(
      (ids: readonly number[]) =>
        prisma.meetingParticipant.findMany({ where: { meetingId: { in: [...ids] } }, orderBy: [{ meetingId: "asc" }, { position: "asc" }] }),
      (row) => row.meetingId,
      (row) => row,
    ),
    report: batchBy(
      (ids: readonly number[]) => prisma.report.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
      (row) => row,
    ),
    subjectsByReport: groupBy(
      (ids: readonly number[]) =>
        prisma.reportSubject.findMany({ where: { reportId: { in: [...ids] } }, orderBy: [{ reportId: "asc" }, { countryCode: "asc" }] }),
      (row) => row.reportId,
      (row) => row.countryCode,
    ),
    findingsByReport: groupBy(
      (ids: readonly number[]) =>
        prisma.reportFinding.findMany({ where: { reportId: { in: [...ids] } }, orderBy: [{ reportId: "asc" }, { position: "asc" }] }),
      (row) => row.reportId,
      (row) => row,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
