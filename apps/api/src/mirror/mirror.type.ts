import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Country } from "../country/country.type";
import { ExportRecord } from "../export-record/export-record.type";
import { Frequency, TradeFlow } from "../export-record/observation.type";

export enum ReportingSide {
  EXPORTER = "EXPORTER",
  IMPORTER = "IMPORTER",
}
registerEnumType(ReportingSide, {
  name: "ReportingSide",
  description: "One side of a mirror pair: the exporter's report of a flow or the importer's.",
  valuesConfig: {
    EXPORTER: { description: "The exporter's report (EXPORT, RE_EXPORT)." },
    IMPORTER: { description: "The importer's report (IMPORT, RE_IMPORT)." },
  },
});

export enum ValueBasis {
  FOB = "FOB",
  CIF = "CIF",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(ValueBasis, {
  name: "ValueBasis",
  description: "Where a value is measured: at the exporter's border (FOB) or at the importer's (CIF).",
  valuesConfig: {
    FOB: { description: "Free on board: at the exporter's border." },
    CIF: { description: "Cost, insurance and freight: at the importer's border." },
    UNKNOWN: { description: "The summed records have different bases." },
  },
});

export enum MirrorIncomparability {
  EXPORTER_MISSING = "EXPORTER_MISSING",
  IMPORTER_MISSING = "IMPORTER_MISSING",
  VALUE_MISSING = "VALUE_MISSING",
  MIXED_CURRENCIES = "MIXED_CURRENCIES",
  CURRENCY_MISMATCH = "CURRENCY_MISMATCH",
  BASIS_NOT_CIF_FOB = "BASIS_NOT_CIF_FOB",
  EXPORTER_VALUE_ZERO = "EXPORTER_VALUE_ZERO",
}
registerEnumType(MirrorIncomparability, {
  name: "MirrorIncomparability",
  description: "Why a mirror pair's values are not compared (no CIF/FOB ratio). No currency is converted.",
  valuesConfig: {
    EXPORTER_MISSING: { description: "The exporter reported nothing for the period." },
    IMPORTER_MISSING: { description: "The importer reported nothing for the period." },
    VALUE_MISSING: { description: "A side reported a quantity but no value." },
    MIXED_CURRENCIES: { description: "A side's records are in more than one currency, so its value is not summed." },
    CURRENCY_MISMATCH: { description: "The two sides report in different currencies (valueGap is null too)." },
    BASIS_NOT_CIF_FOB: { description: "The importer's value is not CIF or the exporter's is not FOB (valueGap is still given)." },
    EXPORTER_VALUE_ZERO: { description: "The exporter's value is 0: no ratio (valueGap is still given)." },
  },
});

@ObjectType({ simpleResolvers: true, description: "One side's report of a flow over one period: its observations summed, each flow counted once." })
export class MirrorReport {
  sourceKeys!: number[];
  /** Distinct currencies of the records with a value: more than one and `value` is not summed. */
  currencyCount!: number;

  @Field(() => Float, { nullable: true, description: "Metric tonnes (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The value in `currency` on `valueBasis`: the record's FOB value (exporter) or CIF value (importer) when given, else its stated value. Null when no record gives one or the records are in several currencies.",
  })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 code of `value`; null when there is no value or several currencies." })
  currency!: string | null;

  @Field(() => ValueBasis, { nullable: true, description: "FOB or CIF; UNKNOWN when the summed records differ; null when there is no value." })
  valueBasis!: ValueBasis | null;

  @Field(() => Boolean, {
    description:
      "True when the basis of some record is assumed by Comtrade's convention (exports FOB, imports CIF) because it gives only a stated value, no FOB or CIF figure.",
  })
  valueBasisByConvention!: boolean;

  @Field(() => [TradeFlow], { description: "The declared flows of the observations summed." })
  flows!: TradeFlow[];

  @Field(() => Int, { description: "Observations summed: one per flow (commodity code) in the period." })
  records!: number;
}

@ObjectType({ simpleResolvers: true, description: "The exporter's and the importer's report of one period side by side, with the gap." })
export class MirrorPeriod {
  @Field(() => String, { description: "YYYY-MM (MONTHLY) or YYYY (ANNUAL)." })
  period!: string;

  @Field(() => MirrorReport, { nullable: true, description: "The exporter's report; null when it reported nothing (never filled in)." })
  exporterReport!: MirrorReport | null;

  @Field(() => MirrorReport, { nullable: true, description: "The importer's report; null when it reported nothing (never filled in)." })
  importerReport!: MirrorReport | null;

  @Field(() => ReportingSide, { nullable: true, description: "The side that reported nothing for the period; null when both did." })
  missingSide!: ReportingSide | null;

  @Field(() => Float, { nullable: true, description: "Importer's tonnes − exporter's tonnes; null unless both give a quantity." })
  quantityGapTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "Importer's value − exporter's value, in `currency`; null unless both give a value in the same currency." })
  valueGap!: number | null;

  @Field(() => String, { nullable: true, description: "The currency both sides' values are in; null when they differ or one is missing." })
  currency!: string | null;

  @Field(() => Float, { nullable: true, description: "Importer's CIF value / exporter's FOB value; null when not `comparable`." })
  cifFobRatio!: number | null;

  @Field(() => Boolean, { description: "True when both values are there, in one currency, CIF against FOB: `cifFobRatio` is given." })
  comparable!: boolean;

  @Field(() => MirrorIncomparability, { nullable: true, description: "Why the values are not compared; null when `comparable`." })
  incomparableReason!: MirrorIncomparability | null;
}

