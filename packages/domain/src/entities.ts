import type { CountryCode, CountryInfo } from "./country";
import type { Frequency, TradeFlow } from "./observation";
import type { Period } from "./period";

/** Where a fact comes from. Every fact points to one; what the source doesn't say stays null. */
export interface Source {
  id: string;
  publisher: string;
  title: string;
  publishedOn: Date | null;
  url: string | null;
  retrievalNote: string | null;
  /** Generated data (benchmarks, demos) that must never be mistaken for real statistics. */
  synthetic: boolean;
}

/** An ISO 3166-1 country: the record ISO_COUNTRIES holds for each code. */
export type Country = CountryInfo;

/** A Harmonized System 2022 code: a chapter (2 digits), heading (4) or subheading (6), e.g. 2709 crude petroleum oils. */
export interface Commodity {
  hsCode: string;
  description: string;
  /** 2, 4 or 6: the code's length. */
  level: 2 | 4 | 6;
  /** The code one level up; null for a chapter. */
  parentCode: string | null;
  /** The HS section's Roman numeral, e.g. "V"; null for chapter 99 (not specified according to kind, in no section). */
  sectionCode: string | null;
}

/** One of the 21 HS sections, e.g. V Mineral products. */
export interface HsSection {
  /** The Roman numeral. */
  code: string;
  /** 1 to 21. */
  position: number;
  name: string;
}

/**
 * One observation of a trade flow (exporter → importer) for a month or a year, as one reporter declares it.
 * Unique by (exporter, importer, commodity, frequency, period, reporter, flow, source).
 */
export interface ExportRecord {
  id: string;
  exporter: CountryCode;
  importer: CountryCode;
  commodity: string;
  frequency: Frequency;
  /** "YYYY-MM" for a monthly observation, "YYYY" for an annual one. */
  period: Period | string;
  /** The country whose statistics give the figures: the exporter for EXPORT/RE_EXPORT, the importer otherwise. */
  reporter: CountryCode;
  flow: TradeFlow;
  quantityTonnes: number | null;
  valueUsd: number | null;
  quantityApproximate: boolean;
  valueApproximate: boolean;
  quantityEstimated: boolean;
  valueEstimated: boolean;
  /** The rank the source itself gives this importer among the exporter's buyers, when it gives one. */
  reportedRank: number | null;
  sourceId: string;
}

export interface Participant {
  person: string;
  role: string | null;
  country: CountryCode | null;
}

export interface Meeting {
  id: string;
  title: string;
  event: string | null;
  place: string | null;
  startDate: Date;
  endDate: Date | null;
  topics: string[];
  summary: string | null;
  participants: Participant[];
  sourceId: string;
}

export interface Finding {
  text: string;
  /** True when `text` quotes the report word for word. */
  isQuote: boolean;
}

export interface Report {
  id: string;
  title: string;
  publisher: string;
  publisherCountry: CountryCode | null;
  publishedOn: Date | null;
  subjectCountries: CountryCode[];
  topics: string[];
  findings: Finding[];
  sourceId: string;
}
