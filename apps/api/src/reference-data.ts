import type { Database } from "@tradegraph/db";
import { commodityTable, countryTable, hsSectionTable } from "@tradegraph/db/sql";
import { Commodity, HsSection } from "./commodity/commodity.type";
import { Country } from "./country/country.type";
import { queryRows, sql } from "./sql";

/** How long the in-process copy of the reference tables is trusted before it is read again. */
const REFRESH_MS = 5 * 60_000;

/** A table kept in memory; `refresh: true` reads it again (e.g. when a key is missing after a seed). */
export interface CachedTable<K, V, M extends ReadonlyMap<K, V> = ReadonlyMap<K, V>> {
  (options?: { refresh?: boolean }): Promise<M>;
  /** The table as last read, for synchronous lookups on hot paths; null before the first read. */
  current: M | null;
}

/** The HS nomenclature in memory: every code by code, and the tree's edges. */
export interface CommodityTable extends ReadonlyMap<string, Commodity> {
  /** The codes one level below a code (a chapter's headings, a heading's subheadings), in code order; [] for none. */
  childrenOf(code: string): readonly Commodity[];
  /** The chapters, in code order. */
  readonly chapters: readonly Commodity[];
  /** Every code of one level (2, 4 or 6), in code order. */
  atLevel(level: number): readonly Commodity[];
  /** The sections by numeral. */
  readonly sections: ReadonlyMap<string, HsSection>;
}

export interface ReferenceData {
  countries: CachedTable<string, Country>;
  commodities: CachedTable<string, Commodity, CommodityTable>;
}

/** Indexes the nomenclature once per read: children, levels and sections are then map lookups (no N+1). */
function commodityTableOf(commodities: Commodity[], sections: HsSection[]): CommodityTable {
  commodities.sort((a, b) => (a.hsCode < b.hsCode ? -1 : a.hsCode > b.hsCode ? 1 : 0));
  const map = new Map(commodities.map((c) => [c.hsCode, c])) as Map<string, Commodity> & Partial<CommodityTable>;
  const children = new Map<string, Commodity[]>();
  const levels = new Map<number, Commodity[]>();
  for (const commodity of commodities) {
    if (commodity.parentCode !== null) {
      const list = children.get(commodity.parentCode);
      if (list) list.push(commodity);
      else children.set(commodity.parentCode, [commodity]);
    }
    const level = levels.get(commodity.level);
    if (level) level.push(commodity);
    else levels.set(commodity.level, [commodity]);
  }
  return Object.assign(map, {
    childrenOf: (code: string) => children.get(code) ?? [],
    chapters: levels.get(2) ?? [],
    atLevel: (level: number) => levels.get(level) ?? [],
    sections: new Map(sections.map((s) => [s.code, s])),
  });
}

/** Reads a small table once and again after REFRESH_MS or on request; concurrent callers share one read. */
function cached<K, V, M extends ReadonlyMap<K, V> = ReadonlyMap<K, V>>(load: () => Promise<M>): CachedTable<K, V, M> {
  let value: Promise<M> | null = null;
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
  }) as CachedTable<K, V, M>;
  table.current = null;
  return table;
}

/**
 * The 249 countries and the HS nomenclature (~7,000 codes, indexed by code, parent and level), kept in memory for the whole process: every trade row names
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
      const [rows, sections] = await Promise.all([
        queryRows<Record<string, unknown>>(pool, sql`SELECT ${commodityTable.columns("c")} FROM ${commodityTable.from("c")}`),
        queryRows<Record<string, unknown>>(pool, sql`SELECT ${hsSectionTable.columns("s")} FROM ${hsSectionTable.from("s")}`),
      ]);
      return commodityTableOf(
        rows.map((selected) => Commodity.from(commodityTable.decode(selected))),
        sections.map((selected) => HsSection.from(hsSectionTable.decode(selected))),
      );
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
