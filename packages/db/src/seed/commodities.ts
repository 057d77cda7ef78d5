import { readFileSync } from "node:fs";
import path from "node:path";
import type { Commodity, HsSection } from "@tradegraph/domain";

/** packages/db/data (this file runs from src/seed or dist/seed). See data/README.md for where the files come from. */
const DATA_DIR = path.resolve(__dirname, "..", "..", "data");

/** The rows of a small RFC 4180 CSV file (quoted fields may hold commas and doubled quotes), by header name. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  const [header = [], ...rows] = records.filter((r) => r.length > 1 || r[0] !== "");
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

export interface HsNomenclature {
  sections: HsSection[];
  /** Chapters, headings and subheadings, parents before children. */
  commodities: Commodity[];
}

let nomenclature: HsNomenclature | null = null;

/**
 * The HS 2022 nomenclature of data/hs-sections.csv and data/hs2022.csv: 21 sections, 97 chapters, 1,229
 * headings, 5,613 subheadings. Read once per process; throws when a row is malformed.
 */
export function hsNomenclature(): HsNomenclature {
  if (nomenclature) return nomenclature;
  const sections = parseCsv(readFileSync(path.join(DATA_DIR, "hs-sections.csv"), "utf8")).map(
    (row, i): HsSection => ({ code: row.section!, position: i + 1, name: row.name! }),
  );
  const sectionCodes = new Set(sections.map((s) => s.code));
  // Chapter 99 and its codes ("not specified according to kind") carry section TOTAL: they are in no section.
  const commodities = parseCsv(readFileSync(path.join(DATA_DIR, "hs2022.csv"), "utf8")).map((row): Commodity => {
    const level = Number(row.level) as Commodity["level"];
    const parentCode = row.parent || null;
    const sectionCode = row.section === "TOTAL" ? null : row.section!;
    const ok =
      /^\d+$/.test(row.code!) && row.code!.length === level && [2, 4, 6].includes(level) && (sectionCode === null || sectionCodes.has(sectionCode)) &&
      (level === 2 ? parentCode === null : parentCode === row.code!.slice(0, level - 2));
    if (!ok) throw new Error(`hs2022.csv: malformed row ${JSON.stringify(row)}`);
    return { hsCode: row.code!, description: row.description!, level, parentCode, sectionCode };
  });
  commodities.sort((a, b) => a.level - b.level || (a.hsCode < b.hsCode ? -1 : 1));
  nomenclature = { sections, commodities };
  return nomenclature;
}
