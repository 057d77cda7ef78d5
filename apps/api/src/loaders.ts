import type { Database } from "@tradegraph/db";
import DataLoader from "dataloader";
import { Commodity } from "./commodity/commodity.type";
import { Country } from "./country/country.type";
import { toExportRecord, type ExportRecord } from "./export-record/export-record.type";
import { Source } from "./source/source.type";

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

/** Per-request DataLoaders for every relation, so a page of N items costs one statement per relation. */
export function createLoaders({ prisma }: Database) {
  return {
    country: batchBy(
      (codes: readonly string[]) => prisma.country.findMany({ where: { code: { in: [...codes] } } }),
      (row) => row.code,
      (row) => Country.from(row),
    ),
    commodity: batchBy(
      (codes: readonly string[]) => prisma.commodity.findMany({ where: { hsCode: { in: [...codes] } } }),
      (row) => row.hsCode,
      (row) => Commodity.from(row),
    ),
    source: batchBy(
      (ids: readonly number[]) => prisma.source.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
      (row) => Source.from(row),
    ),
    exportRecord: batchBy(
      (ids: readonly number[]) => prisma.exportRecord.findMany({ where: { id: { in: [...ids] } } }),
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
