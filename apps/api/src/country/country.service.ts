import type { Database } from "@tradegraph/db";
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
  const where: Sql[] = [];
  const { region, subregion, search } = args.filter ?? {};
  if (region != null) where.push(sql`lower(c.region) = lower(${region})`);
  if (subregion != null) where.push(sql`lower(c.subregion) = lower(${subregion})`);
  if (search != null && search.trim() !== "") {
    const pattern = `%${search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      sql`(c.name ILIKE ${pattern} OR c.official_name ILIKE ${pattern} OR c.code = upper(${search.trim()}) OR c.alpha3 = upper(${search.trim()}))`,
    );
  }
  return fetchPage(
    db.pool,
    {
      columns: sql`c.code AS id, c.code, c.alpha3, c."numeric", c.name, c.official_name AS "officialName", c.region, c.subregion`,
      from: sql`FROM country c`,
      where,
      id: sql`c.code`,
      idType: "text",
      sort: { expr: sql`c.name`, type: "text", descending: false },
    },
    pageRequest(args),
    (row: { id: string; code: string; alpha3: string; numeric: string; name: string; officialName: string; region: string | null; subregion: string | null }) =>
      Country.from(row),
  );
}
