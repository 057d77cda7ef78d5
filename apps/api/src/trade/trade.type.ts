import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Country } from "../country/country.type";

export enum RankBy {
  VALUE = "VALUE",
  QUANTITY = "QUANTITY",
}
registerEnumType(RankBy, { name: "RankBy", description: "The figure partners are ranked and shared by." });

export enum Granularity {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}
registerEnumType(Granularity, { name: "Granularity" });

@ObjectType({ simpleResolvers: true, description: "One buyer of an exporter's commodity over a period, with its rank and share." })
export class PartnerShare {
  partnerCode!: string;

  @Field(() => Int, { nullable: true, description: "Competition rank (1, 2, 2, 4) by the chosen figure; null when the partner has no such figure." })
  rank!: number | null;

  @Field(() => Country)
  partner!: Country;

  @Field(() => Float, { nullable: true })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true })
  valueUsd!: number | null;

  @Field(() => Float, { nullable: true, description: "Share (0–1) of the exporter's recorded total of the chosen figure." })
  share!: number | null;

  @Field(() => Float, { nullable: true, description: "USD per tonne over the records that have both a value and a quantity." })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Float, { nullable: true, description: "For crude oil (HS 2709) at 7.33 barrels per tonne." })
  unitPriceUsdPerBarrel!: number | null;

  @Field(() => Int, { nullable: true, description: "The best rank a source itself gives this partner." })
  reportedRank!: number | null;

  @Field(() => Int, { description: "Export records summed into this line." })
  records!: number;
}

@ObjectType({ simpleResolvers: true, description: "An exporter's buyers of one commodity over a period of months." })
export class TopPartners {
  exporterCode!: string;
  commodityCode!: string;

  @Field(() => Country)
  exporter!: Country;

  @Field(() => Commodity)
  commodity!: Commodity;

  @Field(() => String, { description: "First month, YYYY-MM." })
  from!: string;

  @Field(() => String, { description: "Last month, YYYY-MM." })
  to!: string;

  @Field(() => RankBy)
  by!: RankBy;

  @Field(() => Float, { nullable: true, description: "Total tonnes to all partners (recorded figures only)." })
  totalQuantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "Total USD to all partners (recorded figures only)." })
  totalValueUsd!: number | null;

  @Field(() => Int, { description: "Partners with at least one record, before `limit`." })
  partnerCount!: number;

  @Field(() => [PartnerShare])
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

  @Field(() => Float, { nullable: true })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true })
  valueUsd!: number | null;

  @Field(() => Float, { nullable: true })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Int)
  records!: number;
}

@ObjectType()
export class TradeSeries {
  @Field(() => Granularity)
  granularity!: Granularity;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => [TradeSeriesPoint])
  points!: TradeSeriesPoint[];
}
