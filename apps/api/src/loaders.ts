import type { Database } from "@tradegraph/db";
import {
  exportRecordTable,
  meetingParticipantTable,
  meetingTable,
  reportFindingTable,
  reportSubjectTable,
  reportTable,
  sourceTable,
  type Table,
  type Columns,
  type RowOf,
} from "@tradegraph/db/sql";
import DataLoader from "dataloader";
import type pg from "pg";
import { Country } from "./country/country.type";
import { toExportRecord } from "./export-record/export-record.type";
import { Meeting, Participant } from "./meeting/meeting.type";
import type { CachedTable, ReferenceData } from "./reference-data";
import { Finding, Report } from "./report/report.type";
import { Source } from "./source/source.type";
import { empty, join, queryRows, raw, sql } from "./sql";

/**
 * The rows of a table (alias t) whose `key` column is one of the keys, decoded, in the order given: one
 * `WHERE key = ANY(…)` statement.
 */
async function rowsOf<C extends Columns>(
  pool: pg.Pool,
  table: Table<C>,
  key: keyof C & string,
  keys: readonly unknown[],
  orderBy: ReadonlyArray<keyof C & string> = [],
): Promise<Array<RowOf<C>>> {
  const order = orderBy.length ? sql`ORDER BY ${join(orderBy.map((column) => table.column("t", column)))}` : empty;
  const selected = await queryRows<Record<string, unknown>>(
    pool,
    sql`SELECT ${table.columns("t")} FROM ${table.from("t")} WHERE ${table.column("t", key)} = ANY(${[...keys]}::${raw(table.spec[key]!.type)}[]) ${order}`,
  );
  return selected.map((row) => table.decode(row));
}

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
 * countries and commodities, which come from the in-memory reference data). Each returns GraphQL objects.
 */
export function createLoaders({ pool }: Database, reference: ReferenceData) {
  const countries = fromTable(reference.countries);
  return {
    country: countries,
    commodity: fromTable(reference.commodities),
    source: batchBy((ids: readonly number[]) => rowsOf(pool, sourceTable, "id", ids), (row) => row.id, (row) => Source.from(row)),
    exportRecord: batchBy((ids: readonly number[]) => rowsOf(pool, exportRecordTable, "id", ids), (row) => row.id, toExportRecord),
    meeting: batchBy((ids: readonly number[]) => rowsOf(pool, meetingTable, "id", ids), (row) => row.id, (row) => Meeting.from(row)),
    participantsByMeeting: groupBy(
      (ids: readonly number[]) => rowsOf(pool, meetingParticipantTable, "meetingId", ids, ["meetingId", "position"]),
      (row) => row.meetingId,
      (row) => Participant.from(row),
    ),
    report: batchBy((ids: readonly number[]) => rowsOf(pool, reportTable, "id", ids), (row) => row.id, (row) => Report.from(row)),
    /** The subject countries of each report, by code. */
    subjectsByReport: new DataLoader<number, Country[]>(async (ids) => {
      const rows = await rowsOf(pool, reportSubjectTable, "reportId", ids, ["reportId", "countryCode"]);
      const found = await countries.loadMany([...new Set(rows.map((row) => row.countryCode))]);
      const byCode = new Map(found.flatMap((country) => (country instanceof Country ? [[country.code, country] as const] : [])));
      const groups = new Map<number, Country[]>(ids.map((id) => [id, []]));
      for (const row of rows) {
        const country = byCode.get(row.countryCode);
        if (country) groups.get(row.reportId)?.push(country);
      }
      return ids.map((id) => groups.get(id) ?? []);
    }),
    findingsByReport: groupBy(
      (ids: readonly number[]) => rowsOf(pool, reportFindingTable, "reportId", ids, ["reportId", "position"]),
      (row) => row.reportId,
      (row) => Finding.from(row),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
