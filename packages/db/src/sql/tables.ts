import { bool, day, int, numeric, period, search, table, text, textArray, timestamp, type RowOf } from "./table";

// Every table of prisma/schema.prisma, column by column, with the SQL types of the migrations. Generated
// search vectors are `search` columns: used in SQL conditions, never selected or decoded.

const created = {
  createdAt: timestamp("created_at", "timestamptz(3)"),
  updatedAt: timestamp("updated_at", "timestamptz(3)"),
};
const who = {
  createdBy: text("created_by", "text").orNull(),
  updatedBy: text("updated_by", "text").orNull(),
};

export const sourceTable = table("source", {
  id: int("id", "integer"),
  publisher: text("publisher", "text"),
  title: text("title", "text"),
  publishedOn: day("published_on", "date").orNull(),
  url: text("url", "text").orNull(),
  retrievalNote: text("retrieval_note", "text").orNull(),
  synthetic: bool("synthetic", "boolean"),
  ...created,
  ...who,
});

export const countryTable = table("country", {
  code: text("code", "char(2)"),
  alpha3: text("alpha3", "char(3)"),
  numeric: text('"numeric"', "char(3)"),
  name: text("name", "text"),
  officialName: text("official_name", "text"),
  region: text("region", "text").orNull(),
  subregion: text("subregion", "text").orNull(),
  searchVector: search("search_vector", "tsvector").orNull(),
  ...created,
});

export const hsSectionTable = table("hs_section", {
  code: text("code", "varchar(5)"),
  position: int("position", "integer"),
  name: text("name", "text"),
  ...created,
});

export const commodityTable = table("commodity", {
  hsCode: text("hs_code", "varchar(6)"),
  description: text("description", "text"),
  level: int("level", "smallint"),
  parentCode: text("parent_code", "varchar(6)").orNull(),
  sectionCode: text("section_code", "varchar(5)").orNull(),
  ...created,
});

/** The figures, flags and rank of an export record: what an import or an upsert replaces. */
export const exportRecordFigures = {
  quantityTonnes: numeric("quantity_tonnes", "numeric(18,3)").orNull(),
  /** `value` when `currency` is USD, else null (export_record_value_usd_check): what USD totals sum. */
  valueUsd: numeric("value_usd", "numeric(18,2)").orNull(),
  /** The value as the source states it, in `currency`; `cifValue` and `fobValue` are in it too. */
  value: numeric("value", "numeric(18,2)").orNull(),
  currency: text("currency", "char(3)"),
  cifValue: numeric("cif_value", "numeric(18,2)").orNull(),
  fobValue: numeric("fob_value", "numeric(18,2)").orNull(),
  supplementaryQuantity: numeric("supplementary_quantity", "numeric(18,3)").orNull(),
  supplementaryUnit: text("supplementary_unit", "varchar(16)").orNull(),
  supplementaryQuantityEstimated: bool("supplementary_quantity_estimated", "boolean"),
  quantityApproximate: bool("quantity_approximate", "boolean"),
  valueApproximate: bool("value_approximate", "boolean"),
  quantityEstimated: bool("quantity_estimated", "boolean"),
  valueEstimated: bool("value_estimated", "boolean"),
  reportedRank: int("reported_rank", "integer").orNull(),
};

/**
 * The natural key of an export record, without its source (unique index export_record_natural_key): the flow
 * (exporter → importer, commodity, frequency, period) and who reports it how (reporter, flow).
 */
export const exportRecordFlow = {
  exporterCode: text("exporter_code", "char(2)"),
  importerCode: text("importer_code", "char(2)"),
  commodityCode: text("commodity_code", "varchar(6)"),
  frequency: text("frequency", "trade_frequency"),
  period: period("period", "date"),
  reporterCode: text("reporter_code", "char(2)"),
  flow: text("flow", "trade_flow"),
};

export const exportRecordTable = table("export_record", {
  id: int("id", "integer"),
  ...exportRecordFlow,
  ...exportRecordFigures,
  sourceId: int("source_id", "integer"),
  ...created,
  ...who,
});

export const meetingTable = table("meeting", {
  id: int("id", "integer"),
  title: text("title", "text"),
  event: text("event", "text").orNull(),
  place: text("place", "text").orNull(),
  startDate: day("start_date", "date"),
  endDate: day("end_date", "date").orNull(),
  topics: textArray("topics", "text[]"),
  summary: text("summary", "text").orNull(),
  searchVector: search("search_vector", "tsvector").orNull(),
  sourceId: int("source_id", "integer"),
  ...created,
  ...who,
});

export const meetingParticipantTable = table("meeting_participant", {
  id: int("id", "integer"),
  meetingId: int("meeting_id", "integer"),
  position: int("position", "integer"),
  person: text("person", "text"),
  role: text("role", "text").orNull(),
  countryCode: text("country_code", "char(2)").orNull(),
});

export const reportTable = table("report", {
  id: int("id", "integer"),
  title: text("title", "text"),
  publisher: text("publisher", "text"),
  publisherCountryCode: text("publisher_country_code", "char(2)").orNull(),
  publishedOn: day("published_on", "date").orNull(),
  topics: textArray("topics", "text[]"),
  searchVector: search("search_vector", "tsvector").orNull(),
  sourceId: int("source_id", "integer"),
  ...created,
  ...who,
});

export const reportSubjectTable = table("report_subject", {
  reportId: int("report_id", "integer"),
  countryCode: text("country_code", "char(2)"),
});

export const reportFindingTable = table("report_finding", {
  id: int("id", "integer"),
  reportId: int("report_id", "integer"),
  position: int("position", "integer"),
  text: text("text", "text"),
  isQuote: bool("is_quote", "boolean"),
  searchVector: search("search_vector", "tsvector").orNull(),
});

export const apiKeyTable = table("api_key", {
  id: int("id", "integer"),
  name: text("name", "text"),
  prefix: text("prefix", "varchar(16)"),
  secretHash: text("secret_hash", "char(64)"),
  role: text("role", "api_key_role"),
  createdAt: timestamp("created_at", "timestamptz(3)"),
  createdBy: text("created_by", "text").orNull(),
  revokedAt: timestamp("revoked_at", "timestamptz(3)").orNull(),
  lastUsedAt: timestamp("last_used_at", "timestamptz(3)").orNull(),
});

export type SourceRow = RowOf<typeof sourceTable.spec>;
export type CountryRow = RowOf<typeof countryTable.spec>;
export type HsSectionRow = RowOf<typeof hsSectionTable.spec>;
export type CommodityRow = RowOf<typeof commodityTable.spec>;
export type ExportRecordRow = RowOf<typeof exportRecordTable.spec>;
export type MeetingRow = RowOf<typeof meetingTable.spec>;
export type MeetingParticipantRow = RowOf<typeof meetingParticipantTable.spec>;
export type ReportRow = RowOf<typeof reportTable.spec>;
export type ReportSubjectRow = RowOf<typeof reportSubjectTable.spec>;
export type ReportFindingRow = RowOf<typeof reportFindingTable.spec>;
export type ApiKeyRow = RowOf<typeof apiKeyTable.spec>;
