import type { Database } from "@tradegraph/db";
import { Commodity } from "./commodity/commodity.type";
import { Country } from "./country/country.type";
import { queryRows, sql } from "./sql";

/** How long the in-process copy of the reference tables is trusted before it is read again. */
const REFRESH_MS = 5 * 60_000;

/** A table kept in memory; `refresh: true` reads it again (e.g. when a key is missing after a seed). */
export type CachedTable<K, V> = (options?: { refresh?: boolean }) => Promise<ReadonlyMap<K, V>>;

export interface ReferenceData {
  countries: CachedTable<string, Country>;
  commodities: CachedTable<string, Commodity>;
}

/** Reads a small table once and again after REFRESH_MS or on request; concurrent callers share one read. */
function cached<K, V>(load: () => Promise<ReadonlyMap<K, V>>): CachedTable<K, V> {
  let value: Promise<ReadonlyMap<K, V>> | null = null;
  let loadedAt = 0;
  return ({ refresh = false } = {}) => {
    if (!value || refresh || Date.now() - loadedAt > REFRESH_MS) {
      loadedAt = Date.now();
      value = load().catch((error: unknown) => {
        value = null;
        throw error;
      });
    }
    return value;
  };
}

/**
 * The 249 countries and the commodity headings, kept in memory for the whole process: every trade row names
 * three of them, and they change only when the database is seeded. Saves one statement per relation per
 * request on the hottest paths. Loaded when the server starts.
 */
export function createReferenceData({ pool }: Database): ReferenceData {
  return {
    countries: cached(async () => {
      const rows = await queryRows<Parameters<typeof Country.from>[0]>(
        pool,
        sql`SELECT code, alpha3, "numeric", name, official_name AS "officialName", region, subregion FROM country`,
      );
      return new Map(rows.map((row) => [row.code, Country.from(row)]));
    }),
    commodities: cached(async () => {
      const rows = await queryRows<{ hsCode: string; description: string }>(pool, sql`SELECT hs_code AS "hsCode", description FROM commodity`);
      return new Map(rows.map((row) => [row.hsCode, Commodity.from(row)]));
    }),
  };
}
