import { parseCountryCode, parseHsCode, parsePeriod, parsePeriodRange, periodFirstDay } from "@tradegraph/domain";
import type { Database } from "@tradegraph/db";
import { pageRequest, type Page } from "../common/connection";
import { numericIdOf } from "../common/global-id";
import { fetchPage, type SortKey } from "../common/keyset";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { sql, type Sql } from "../sql";
import { ExportRecordOrderField, SortDirection, type ExportRecordsArgs, type ExportRecordFilter, type FloatRangeInput } from "./export-record.args";
import { toExportRecord, type ExportRecord, type ExportRecordRow } from "./export-record.type";

/** Columns of an export record with camelCase aliases, for toExportRecord. */
export const EXPORT_RECORD_COLUMNS = sql`er.id, er.exporter_code AS "exporterCode", er.importer_code AS "importerCode",
  er.commodity_code AS "commodityCode", to_char(er.period, 'YYYY-MM') AS period,
  er.quantity_tonnes AS "quantityTonnes", er.value_usd AS "valueUsd",
  er.quantity_approximate AS "quantityApproximate", er.value_approximate AS "valueApproximate",
  er.quantity_estimated AS "quantityEstimated", er.value_estimated AS "valueEstimated",
  er.reported_rank AS "reportedRank", er.source_id AS "sourceId", er.created_at AS "createdAt",
  er.updated_at AS "updatedAt", er.created_by AS "createdBy", er.updated_by AS "updatedBy"`;

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
    conditions.push(sql`er.exporter_code = ${code}`);
  }
  if (filter.importer != null) {
    const code = parseInput("filter.importer", () => parseCountryCode(filter.importer!));
    conditions.push(sql`er.importer_code = ${code}`);
  }
  if (filter.commodity != null) {
    const code = parseInput("filter.commodity", () => parseHsCode(filter.commodity!));
    conditions.push(sql`er.commodity_code = ${code}`);
  }
  const { from, to } = filter.period ?? {};
  if (from != null && to != null) parseInput("filter.period", () => parsePeriodRange(from, to));
  if (from != null) conditions.push(sql`er.period >= ${periodFirstDay(parseInput("filter.period.from", () => parsePeriod(from)))}::date`);
  if (to != null) conditions.push(sql`er.period <= ${periodFirstDay(parseInput("filter.period.to", () => parsePeriod(to)))}::date`);
  conditions.push(...rangeConditions(sql`er.value_usd`, filter.valueUsd, "filter.valueUsd"));
  conditions.push(...rangeConditions(sql`er.quantity_tonnes`, filter.quantityTonnes, "filter.quantityTonnes"));
  if (filter.source != null) conditions.push(sql`er.source_id = ${numericIdOf("Source", filter.source, "filter.source")}`);
  return conditions;
}

function sortKey(orderBy: ExportRecordsArgs["orderBy"]): SortKey {
  const descending = (orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC;
  // Missing figures sort last either way: -1 sorts below any figure descending, Infinity above ascending.
  const missing = descending ? sql`-1` : sql`'Infinity'::numeric`;
  switch (orderBy?.field ?? ExportRecordOrderField.PERIOD) {
    case ExportRecordOrderField.VALUE:
      return { expr: sql`COALESCE(er.value_usd, ${missing})`, type: "numeric", descending };
    case ExportRecordOrderField.QUANTITY:
      return { expr: sql`COALESCE(er.quantity_tonnes, ${missing})`, type: "numeric", descending };
    default:
      return { expr: sql`er.period`, type: "date", descending };
  }
}

/** A page of export records matching the filter, plus conditions a caller adds (e.g. a country's side). */
export function listExportRecords(db: Database, args: ExportRecordsArgs, extra: Sql[] = []): Promise<Page<ExportRecord>> {
  const request = pageRequest(args);
  return fetchPage<ExportRecordRow & { id: number }, ExportRecord>(
    db.pool,
    {
      columns: EXPORT_RECORD_COLUMNS,
      from: sql`FROM export_record er`,
      where: [...extra, ...exportRecordConditions(args.filter)],
      id: sql`er.id`,
      sort: sortKey(args.orderBy),
    },
    request,
    toExportRecord,
  );
}
