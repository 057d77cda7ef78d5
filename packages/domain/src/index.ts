export { DomainError } from "./errors";
export type { DomainErrorCode } from "./errors";
export { ISO_COUNTRIES, isCountryCode, lookupCountry, parseCountryCode } from "./country";
export type { CountryCode, CountryInfo } from "./country";
export {
  addMonths,
  bucketOf,
  bucketsBetween,
  dateToPeriod,
  formatPeriod,
  monthCount,
  monthsBetween,
  parsePeriod,
  parsePeriodRange,
  periodFirstDay,
  periodMonth,
  periodToDate,
  periodYear,
} from "./period";
export type { Granularity, Period, PeriodRange } from "./period";
export {
  BARRELS_PER_TONNE_CRUDE,
  HS_CRUDE_OIL,
  kilogramsToTonnes,
  MAX_STORED_TONNES,
  MAX_STORED_USD,
  MAX_UNIT_LENGTH,
  parseAmount,
  parseCurrency,
  parseHsCode,
  parseSupplementaryQuantity,
  parseTonnes,
  parseUnit,
  parseUsd,
  storableTonnes,
  storableUsd,
  unitPricePerBarrel,
  unitPricePerTonne,
} from "./quantity";
export { FREQUENCIES, parseObservationPeriod, reportedByExporter, reporterOf, TRADE_FLOWS } from "./observation";
export type { Frequency, ReportedBy, TradeFlow } from "./observation";
export { rankBy, shareOfTotal } from "./ranking";
export type { Ranked } from "./ranking";
export { checkDateRange } from "./dates";
export type { Commodity, Country, ExportRecord, Finding, HsSection, Meeting, Participant, Report, Source } from "./entities";