@ObjectType({ simpleResolvers: true, description: "A mirror comparison's totals over the range. Gaps sum only periods where both sides give the figure." })
export class MirrorTotals {
  @Field(() => Float, { nullable: true, description: "The exporter's tonnes over every listed period." })
  exporterQuantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "The importer's tonnes over every listed period." })
  importerQuantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "Sum of the periods' quantityGapTonnes (only periods where both sides give a quantity)." })
  quantityGapTonnes!: number | null;

  @Field(() => Int, { description: "Periods both sides reported." })
  periodsWithBothSides!: number;

  @Field(() => Int, { description: "Periods only the importer reported." })
  periodsMissingExporter!: number;

  @Field(() => Int, { description: "Periods only the exporter reported." })
  periodsMissingImporter!: number;

  @Field(() => Int, { description: "Periods that are `comparable`: the value totals below sum these only." })
  comparablePeriods!: number;

  @Field(() => String, { nullable: true, description: "The one currency of the comparable periods; null when none or several." })
  currency!: string | null;

  @Field(() => Float, { nullable: true, description: "The exporter's FOB value over the comparable periods, in `currency`." })
  exporterValue!: number | null;

  @Field(() => Float, { nullable: true, description: "The importer's CIF value over the comparable periods, in `currency`." })
  importerValue!: number | null;

  @Field(() => Float, { nullable: true, description: "The importer's value − the exporter's over the comparable periods." })
  valueGap!: number | null;

  @Field(() => Float, { nullable: true, description: "The importer's value / the exporter's over the comparable periods: the CIF/FOB ratio of the totals." })
  cifFobRatio!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A mirror comparison: for one exporter, importer and commodity, the exporter-reported export next to the importer-reported import, period by period. Periods neither side reported are not listed.",
})
export class MirrorFlows {
  exporterCode!: string;
  importerCode!: string;
  commodityCode!: string;

  @Field(() => Country, { description: "The exporting country." })
  exporter!: Country;

  @Field(() => Country, { description: "The importing country." })
  importer!: Country;

  @Field(() => Commodity, { description: "The HS code asked for: everything under it, each flow counted once per side." })
  commodity!: Commodity;

  @Field(() => Frequency, { description: "The frequency of the observations compared." })
  frequency!: Frequency;

  @Field(() => String, { description: "First month of the range, YYYY-MM (for ANNUAL, January of the first year)." })
  from!: string;

  @Field(() => String, { description: "Last month of the range, YYYY-MM (for ANNUAL, December of the last year)." })
  to!: string;

  @Field(() => [MirrorPeriod], { description: "Periods at least one side reported, oldest first." })
  periods!: MirrorPeriod[];

  @Field(() => MirrorTotals, { description: "Totals over the range." })
  totals!: MirrorTotals;
}

@ObjectType({ simpleResolvers: true, description: "Min, max and spread of one figure over a flow's observations that give it." })
export class ObservationSpread {
  @Field(() => Int, { description: "Observations that give the figure." })
  observations!: number;

  @Field(() => Float, { nullable: true, description: "The smallest figure." })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: "The largest figure." })
  max!: number | null;

  @Field(() => Float, { nullable: true, description: "The largest figure − the smallest." })
  spread!: number | null;

  @Field(() => Float, { nullable: true, description: "(max − min) / min: how far the largest figure is above the smallest; null when min is 0 or missing." })
  relativeSpread!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "One observation of a flow, and whether the aggregates count it." })
export class FlowObservation {
  @Field(() => ExportRecord, { description: "The observation, with its reporter, flow and source." })
  record!: ExportRecord;

  @Field(() => ReportingSide, { description: "Whose report it is." })
  side!: ReportingSide;

  @Field(() => Boolean, {
    description: "True for the one observation topPartners, tradeSeries and bilateral count for this flow (reportedBy: ANY, every flow; docs/trade-queries.md).",
  })
  counted!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "Every observation of one flow (exporter → importer, HS code, frequency, period) by every source and reporter, side by side, with the spread.",
})
export class FlowObservations {
  exporterCode!: string;
  importerCode!: string;
  commodityCode!: string;

  @Field(() => Country, { description: "The exporting country." })
  exporter!: Country;

  @Field(() => Country, { description: "The importing country." })
  importer!: Country;

  @Field(() => Commodity, { description: "The exact HS code of the flow (records at other levels are other flows)." })
  commodity!: Commodity;

  @Field(() => Frequency, { description: "The frequency of the period." })
  frequency!: Frequency;

  @Field(() => String, { description: "The period: YYYY-MM or YYYY." })
  period!: string;

  @Field(() => [FlowObservation], { description: "The observations in the aggregates' precedence: the counted one first." })
  observations!: FlowObservation[];

  @Field(() => ObservationSpread, { description: "Spread of the tonnes over the observations." })
  quantitySpread!: ObservationSpread;

  @Field(() => ObservationSpread, { description: "Spread of the USD values over the observations (a value in another currency has none)." })
  valueUsdSpread!: ObservationSpread;
}
