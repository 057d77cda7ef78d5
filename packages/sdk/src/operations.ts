import * as documents from "./generated/graphql.js";

/** Every operation in src/operations, by method name: `TopPartnersDocument` → `topPartners`. */
export const operations = {
  country: documents.CountryDocument,
  countries: documents.CountriesDocument,
  commodities: documents.CommoditiesDocument,
  exportRecords: documents.ExportRecordsDocument,
  countryExports: documents.CountryExportsDocument,
  countryImports: documents.CountryImportsDocument,
  topPartners: documents.TopPartnersDocument,
  tradeSeries: documents.TradeSeriesDocument,
  node: documents.NodeDocument,
} as const;
