import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import type { RejectedRow } from "../types";

const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * A rejects file, created on the first rejected row: CSV (line,code,field,message,raw) when the name ends in
 * .csv, JSON Lines otherwise. Writes wait for the disk when its buffer is full.
 */
export class RejectsFile {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly file: string) {}

  private get csv(): boolean {
    return path.extname(this.file).toLowerCase() === ".csv";
  }

  async write(row: RejectedRow): Promise<void> {
    if (!this.stream) {
      this.stream = createWriteStream(this.file);
      if (this.csv) this.stream.write("line,code,field,message,raw\n");
    }
    this.count += 1;
    const text = this.csv
      ? [row.line, row.code, row.field ?? "", row.message, row.raw].map(csvField).join(",") + "\n"
      : JSON.stringify({ line: row.line, code: row.code, field: row.field ?? null, message: row.message, raw: row.raw }) + "\n";
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await once(this.stream, "finish");
  }
}
