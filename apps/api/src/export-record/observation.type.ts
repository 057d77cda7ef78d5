import { registerEnumType } from "type-graphql";

export enum Frequency {
  MONTHLY = "MONTHLY",
  ANNUAL = "ANNUAL",
}
registerEnumType(Frequency, {
  name: "Frequency",
  description: "How often an observation is reported. Aggregates never mix the two: they use one frequency (MONTHLY unless asked).",
  valuesConfig: {
    MONTHLY: { description: "One month's figure; its period is YYYY-MM." },
    ANNUAL: { description: "One year's figure; its period is YYYY." },
  },
});

export enum TradeFlow {
  EXPORT = "EXPORT",
  IMPORT = "IMPORT",
  RE_EXPORT = "RE_EXPORT",
  RE_IMPORT = "RE_IMPORT",
}
registerEnumType(TradeFlow, {
  name: "TradeFlow",
  description: "The flow as its reporter declares it. Every observation is oriented exporter → importer whatever its flow.",
  valuesConfig: {
    EXPORT: { description: "An export, reported by the exporter." },
    IMPORT: { description: "An import, reported by the importer." },
    RE_EXPORT: { description: "A re-export of foreign goods, reported by the (re-)exporter." },
    RE_IMPORT: { description: "A re-import of domestic goods, reported by the (re-)importer." },
  },
});

export enum ReportedBy {
  EXPORTER = "EXPORTER",
  IMPORTER = "IMPORTER",
  ANY = "ANY",
}
registerEnumType(ReportedBy, {
  name: "ReportedBy",
  description: "Whose figures to use for a flow (docs/trade-queries.md, \"Each flow counted once\").",
  valuesConfig: {
    EXPORTER: { description: "The exporter's report (EXPORT, RE_EXPORT)." },
    IMPORTER: { description: "The importer's report (IMPORT, RE_IMPORT)." },
    ANY: { description: "Either side's report." },
  },
});
