import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { FatalImportError } from "../errors";
import { readCsv, toCsvLine } from "../read/csv";
import { delimiterProblem, detectFormat } from "../read/detect";
import { peek } from "../read/input";
import { readJson } from "../read/json";
import type { ReadRecord } from "../read/records";

const fixture = (name: string) => path.join(__dirname, "fixtures", name);

async function all(records: AsyncIterable<ReadRecord>): Promise<ReadRecord[]> {
  const out: ReadRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const text = (content: string) => Readable.from([Buffer.from(content)]);

describe("CSV reading", () => {
  it("gives the line each record starts on, across quoted commas and line breaks", async () => {
    const records = await all(readCsv(createReadStream(fixture("native.csv"))));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(records[2]).toMatchObject({ cells: expect.arrayContaining(["quantityApproximate, valueApproximate"]) });
    expect(records[3]).toMatchObject({ cells: expect.arrayContaining(["valueApproximate\nvalueEstimated"]) });
  });

  it("drops a byte-order mark and reads CRLF line ends", async () => {
    const records = await all(readCsv(createReadStream(fixture("bom.csv"))));
    expect(records[0]).toMatchObject({ line: 1, cells: expect.arrayContaining(["exporter", "reportedRank"]) });
    expect((records[0] as { cells: string[] }).cells[0]).toBe("exporter");
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("counts blank lines and reports a quote never closed as CSV_SYNTAX on its line", async () => {
    const records = await all(readCsv(text('a,b\n\n1,2\n3,"4\n5,6\n')));
    expect(records.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(records[2]).toMatchObject({ error: { line: 4, code: "CSV_SYNTAX", message: expect.stringMatching(/never closed/) } });
    const truncated = await all(readCsv(createReadStream(fixture("truncated.csv"))));
    expect(truncated.at(-1)).toMatchObject({ line: 3, error: { code: "CSV_SYNTAX" } });
  });

  it("stops at a record too long to be real (an open quote swallowing the file)", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},x${"y".repeat(40)}`).join("\n");
    await expect(all(readCsv(text(`a,b\n1,2\n3,"4\n${rows}\n`)))).rejects.toMatchObject({ issue: { line: 3, code: "CSV_SYNTAX" } });
  });

  it("writes rejected cells back as CSV", () => {
    expect(toCsvLine(["AZ", "a, b", 'say "x"', "l1\nl2"])).toBe('AZ,"a, b","say ""x""","l1\nl2"');
  });
});

describe("JSON reading", () => {
  it("streams JSON Lines with their line numbers, skipping blank lines", async () => {
    const records = await all(readJson(createReadStream(fixture("native.jsonl")), "{"));
    expect(records.map((r) => [r.line, "values" in r])).toEqual([
      [1, true],
      [3, true],
    ]);
    const bad = await all(readJson(text('{"a":1}\nnot json\n[1]\n'), "{"));
    expect(bad.map((r) => ("error" in r ? r.error.code : "ok"))).toEqual(["ok", "INVALID_JSON", "INVALID_JSON"]);
  });

  it("reads a JSON array whole, numbering its elements", async () => {
    const records = await all(readJson(createReadStream(fixture("native.json")), "["));
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    await expect(all(readJson(text("[{]"), "["))).rejects.toBeInstanceOf(FatalImportError);
  });
});

describe("format detection", () => {
  it("tells Comtrade, native CSV and JSON apart", () => {
    expect(detectFormat("x.csv", "typeCode,freqCode,period,reporterISO,flowCode\n")).toBe("comtrade");
    expect(detectFormat("x.csv", "exporter,importer,commodity\n")).toBe("csv");
    expect(detectFormat("x.txt", '{"exporter":"AZ"}')).toBe("json");
    expect(detectFormat("x.jsonl", "")).toBe("json");
    expect(() => detectFormat("x.csv", "foo,bar\n")).toThrow(FatalImportError);
  });

  it("says when the delimiter is not a comma", () => {
    expect(delimiterProblem(["exporter;importer;commodity"])).toMatch(/semicolons/);
    expect(delimiterProblem(["exporter\timporter"])).toMatch(/tabs/);
    expect(delimiterProblem(["exporter", "importer"])).toBeNull();
  });

  it("peeks at the first bytes without losing them", async () => {
    const { head, stream } = await peek(Readable.from([Buffer.from("abc"), Buffer.from("def"), Buffer.from("ghi")]), 4);
    expect(head.toString()).toBe("abcdef");
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("abcdefghi");
  });
});
