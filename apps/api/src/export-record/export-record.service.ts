import { parseCountryCode, parseHsCode, parsePeriod, parsePeriodRange, periodFirstDay } from "@tradegraph/domain";
import type { Database } from "@tradegraph/db";
import { exportRecordTable } from "@tradegraph/db/sql";
import { pageRequest, type Page } from "../common/connection";
import { numericIdOf } from "../common/global-id";
import { fetchPage, type SortKey } from "../common/keyset";
import { codesUnder } from "../commodity/commodity.sql";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { sql, type Sql } from "../sql";
import { ExportRecordOrderField, SortDirection, type ExportRecordsArgs, type ExportRecordFilter, type FloatRangeInput } from "./export-record.args";
import { toExportRecord, type ExportRecord } from "./export-record.type";

const ALIAS = "er";
const column = (key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(ALIAS, key);

/** Conditions a caller adds to a list of export records, e.g. a country's side of the trade. */
export interface ExportRecordScope {
  exporterCode?: string;
  importerCode?: string;
}

function rangeConditions(column: Sql, range: FloatRangeInput | null | undefined, field: string): Sql[] {
  if (!range) return [];
  const { gte, lte } = range;
  if (gte != null && lte != null && gte > lte) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, `${field}: gte (${gte}) is greater than lte (${lte}).`, field);
  }
  return [...(gte != null ? [sql`${column} >= ${gte}`] : []), ...(lte != null ? [sql`${column} <= ${lte}`] : [])];
}

/** SQL conditions for a filter; codes and periods are validated by the domain rules first. */
export function exportRecordConditions(filter: ExportRecordFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.exporter != null) {
    const code = parseInput("filter.exporter", () => parseCountryCode(filter.exporter!));
    conditions.push(sql`${column("exporterCode")} = ${code}`);
  }
  if (filter.importer != null) {
    const code = parseInput("filter.importer", () => parseCountryCode(filter.importer!));
    conditions.push(sql`${column("importerCode")} = ${code}`);
  }
  if (filter.commodity != null) {
    const code = parseInput("filter.commodity", () => parseHsCode(filter.commodity!));
    conditions.push(codesUnder(ALIAS, code));
  }
  const { from, to } = filter.period ?? {};
  if (from != null && to != null) parseInput("filter.period", () => parsePeriodRange(from, to));
  if (from != null) conditions.push(sql`${column("period")} >= ${periodFirstDay(parseInput("filter.period.from", () => parsePeriod(from)))}::date`);
  if (to != null) conditions.push(sql`${column("period")} <= ${periodFirstDay(parseInput("filter.period.to", () => parsePeriod(to)))}::date`);
  conditions.push(...rangeConditions(column("valueUsd"), filter.valueUsd, "filter.valueUsd"));
  conditions.push(...rangeConditions(column("quantityTonnes"), filter.quantityTonnes, "filter.quantityTonnes"));
  if (filter.source != null) conditions.push(sql`${column("sourceId")} = ${numericIdOf("Source", filter.source, "filter.source")}`);
  return conditions;
}

function sortKey(orderBy: ExportRecordsArgs["orderBy"]): SortKey {
  const descending = (orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC;
  // Missing figures sort last either way: -1 sorts below any figure descending, Infinity above ascending.
  const missing = descending ? sql`-1` : sql`'Infinity'::numeric`;
  switch (orderBy?.field ?? ExportRecordOrderField.PERIOD) {
    case ExportRecordOrderField.VALUE:
      return { expr: sql`COALESCE(${column("valueUsd")}, ${missing})`, type: "numeric", descending };
    case ExportRecordOrderField.QUANTITY:
      return { expr: sql`COALESCE(${column("quantityTonnes")}, ${missing})`, type: "numeric", descending };
    default:
      return { expr: column("period"), type: "date", descending };
  }
}

/** A page of export records matching the filter, within the scope (e.g. a country's exports). */
export function listExportRecords(db: Database, args: ExportRecordsArgs, scope: ExportRecordScope = {}): Promise<Page<ExportRecord>> {
  const request = pageRequest(args);
  const where = [
    ...(scope.exporterCode != null ? [sql`${column("exporterCode")} = ${scope.exporterCode}`] : []),
    ...(scope.importerCode != null ? [sql`${column("importerCode")} = ${scope.importerCode}`] : []),
    ...exportRecordConditions(args.filter),
  ];
  return fetchPage<{ id: number }, ExportRecord>(
    db.pool,
    {
      columns: exportRecordTable.columns(ALIAS),
      from: sql`FROM ${exportRecordTable.from(ALIAS)}`,
      where,
      id: column("id"),
      sort: sortKey(args.orderBy),
      // A commodity's page: the (commodity, period) index includes value, tonnes and id, so the page's ids come
      // from it alone (migration export_record_commodity_covering). Other lists read fewer rows straight away.
      idsFirst: args.filter?.commodity != null,
    },
    request,
    (row) => toExportRecord(exportRecordTable.decode(row)),
  );
}
