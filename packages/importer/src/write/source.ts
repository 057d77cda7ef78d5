import { commodityTable, countryTable, sourceTable } from "@tradegraph/db/sql";
import type { PoolClient } from "pg";
import { FatalImportError } from "../errors";
import type { SourceInput } from "../types";
import type { ReferenceData } from "../validate/fields";

/** Publisher reserved for generated data: a source under it is always marked synthetic. */
export const SYNTHETIC_PUBLISHER = "tradegraph synthetic data";

export interface StoredSource {
  id: number;
  publisher: string;
  title: string;
  synthetic: boolean;
  /** Created by this call (so it has no rows yet). */
  created: boolean;
}

/** Parses "Publisher, Title" (split at the first comma; the title may contain more). */
export function parseSourceArgument(value: string): SourceInput {
  const comma = value.indexOf(",");
  const publisher = comma < 0 ? "" : value.slice(0, comma).trim();
  const title = comma < 0 ? "" : value.slice(comma + 1).trim();
  if (!publisher || !title) throw new Error(`--source must be "Publisher, Title", e.g. "UN Comtrade, AZ crude exports 2024"; got "${value}".`);
  return { publisher, title };
}

const STORED = sourceTable.names(["id", "publisher", "title", "synthetic"]);
const INSERT_SOURCE = `INSERT INTO ${sourceTable.name} (${sourceTable.names(["publisher", "title", "url", "retrievalNote", "synthetic", "createdBy", "updatedBy"])})
  VALUES ($1, $2, $3, $4, $5, $6, $6)
  ON CONFLICT (${sourceTable.names(["publisher", "title"])}) DO NOTHING
  RETURNING ${STORED}`;
const FIND_SOURCE = `SELECT ${STORED} FROM ${sourceTable.name} WHERE (${sourceTable.names(["publisher", "title"])}) = ($1, $2)`;

/** Finds the source by (publisher, title) or creates it. Refuses to mix synthetic and real data under one source. */
export async function upsertSource(client: PoolClient, input: SourceInput, actor: string | null): Promise<StoredSource> {
  const synthetic = input.synthetic ?? input.publisher === SYNTHETIC_PUBLISHER;
  const values = [input.publisher, input.title, input.url ?? null, input.retrievalNote ?? null, synthetic, actor];
  const inserted = await client.query<Omit<StoredSource, "created">>(INSERT_SOURCE, values);
  if (inserted.rows[0]) return { ...inserted.rows[0], created: true };
  const { rows: [existing] } = await client.query<Omit<StoredSource, "created">>(FIND_SOURCE, [input.publisher, input.title]);
  if (!existing) throw new Error(`Source "${input.publisher}, ${input.title}" could not be created.`);
  if (existing.synthetic !== synthetic) {
    throw new FatalImportError({
      line: 0,
      code: "SOURCE_CONFLICT",
      message: `Source "${existing.publisher}, ${existing.title}" holds ${existing.synthetic ? "synthetic" : "real"} data; ${synthetic ? "synthetic" : "real"} rows cannot be added to it.`,
    });
  }
  return { ...existing, created: false };
}

/** The country and commodity codes rows are checked against. */
export async function loadReferenceData(client: PoolClient): Promise<ReferenceData> {
  const countries = await client.query<{ code: string }>(`SELECT ${countryTable.nameOf("code")} AS code FROM ${countryTable.name}`);
  const commodities = await client.query<{ code: string }>(`SELECT ${commodityTable.nameOf("hsCode")} AS code FROM ${commodityTable.name}`);
  if (countries.rowCount === 0 || commodities.rowCount === 0) {
    throw new FatalImportError({
      line: 0,
      code: "NO_REFERENCE_DATA",
      message: "The country or commodity table is empty: run `npm run db:seed` first (the import command does so itself).",
    });
  }
  return { countries: new Set(countries.rows.map((r) => r.code)), commodities: new Set(commodities.rows.map((r) => r.code)) };
}
