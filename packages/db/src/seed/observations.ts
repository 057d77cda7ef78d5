import { readFileSync } from "node:fs";
import path from "node:path";
import { isCountryCode, parseCurrency, parseHsCode, parseObservationPeriod, reporterOf, TRADE_FLOWS, type Frequency, type TradeFlow } from "@tradegraph/domain";
import type { ExportRecordValues } from "../sql/export-records";
import { parseCsv } from "./commodities";

/** packages/db/data (this file runs from src/seed or dist/seed); data/README.md says where the file comes from. */
const FILE = path.resolve(__dirname, "..", "..", "data", "real-observations.csv");

/** One publication of data/real-observations.csv, as a source. */
export interface ObservationSource {
  /** The file's `source` key, shared by the publication's rows. */
  key: string;
  publisher: string;
  title: string;
  url: string;
  publishedOn: Date;
  /** What the publication is, and the rows' notes (e.g. "value approximately") kept as written. */
  retrievalNote: string;
  records: Array<ExportRecordValues & { value: string; currency: string }>;
}

let observations: ObservationSource[] | null = null;

const FREQUENCY: Record<string, Frequency> = { M: "MONTHLY", A: "ANNUAL" };
const BOOLEAN: Record<string, boolean> = { true: true, false: false };

function figure(cell: string | undefined, what: string): string | null {
  if (!cell) return null;
  if (!/^\d+(\.\d+)?$/.test(cell)) throw new Error(`real-observations.csv: ${what} "${cell}" is not a number.`);
  return cell;
}

/**
 * The published figures of data/real-observations.csv grouped by publication: values in the currency the
 * publication uses (a EUR value has no USD figure: no conversion is invented), flags, ranks and notes as given.
 * Read once per process; throws when a row is malformed.
 */
export function realObservations(): ObservationSource[] {
  if (observations) return observations;
  const sources = new Map<string, ObservationSource>();
  const notes = new Map<string, string[]>();
  for (const [i, row] of parseCsv(readFileSync(FILE, "utf8")).entries()) {
    const fail = (why: string): never => {
      throw new Error(`real-observations.csv row ${i + 2}: ${why}`);
    };
    const frequency = FREQUENCY[row.frequency!] ?? fail(`frequency "${row.frequency}"`);
    const flow = (TRADE_FLOWS as readonly string[]).includes(row.flow!) ? (row.flow as TradeFlow) : fail(`flow "${row.flow}"`);
    for (const code of [row.exporter, row.importer, row.reporter]) if (!isCountryCode(code!)) fail(`country "${code}"`);
    if (reporterOf(flow, row.exporter!, row.importer!) !== row.reporter) fail(`reporter ${row.reporter} does not report ${flow} ${row.exporter} → ${row.importer}`);
    const currency = parseCurrency(row.currency!);
    const value = figure(row.value, "value") ?? fail("no value");
    const approximate = (cell: string | undefined) => BOOLEAN[cell!] ?? fail(`flag "${cell}"`);

    let source = sources.get(row.source!);
    if (!source) {
      source = {
        key: row.source!,
        publisher: row.publisher!,
        title: row.title!,
        url: row.url!,
        publishedOn: new Date(`${row.published_on}T00:00:00Z`),
        retrievalNote: "",
        records: [],
      };
      sources.set(source.key, source);
      notes.set(source.key, []);
    }
    source.records.push({
      exporterCode: row.exporter!,
      importerCode: row.importer!,
      commodityCode: parseHsCode(row.commodity!),
      frequency,
      period: parseObservationPeriod(row.period!, frequency),
      reporterCode: row.reporter!,
      flow,
      quantityTonnes: figure(row.quantity_tonnes, "quantity_tonnes"),
      value,
      currency,
      valueUsd: currency === "USD" ? value : null,
      quantityApproximate: approximate(row.quantity_approximate),
      valueApproximate: approximate(row.value_approximate),
      quantityEstimated: false,
      valueEstimated: false,
      reportedRank: row.reported_rank ? Number(row.reported_rank) : null,
    });
    if (row.note) notes.get(source.key)!.push(`${row.exporter} → ${row.importer} ${row.period}: ${row.note}`);
  }
  for (const source of sources.values()) {
    const [first] = source.records;
    const by = first!.flow === "EXPORT" || first!.flow === "RE_EXPORT" ? "the exporter's" : "the importer's";
    source.retrievalNote = [
      `Figures as the publication gives them (${by} report), copied into packages/db/data/real-observations.csv (source "${source.key}"); nothing derived or converted.`,
      ...notes.get(source.key)!.map((note) => `Note on ${note}`),
    ].join(" ");
  }
  observations = [...sources.values()];
  return observations;
}
