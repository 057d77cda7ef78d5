import type { Database } from "@tradegraph/db";
import { countryTable } from "@tradegraph/db/sql";
import { lookupCountry } from "@tradegraph/domain";
import { pageRequest, type Page } from "../common/connection";
import { fetchPage } from "../common/keyset";
import { parseInput } from "../server/errors";
import { sql, type Sql } from "../sql";
import type { CountriesArgs } from "./country.args";
import { Country } from "./country.type";

/** The country for an alpha-2 or alpha-3 code in any case; rejects malformed and unassigned codes. */
export function countryCodeOf(input: string, field: string): string {
  return parseInput(field, () => lookupCountry(input).code);
}

export function listCountries(db: Database, args: CountriesArgs): Promise<Page<Country>> {
  const column = (key: keyof typeof countryTable.spec) => countryTable.column("c", key);
  const where: Sql[] = [];
  const { region, subregion, search } = args.filter ?? {};
  if (region != null) where.push(sql`lower(${column("region")}) = lower(${region})`);
  if (subregion != null) where.push(sql`lower(${column("subregion")}) = lower(${subregion})`);
  if (search != null && search.trim() !== "") {
    const pattern = `%${search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const code = search.trim();
    where.push(
      sql`(${column("name")} ILIKE ${pattern} OR ${column("officialName")} ILIKE ${pattern} OR ${column("code")} = upper(${code}) OR ${column("alpha3")} = upper(${code}))`,
    );
  }
  return fetchPage(
    db.pool,
    {
      // The code is the cursor's tiebreaker.
      columns: sql`${countryTable.columns("c")}, ${column("code")} AS id`,
      from: sql`FROM ${countryTable.from("c")}`,
      where,
      id: column("code"),
      idType: "text",
      sort: { expr: column("name"), type: "text", descending: false },
    },
    pageRequest(args),
    (row: { id: string }) => Country.from(countryTable.decode(row)),
  );
}
