// `@tradegraph/db/sql`: each table described once (columns, SQL types, select list, decoder) and the one
// export-record write path. See docs/architecture.md, "Where a table is described".
export { bool, day, int, month, numeric, period, search, table, Table, text, textArray, timestamp } from "./table";
export type { Column, ColumnKind, Columns, RowOf, Sql, ValueOf } from "./table";
export {
  apiKeyTable,
  commodityTable,
  countryTable,
  exportRecordFigures,
  exportRecordFlow,
  exportRecordTable,
  hsSectionTable,
  meetingParticipantTable,
  meetingTable,
  reportFindingTable,
  reportSubjectTable,
  reportTable,
  sourceTable,
} from "./tables";
export type {
  ApiKeyRow,
  CommodityRow,
  CountryRow,
  ExportRecordRow,
  HsSectionRow,
  MeetingParticipantRow,
  MeetingRow,
  ReportFindingRow,
  ReportRow,
  ReportSubjectRow,
  SourceRow,
} from "./tables";
export { exportRecordValues, pgRun, prismaRun, writeExportRecords } from "./export-records";
export type { ExportRecordValues, Run, WriteMode, WriteOptions, WriteResult } from "./export-records";
export { ExportRecordStaging, StagingCopy } from "./copy-export-records";
export type { StagingColumn, StagingOptions, StagingValue } from "./copy-export-records";
