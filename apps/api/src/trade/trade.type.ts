import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Country } from "../country/country.type";
import { Frequency, ReportedBy, TradeFlow } from "../export-record/observation.type";

export enum RankBy {
  VALUE = "VALUE",
  QUANTITY = "QUANTITY",
}
registerEnumType(RankBy, {
  name: "RankBy",
  description: "The figure partners are ranked and shared by.",
  valuesConfig: {
    VALUE: { description: "Value in US dollars." },
    QUANTITY: { description: "Quantity in metric tonnes." },
  },
});

export enum Granularity {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}
registerEnumType(Granularity, {
  name: "Granularity",
  description: "The size of a series' buckets.",
  valuesConfig: {
    MONTH: { description: "Calendar months: buckets 2024-01, 2024-02, …" },
    QUARTER: { description: "Calendar quarters: buckets 2024-Q1, 2024-Q2, …" },
    YEAR: { description: "Calendar years: buckets 2023, 2024, …" },
  },
});

export enum ShareBasis {
  RECORDED_OBSERVATIONS = "RECORDED_OBSERVATIONS",
}
registerEnumType(ShareBasis, {
  name: "ShareBasis",
  description: "What a share divides by.",
  valuesConfig: {
    RECORDED_OBSERVATIONS: {
      description: "The sum of the figures recorded for all partners (before `limit`; one observation per flow), not the exporter's whole trade, which no source here states.",
    },
  },
});

@ObjectType({ simpleResolvers: true, description: "One buyer of an exporter's commodity over a period, with its rank and share." })
export class PartnerShare {
  partnerCode!: string;

  @Field(() => Int, { nullable: true, description: "Competition rank (1, 2, 2, 4) by the chosen figure; null when the partner has no such figure." })
  rank!: number | null;

  @Field(() => Country, { description: "The importing country." })
  partner!: Country;

  @Field(() => Float, { nullable: true, description: "Metric tonnes to this partner over the period (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars from this partner over the period (recorded figures only); null when no record gives one." })
  valueUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "This partner's figure divided by `total` (basis RECORDED_OBSERVATIONS): the sum of the figures recorded for all partners, not the exporter's whole trade. When `shareOfCompleteTotal` is false the total is known to miss buyers, so the share overstates it (1 means \"all that was recorded\", not \"all of it\").",
  })
  share!: number | null;

  @Field(() => Boolean, {
    description: "Whether `share` divides by a total nothing is known to be missing from (`total.complete`); false for every partner when buyers are named without figures or stated ranks are missing.",
  })
  shareOfCompleteTotal!: boolean;

  @Field(() => Float, { nullable: true, description: "USD per tonne over the records that have both a value and a quantity." })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Float, { nullable: true, description: "For crude oil (HS 2709) at 7.33 barrels per tonne." })
  unitPriceUsdPerBarrel!: number | null;

  @Field(() => Int, { nullable: true, description: "The best rank a source itself gives this partner." })
  reportedRank!: number | null;

  @Field(() => Int, { description: "Export records summed into this line: one observation per flow and period." })
  records!: number;

  sourceKeys!: number[];

  @Field(() => [TradeFlow], { description: "The declared flows of the observations used (EXPORT when the exporter's reports were used)." })
  flows!: TradeFlow[];
}

@ObjectType({ simpleResolvers: true, description: "What the shares of topPartners divide by, and how complete it is known to be." })
export class PartnerTotal {
  partnersWithoutFiguresCodes!: string[];

  @Field(() => ShareBasis, { description: "What the shares divide by." })
  basis!: ShareBasis;

  @Field(() => Float, { nullable: true, description: "The total of the chosen figure (`by`) that shares divide by; null when no partner has the figure." })
  figure!: number | null;

  @Field(() => Boolean, {
    description:
      "False when the total is known to miss buyers: a partner is named without the chosen figure, or a rank the sources state is missing below the highest one stated. True means only that nothing is known to be missing: no source here covers every buyer.",
  })
  complete!: boolean;

  @Field(() => [Country], { description: "Partners with observations but none giving the chosen figure (e.g. buyers a source names without figures), in code order; all partners, not only the first `limit`." })
  partnersWithoutFigures!: Country[];

  @Field(() => [Int], {
    description: "Ranks from 1 to the highest rank a source states (reportedRank) that no partner has: buyers a source ranks but nobody recorded.",
  })
  missingReportedRanks!: number[];
}

@ObjectType({ simpleResolvers: true, description: "An exporter's buyers of one commodity over a period of months." })
export class TopPartners {
  exporterCode!: string;
  commodityCode!: string;

  @Field(() => Country, { description: "The exporting country." })
  exporter!: Country;

  @Field(() => Commodity, { description: "The commodity heading traded." })
  commodity!: Commodity;

  @Field(() => Frequency, { description: "The frequency of the observations summed (never both)." })
  frequency!: Frequency;

  @Field(() => ReportedBy, {
    description: "Whose reports were used: ANY takes, for each flow, the exporter's report, else the importer's (docs/trade-queries.md).",
  })
  reportedBy!: ReportedBy;

  @Field(() => String, { description: "First month, YYYY-MM." })
  from!: string;

  @Field(() => String, { description: "Last month, YYYY-MM." })
  to!: string;

  @Field(() => RankBy, { description: "The figure partners are ranked and shared by." })
  by!: RankBy;

  @Field(() => Float, { nullable: true, description: "Total tonnes to all partners (recorded figures only)." })
  totalQuantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "Total USD to all partners (recorded figures only)." })
  totalValueUsd!: number | null;

  @Field(() => Int, { description: "Partners with at least one record, before `limit`." })
  partnerCount!: number;

  @Field(() => PartnerTotal, { description: "What the shares divide by and whether it is known to be complete." })
  total!: PartnerTotal;

  @Field(() => [PartnerShare], { description: "The partners, best rank first, at most `limit`." })
  partners!: PartnerShare[];
}

@ObjectType({ simpleResolvers: true, description: "Totals for one month, quarter or year. Empty buckets are present with records = 0 and null figures." })
export class TradeSeriesPoint {
  @Field(() => String, { description: "2024-01 (month), 2024-Q1 (quarter) or 2024 (year)." })
  bucket!: string;

  @Field(() => String, { description: "First month of the bucket within the range." })
  from!: string;

  @Field(() => String, { description: "Last month of the bucket within the range." })
  to!: string;

  @Field(() => Float, { nullable: true, description: "Metric tonnes in the bucket (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars in the bucket (recorded figures only); null when no record gives one." })
  valueUsd!: number | null;

  @Field(() => Float, { nullable: true, description: "USD per tonne over the bucket's records that have both a value and a quantity." })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Int, { description: "Export records summed into the bucket; 0 for an empty one." })
  records!: number;
}

@ObjectType({ description: "An exporter's trade totals over a range of months, bucket by bucket." })
export class TradeSeries {
  @Field(() => Granularity, { description: "The size of the buckets." })
  granularity!: Granularity;

  @Field(() => Frequency, {
    description: "The frequency of the observations summed: a YEAR bucket of MONTHLY observations sums the year's months; of ANNUAL ones it is the annual figure.",
  })
  frequency!: Frequency;

  @Field(() => String, { description: "First month, YYYY-MM." })
  from!: string;

  @Field(() => String, { description: "Last month, YYYY-MM." })
  to!: string;

  @Field(() => [TradeSeriesPoint], { description: "Every bucket of the range, oldest first; empty ones have records = 0." })
  points!: TradeSeriesPoint[];

  /** The HS code asked for, validated; null for all commodities. */
  commodityCode!: string | null;
}
