import type { Database } from "@tradegraph/db";
import { commodityTable, countryTable } from "@tradegraph/db/sql";
import { Commodity } from "./commodity/commodity.type";
import { Country } from "./country/country.type";
import { queryRows, sql } from "./sql";

/** How long the in-process copy of the reference tables is trusted before it is read again. */
const REFRESH_MS = 5 * 60_000;

/** A table kept in memory; `refresh: true` reads it again (e.g. when a key is missing after a seed). */
export interface CachedTable<K, V> {
  (options?: { refresh?: boolean }): Promise<ReadonlyMap<K, V>>;
  /** The table as last read, for synchronous lookups on hot paths; null before the first read. */
  current: ReadonlyMap<K, V> | null;
}

export interface ReferenceData {
  countries: CachedTable<string, Country>;
  commodities: CachedTable<string, Commodity>;
}

/** Reads a small table once and again after REFRESH_MS or on request; concurrent callers share one read. */
function cached<K, V>(load: () => Promise<ReadonlyMap<K, V>>): CachedTable<K, V> {
  let value: Promise<ReadonlyMap<K, V>> | null = null;
  let loadedAt = 0;
  const table = (({ refresh = false } = {}) => {
    if (!value || refresh || Date.now() - loadedAt > REFRESH_MS) {
      loadedAt = Date.now();
      value = load().then(
        (map) => (table.current = map),
        (error: unknown) => {
          value = null;
          throw error;
        },
      );
    }
    return value;
  }) as CachedTable<K, V>;
  table.current = null;
  return table;
}

/**
 * The 249 countries and the commodity headings, kept in memory for the whole process: every trade row names
 * three of them, and they change only when the database is seeded. Saves one statement per relation per
 * request on the hottest paths. Loaded when the server starts.
 */
export function createReferenceData({ pool }: Database): ReferenceData {
  return {
    countries: cached(async () => {
      const rows = await queryRows<Record<string, unknown>>(pool, sql`SELECT ${countryTable.columns("c")} FROM ${countryTable.from("c")}`);
      return new Map(rows.map((selected) => {
        const row = countryTable.decode(selected);
        return [row.code, Country.from(row)];
      }));
    }),
    commodities: cached(async () => {
      const rows = await queryRows<Record<string, unknown>>(pool, sql`SELECT ${commodityTable.columns("c")} FROM ${commodityTable.from("c")}`);
      return new Map(rows.map((selected) => {
        const row = commodityTable.decode(selected);
        return [row.hsCode, Commodity.from(row)];
      }));
    }),
  };
}

/** A country by code: from memory when loaded, else through the request's DataLoader. */
export function countryOf(context: { reference: ReferenceData; loaders: { country: { load(code: string): Promise<Country | null> } } }, code: string) {
  return context.reference.countries.current?.get(code) ?? context.loaders.country.load(code);
}

/** A commodity by HS code: from memory when loaded, else through the request's DataLoader. */
export function commodityOf(context: { reference: ReferenceData; loaders: { commodity: { load(code: string): Promise<Commodity | null> } } }, code: string) {
  return context.reference.commodities.current?.get(code) ?? context.loaders.commodity.load(code);
}
