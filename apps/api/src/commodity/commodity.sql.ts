import { exportRecordTable } from "@tradegraph/db/sql";
import { sql, type Sql } from "../sql";

const column = (alias: string, key: keyof typeof exportRecordTable.spec) => exportRecordTable.column(alias, key);

/**
 * Export records (under `alias`) at an HS code or any code under it: `27` takes 27, 2709 and 270900. A range
 * on the code (so the commodity index serves it) and the exact prefix test.
 */
export function codesUnder(alias: string, code: string): Sql {
  const commodity = column(alias, "commodityCode");
  return sql`${commodity} BETWEEN ${code} AND ${code.padEnd(6, "9")} AND left(${commodity}, ${code.length}) = ${code}`;
}
