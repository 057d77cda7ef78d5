/**
 * The benchmark's database: dropped, recreated, migrated, seeded with reference data and the article's facts,
 * loaded with the importer's deterministic synthetic dataset, analysed; and the scenario parameters picked from it.
 */
import { openDatabase, seedDatabase, withDatabase } from "@tradegraph/db";
import { exportRecordTable, sourceTable } from "@tradegraph/db/sql";
import { loadSynthetic, syntheticSource } from "@tradegraph/importer";
import pg from "pg";
import type { BenchParams } from "./scenarios";
import { monthsBetween } from "./scenarios";

const er = (key: keyof typeof exportRecordTable.spec) => exportRecordTable.column("er", key).text;
const s = (key: keyof typeof sourceTable.spec) => sourceTable.column("s", key).text;

export interface DatasetOptions {
  /** A connection string to the server's maintenance database (postgres). */
  adminUrl: string;
  database: string;
  rows: number;
  seed: number;
  /** Keep the database when it already holds this exact dataset. */
  reuse: boolean;
  log: (line: string) => void;
}

export interface Dataset {
  url: string;
  reused: boolean;
  loadSeconds: number | null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "bench-admin" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function dropDatabase(adminUrl: string, database: string): Promise<void> {
  return withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  });
}

/** True when the database exists and holds the synthetic dataset of exactly these options. */
async function holdsDataset(options: DatasetOptions, url: string): Promise<boolean> {
  const exists = await withAdmin(options.adminUrl, (client) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]).then((r) => r.rowCount === 1),
  );
  if (!exists) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { title, publisher } = syntheticSource({ rows: options.rows, seed: options.seed });
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${exportRecordTable.from("er").text} JOIN ${sourceTable.from("s").text} ON ${s("id")} = ${er("sourceId")}
       WHERE ${s("synthetic")} AND ${s("publisher")} = $1 AND ${s("title")} = $2`,
      [publisher, title],
    );
    return Number(rows[0]?.count) === options.rows;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** Creates the benchmark database from scratch (or reuses it when asked and it matches) and returns its URL. */
export async function prepareDataset(options: DatasetOptions): Promise<Dataset> {
  const url = withDatabase(options.adminUrl, options.database);
  if (options.reuse && (await holdsDataset(options, url))) {
    options.log(`reusing ${options.database}: it holds the synthetic dataset (${options.rows} rows, seed ${options.seed})`);
    return { url, reused: true, loadSeconds: null };
  }
  await dropDatabase(options.adminUrl, options.database);
  await withAdmin(options.adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(options.database)}`));
  const started = performance.now();
  const db = await openDatabase({ url, poolSize: 2, applicationName: "bench-loader" });
  try {
    options.log(`migrated ${options.database}; seeding reference data`);
    await seedDatabase(db.prisma);
    options.log(`loading ${options.rows} synthetic export records (seed ${options.seed})`);
    let reported = 0;
    const summary = await loadSynthetic(
      db,
      { rows: options.rows, seed: options.seed },
      {
        actor: "bench",
        onProgress: ({ rows }) => {
          if (rows - reported >= 200_000) {
            reported = rows;
            options.log(`  ${rows} rows written`);
          }
        },
      },
    );
    if (!summary.ok || summary.errorCount > 0) {
      throw new Error(`The synthetic load failed: ${JSON.stringify({ ...summary, errors: summary.errors.slice(0, 3) })}`);
    }
    // PostGraphile and the raw floor sum every observation, tradegraph counts each flow once
    // (docs/trade-queries.md): the dataset keeps one observation per flow, so the three answer alike. A synthetic
    // record wins (the reuse check counts them), then the first stored (the article's before a publication's).
    const { rowCount } = await db.pool.query(
      // One sort of the records by flow (a self-join on the flow took 90 s at 1 M records).
      `DELETE FROM export_record WHERE id IN (
         SELECT id FROM (
           SELECT x.id, row_number() OVER (PARTITION BY x.exporter_code, x.importer_code, x.commodity_code, x.frequency, x.period ORDER BY sx.synthetic DESC, x.id) AS n
           FROM export_record x JOIN source sx ON sx.id = x.source_id
         ) ranked WHERE n > 1)`,
    );
    options.log(`kept one observation per flow: ${rowCount ?? 0} seeded observation(s) of a flow observed twice left out`);
    await db.pool.query("VACUUM ANALYZE");
  } finally {
    await db.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  options.log(`dataset ready in ${loadSeconds.toFixed(1)} s`);
  return { url, reused: false, loadSeconds };
}

