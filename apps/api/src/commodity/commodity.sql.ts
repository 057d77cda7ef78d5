import { exportRecordTable } from "@tradegraph/db/sql";
import { raw, sql, type Sql } from "../sql";

const column = (alias: string, key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(alias, key);

/**
 * Export records (under `alias`) at an HS code or any code under it: `27` takes 27, 2709 and 270900. A range
 * on the code (so the commodity index serves it) and the exact prefix test.
 */
export function codesUnder(alias: string, code: string): Sql {
  const commodity = column(alias, "commodityCode");
  return sql`${commodity} BETWEEN ${code} AND ${code.padEnd(6, "9")} AND left(${commodity}, ${code.length}) = ${code}`;
}

/**
 * Each flow counted once across HS levels, for an aggregate over `code` (null: every commodity). A record at code
 * K counts only if no record of the same observation (same exporter, importer, frequency, period, reporter, flow
 * and source) exists at an
 * ancestor of K that is at `code`'s level or deeper: the most aggregated observation under `code` wins and its
 * more detailed ones are dropped. A file with the same flow at 2, 4 and 6 digits (Comtrade's AG2/AG4/AG6) thus
 * adds it once: under chapter 27 by its 27 row, under 2709 by its 2709 row. See docs/trade-queries.md.
 */
export function countedOnce(alias: string, code: string | null): Sql {
  const depth = Math.max(code?.length ?? 0, 2);
  // Records at `code`'s own level (or chapters when no code is given) have no ancestor to give way to.
  if (depth >= 6) return sql`TRUE`;
  const k = column(alias, "commodityCode");
  const a = (key: keyof typeof exportRecordTable.spec) => column("anc", key);
  const same = (key: keyof typeof exportRecordTable.spec) => sql`${a(key)} = ${column(alias, key)}`;
  // The ancestors at `code`'s level or deeper: under a heading only the subheading's heading; otherwise the
  // chapter and, for a subheading, its heading (for a heading left(k, 2) twice: one index probe).
  const ancestors = depth === 4 ? sql`${a("commodityCode")} = left(${k}, 4)` : sql`${a("commodityCode")} IN (left(${k}, 2), left(${k}, length(${k}) - 2))`;
  return sql`(length(${k}) <= ${raw(String(depth))} OR NOT EXISTS (
    SELECT 1 FROM ${exportRecordTable.from("anc")}
    WHERE ${same("exporterCode")} AND ${same("importerCode")} AND ${same("frequency")} AND ${same("period")} AND ${same("reporterCode")}
      AND ${same("flow")} AND ${same("sourceId")} AND ${ancestors}
  ))`;
}
