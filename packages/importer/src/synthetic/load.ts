import { once } from "node:events";
import type { Writable } from "node:stream";
import { exportRecordTable, meetingTable, reportTable, sourceTable } from "@tradegraph/db/sql";
import type { Pool } from "pg";
import { defaultWriter, runPipeline, type Candidate } from "../pipeline";
import type { ExportRow, ImportProgress, ImportSummary, ImportWriter } from "../types";
import { NATIVE_FLAGS } from "../validate/native";
import { generateSynthetic, syntheticSource, type SyntheticOptions } from "./generate";

export interface LoadOptions {
  actor?: string;
  /** Default `copy`, `batched` on the embedded database (as for importExportRecords). */
  writer?: ImportWriter;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Generates the rows and writes them the way an import does (COPY and one merge), under their synthetic source. */
export async function loadSynthetic(db: { pool: Pool; embedded?: boolean }, options: SyntheticOptions, load: LoadOptions = {}): Promise<ImportSummary> {
  async function* candidates(): AsyncGenerator<Candidate> {
    let line = 0;
    for (const row of generateSynthetic(options)) yield { line: ++line, raw: "", row };
  }
  return runPipeline(db.pool, candidates, {
    source: syntheticSource(options),
    format: null,
    mode: "strict",
    dryRun: false,
    actor: load.actor ?? "synthetic",
    writer: load.writer ?? defaultWriter(db),
    batchSize: load.batchSize,
    onProgress: load.onProgress,
  });
}

export const NATIVE_HEADER = "exporter,importer,commodity,period,quantityTonnes,valueUsd,flags,reportedRank";

/** One row as a native CSV line (no field ever needs quoting: codes, numbers and flag names). */
export function nativeCsvLine(row: ExportRow): string {
  const flags = NATIVE_FLAGS.filter((flag) => row[flag]).join("|");
  return `${row.exporterCode},${row.importerCode},${row.commodityCode},${row.period},${row.quantityTonnes ?? ""},${row.valueUsd ?? ""},${flags},${row.reportedRank ?? ""}\n`;
}

/** Writes the rows as a native CSV file, respecting the stream's back-pressure. Returns the row count. */
export async function writeSyntheticCsv(options: SyntheticOptions, out: Writable, onProgress?: (rows: number) => void): Promise<number> {
  let rows = 0;
  let chunk = NATIVE_HEADER + "\n";
  for (const row of generateSynthetic(options)) {
    chunk += nativeCsvLine(row);
    rows += 1;
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
      onProgress?.(rows);
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return rows;
}

/** Deletes every synthetic source's rows, and the synthetic sources no other fact uses, in one transaction. */
export async function removeSyntheticData(db: { pool: Pool }): Promise<{ rows: number; sources: number }> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const synthetic = sourceTable.column("s", "synthetic").text;
    const rows = await client.query(
      `DELETE FROM ${exportRecordTable.from("e").text} WHERE ${exportRecordTable.column("e", "sourceId").text} IN (SELECT ${sourceTable.column("s", "id").text} FROM ${sourceTable.from("s").text} WHERE ${synthetic})`,
    );
    // A synthetic source that a meeting or report cites stays.
    const cited = [meetingTable, reportTable].map((t) => `NOT EXISTS (SELECT 1 FROM ${t.from("f").text} WHERE ${t.column("f", "sourceId").text} = ${sourceTable.column("s", "id").text})`);
    const sources = await client.query(`DELETE FROM ${sourceTable.from("s").text} WHERE ${synthetic} AND ${cited.join(" AND ")}`);
    await client.query("COMMIT");
    return { rows: rows.rowCount ?? 0, sources: sources.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