/** Picks the scenario parameters from the data, deterministically; S5's PostGraphile IDs are added later. */
export async function pickParams(url: string): Promise<Omit<BenchParams, "records"> & { recordIds: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: lastRows } = await client.query<{ last: string }>(
      `SELECT to_char(max(${er("period")}), 'YYYY-MM') AS last FROM ${exportRecordTable.from("er").text}`,
    );
    const last = lastRows[0]?.last;
    if (!last) throw new Error("The benchmark database has no export records.");
    const year = monthsBetween(`${Number(last.slice(0, 4)) - 1}${last.slice(4)}`, last).slice(1); // the last 12 months
    const quarter = year.slice(-3);

    // S4: the pairs with the most records both ways over the last 12 months, and the source article's pair.
    const { rows: pairRows } = await client.query<{ a: string; b: string }>(
      `WITH flows AS (
         SELECT ${er("exporterCode")} AS exporter, ${er("importerCode")} AS importer, count(*) AS records FROM ${exportRecordTable.from("er").text}
         WHERE ${er("period")} BETWEEN $1::date AND $2::date GROUP BY 1, 2
       )
       SELECT x.exporter AS a, x.importer AS b
       FROM flows x JOIN flows y ON y.exporter = x.importer AND y.importer = x.exporter
       WHERE x.exporter < x.importer AND (x.exporter, x.importer) <> ('AZ', 'IL')
       ORDER BY x.records + y.records DESC, 1, 2 LIMIT 2`,
      [`${year[0]}-01`, `${last}-01`],
    );
    const pairs = [...pairRows, { a: "AZ", b: "IL" }].map(({ a, b }) => ({ a, b, from: year[0]!, to: last }));

    // S5: 50 records spread evenly over the table.
    const { rows: idRows } = await client.query<{ id: number }>(
      `SELECT id FROM (SELECT ${er("id")} AS id, row_number() OVER (ORDER BY ${er("id")}) AS n, count(*) OVER () AS total FROM ${exportRecordTable.from("er").text}) t
       WHERE (n - 1) % GREATEST(total / 50, 1) = 0 ORDER BY id LIMIT 50`,
    );

    return {
      countries: ["AZ", "SA", "NO", "KZ", "BR"],
      topPartners: [
        { exporter: "AZ", commodity: "2709", period: last },
        { exporter: "SA", commodity: "2709", period: last },
        { exporter: "RU", commodity: "2711", period: last },
        { exporter: "AU", commodity: "2701", period: last },
      ],
      page: [
        { commodity: "2709", from: quarter[0]!, to: last, minValueUsd: 1_000_000 },
        { commodity: "2711", from: quarter[0]!, to: last, minValueUsd: 1_000_000 },
      ],
      pairs,
      recordIds: idRows.map((row) => row.id),
    };
  } finally {
    await client.end();
  }
}

/** PostGraphile's global IDs of export records, asked of the running PostGraphile server. */
export async function postgraphileIds(origin: string, rowIds: number[]): Promise<Map<number, string>> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "query Ids($ids: [Int!]!) { allExportRecords(filter: { rowId: { in: $ids } }) { nodes { rowId id } } }",
      variables: { ids: rowIds },
    }),
  });
  const body = (await response.json()) as { data?: { allExportRecords: { nodes: Array<{ rowId: number; id: string }> } }; errors?: unknown };
  if (!body.data) throw new Error(`PostGraphile did not return the records' IDs: ${JSON.stringify(body.errors)}`);
  return new Map(body.data.allExportRecords.nodes.map((node) => [node.rowId, node.id]));
}

/** PostgreSQL's version string, for the machine description. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version ?? "unknown";
  } finally {
    await client.end();
  }
}
