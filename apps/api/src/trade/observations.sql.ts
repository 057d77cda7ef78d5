import { exportRecordTable, sourceTable } from "@tradegraph/db/sql";
import { Frequency, ReportedBy, TradeFlow } from "../export-record/observation.type";
import { empty, join, raw, sql, type Sql } from "../sql";

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
const publishedOn = (source: Sql) => sql`COALESCE(${source}, DATE '0001-01-01')`;

/** The publication date of the source of the record under `recordAlias` (a scalar subquery on its key). */
const sourceOf = (recordAlias: string) =>
  sql`(SELECT ${sourceTable.column("s", "publishedOn")} FROM ${sourceTable.from("s")} WHERE ${sourceTable.column("s", "id")} = ${column(recordAlias, "sourceId")})`;

/** The precedence as an ORDER BY list for records (under `alias`) of one flow: the one that counts comes first. */
export function precedenceOrder(alias: string, source: Sql = sourceOf(alias)): Sql {
  return sql`${flowRank(alias)}, ${publishedOn(source)} DESC, ${column(alias, "id")} DESC`;
}

const keys = (alias: string, list: ReadonlyArray<keyof typeof exportRecordTable.spec>) => join(list.map((key) => column(alias, key)), ", ");

/** A flow: what one observation of it reports on. */
const FLOW_KEY = ["exporterCode", "importerCode", "commodityCode", "frequency", "period"] as const;

/** One observation at every HS level: the natural key without the code. */
const OBSERVATION_KEY = ["exporterCode", "importerCode", "frequency", "period", "reporterCode", "flow", "sourceId"] as const;

/**
 * The records an aggregate counts among those `where` selects (conditions on `alias`), as a derived table under
 * `alias` with export_record's columns. `commodity` is the aggregate's HS code (null: every commodity). Each flow
 * is counted once (docs/trade-queries.md, docs/hs-nomenclature.md):
 * - **across HS levels**: within one observation (same source, reporter and flow), a record at code K is left out
 *   when a record at an ancestor of K at `commodity`'s level or deeper exists: the most aggregated record under
 *   `commodity` wins (a file with a flow at 2, 4 and 6 digits adds it once);
 * - **across reporters and sources**: of the observations of a flow (exporter, importer, code, frequency, period)
 *   that the filter admits, the first by the precedence counts: the exporter's report (EXPORT, then RE_EXPORT)
 *   before the importer's (IMPORT, then RE_IMPORT), then the most recently published source (undated last), then
 *   the record stored last.
 * Set-wise, in the caller's statement: window functions over the selected records (every record a rule compares
 * with is among them), one scan and no probe per record.
 */
export function countedRecords(alias: string, where: readonly Sql[], commodity: string | null, filter: ObservationFilter): Sql {
  const depth = Math.max(commodity?.length ?? 0, 2);
  const code = column(alias, "commodityCode");
  const levelOf = (digits: number) => sql`bool_or(length(${code}) = ${raw(String(digits))}) OVER (PARTITION BY ${keys(alias, OBSERVATION_KEY)}, left(${code}, ${raw(String(digits))}))`;
  // Records at `commodity`'s own level (chapters when none is given) have no ancestor to give way to.
  const levels =
    depth === 2
      ? { windows: sql`, ${levelOf(2)} AS under_chapter, ${levelOf(4)} AS under_heading`, keep: sql`AND (length(${code}) = 2 OR (NOT ${raw(alias)}.under_chapter AND (length(${code}) = 4 OR NOT ${raw(alias)}.under_heading)))` }
      : depth === 4
        ? { windows: sql`, ${levelOf(4)} AS under_heading`, keep: sql`AND (length(${code}) = 4 OR NOT ${raw(alias)}.under_heading)` }
        : { windows: empty, keep: empty };
  const source = sourceTable.column("src", "publishedOn");
  return sql`(SELECT * FROM (
      SELECT ${raw(alias)}.*, row_number() OVER (PARTITION BY ${keys(alias, FLOW_KEY)} ORDER BY ${precedenceOrder(alias, source)}) AS precedence ${levels.windows}
      FROM ${exportRecordTable.from(alias)} LEFT JOIN ${sourceTable.from("src")} ON ${sourceTable.column("src", "id")} = ${column(alias, "sourceId")}
      WHERE ${join([...where, ...filtered(alias, filter)], " AND ")}
    ) ${raw(alias)} WHERE ${raw(alias)}.precedence = 1 ${levels.keep}) ${raw(alias)}`;
}
