import { exportRecordTable, sourceTable } from "@tradegraph/db/sql";
import { Frequency, ReportedBy, TradeFlow } from "../export-record/observation.type";
import { join, sql, type Sql } from "../sql";

const column = (alias: string, key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(alias, key);

/** Which observations an aggregate reads: one frequency, whose reports, which declared flows. */
export interface ObservationFilter {
  frequency: Frequency;
  reportedBy: ReportedBy;
  /** Null: every flow (one observation per flow is still picked). */
  flows: readonly TradeFlow[] | null;
}

export const DEFAULT_OBSERVATIONS: ObservationFilter = { frequency: Frequency.MONTHLY, reportedBy: ReportedBy.ANY, flows: null };

const SIDE_FLOWS: Record<ReportedBy, readonly TradeFlow[] | null> = {
  [ReportedBy.EXPORTER]: [TradeFlow.EXPORT, TradeFlow.RE_EXPORT],
  [ReportedBy.IMPORTER]: [TradeFlow.IMPORT, TradeFlow.RE_IMPORT],
  [ReportedBy.ANY]: null,
};

/** The filter's conditions on one record (under `alias`). */
function filtered(alias: string, filter: ObservationFilter): Sql[] {
  const flow = column(alias, "flow");
  const side = SIDE_FLOWS[filter.reportedBy];
  const list = (flows: readonly TradeFlow[]) => sql`${flow} IN (${join(flows.map((f) => sql`${f}::trade_flow`))})`;
  return [sql`${column(alias, "frequency")} = ${filter.frequency}::trade_frequency`, ...(side ? [list(side)] : []), ...(filter.flows ? [list(filter.flows)] : [])];
}

/**
 * The flow's rank in the precedence: the exporter's report first (EXPORT, then RE_EXPORT, which Comtrade's
 * exports include), then the importer's (IMPORT, then RE_IMPORT).
 */
const flowRank = (alias: string) =>
  sql`CASE ${column(alias, "flow")} WHEN 'EXPORT' THEN 0 WHEN 'RE_EXPORT' THEN 1 WHEN 'IMPORT' THEN 2 ELSE 3 END`;

/** The record's source's publication date; unknown dates sort as the oldest. */
const publishedOn = (alias: string, source: Sql) => sql`COALESCE(${source}, DATE '0001-01-01')`;

/** The publication date of the source of the record under `recordAlias` (a scalar subquery on its key). */
const sourceOf = (recordAlias: string) =>
  sql`(SELECT ${sourceTable.column("s", "publishedOn")} FROM ${sourceTable.from("s")} WHERE ${sourceTable.column("s", "id")} = ${column(recordAlias, "sourceId")})`;

/** The precedence as an ORDER BY list for records (under `alias`) of one flow: the one that counts comes first. */
export function precedenceOrder(alias: string): Sql {
  return sql`${flowRank(alias)}, ${publishedOn(alias, sourceOf(alias))} DESC, ${column(alias, "id")} DESC`;
}

/**
 * Conditions that keep ONE observation per flow (exporter, importer, commodity code, frequency, period) among the
 * records the filter admits, for the record under `alias`: it is kept when no admitted record of the same flow
 * comes first by the precedence (docs/trade-queries.md, "Each flow counted once"):
 * 1. the reporting side: the exporter's report (EXPORT, then RE_EXPORT) before the importer's (IMPORT, then
 *    RE_IMPORT) — with `reportedBy: EXPORTER` or `IMPORTER` only that side is admitted;
 * 2. the source: the most recently published first (sources without a date last);
 * 3. the record stored last (highest id).
 * An anti-join on the natural-key index, inside the caller's statement.
 */
export function observationConditions(alias: string, filter: ObservationFilter): Sql[] {
  const same = (key: keyof typeof exportRecordTable.spec) => sql`${column("o", key)} = ${column(alias, key)}`;
  // o comes first: (rank, -published, -id) of o below er's; descending parts swap sides in the row comparison.
  const before = sql`(${flowRank("o")}, ${publishedOn(alias, sourceOf(alias))}, ${column(alias, "id")}) < (${flowRank(alias)}, ${publishedOn("o", sourceOf("o"))}, ${column("o", "id")})`;
  return [
    ...filtered(alias, filter),
    sql`NOT EXISTS (
      SELECT 1 FROM ${exportRecordTable.from("o")}
      WHERE ${same("exporterCode")} AND ${same("importerCode")} AND ${same("commodityCode")} AND ${same("frequency")} AND ${same("period")}
        AND ${column("o", "id")} <> ${column(alias, "id")} AND ${join(filtered("o", filter), " AND ")} AND ${before}
    )`,
  ];
}

