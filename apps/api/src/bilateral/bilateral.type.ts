import { GraphQLDate } from "graphql-scalars";
import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { Report } from "../report/report.type";
import { TradeSeriesPoint } from "../trade/trade.type";

@ObjectType({ description: "One commodity's trade in one direction over the range." })
export class CommodityTrade {
  @Field(() => Commodity, { description: "The commodity heading traded." })
  commodity!: Commodity;

  @Field(() => Float, { nullable: true, description: "Metric tonnes (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars (recorded figures only); null when no record gives one." })
  valueUsd!: number | null;

  @Field(() => Float, { nullable: true, description: "USD per tonne over the records that have both a value and a quantity; null when none has." })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Int, { description: "Export records summed into this line." })
  records!: number;
}

@ObjectType({ description: "Trade from one country of the pair to the other over the range, all commodities." })
export class TradeDirection {
  @Field(() => Country, { description: "The exporting country of the pair." })
  exporter!: Country;

  @Field(() => Country, { description: "The importing country of the pair." })
  importer!: Country;

  @Field(() => Float, { nullable: true, description: "Metric tonnes (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars (recorded figures only); null when no record gives one." })
  valueUsd!: number | null;

  @Field(() => Int, { description: "Export records in this direction and range." })
  records!: number;

  @Field(() => [CommodityTrade], { description: "Totals per commodity, highest value first (commodities without a value last)." })
  byCommodity!: CommodityTrade[];

  @Field(() => [TradeSeriesPoint], { description: "Monthly totals; every month of the range is present, empty ones with records = 0." })
  series!: TradeSeriesPoint[];
}

@ObjectType({ description: "Trade in one direction in one month, all commodities: a timeline item." })
export class TradeMonth {
  @Field(() => String, { description: "Calendar month, YYYY-MM." })
  period!: string;

  @Field(() => Country, { description: "The exporting country." })
  exporter!: Country;

  @Field(() => Country, { description: "The importing country." })
  importer!: Country;

  @Field(() => Float, { nullable: true, description: "Metric tonnes in the month (recorded figures only); null when no record gives one." })
  quantityTonnes!: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars in the month (recorded figures only); null when no record gives one." })
  valueUsd!: number | null;

  @Field(() => Int, { description: "Export records summed into this month." })
  records!: number;
}

export enum TimelineKind {
  TRADE = "TRADE",
  MEETING = "MEETING",
  REPORT = "REPORT",
}
registerEnumType(TimelineKind, {
  name: "TimelineKind",
  description: "What a timeline entry holds.",
  valuesConfig: {
    TRADE: { description: "A TradeMonth: one month of trade in one direction." },
    MEETING: { description: "A Meeting between the two countries." },
    REPORT: { description: "A Report about both countries." },
  },
});

export const TimelineItem = createUnionType({
  name: "TimelineItem",
  description: "A month of trade, a meeting or a report.",
  types: () => [TradeMonth, Meeting, Report] as const,
});

@ObjectType({ description: "One dated fact about a pair of countries." })
export class TimelineEntry {
  @Field(() => GraphQLDate, {
    nullable: true,
    description: "The month's first day for trade, the start date for a meeting, the publication day for a report; null when unknown.",
  })
  date!: Date | null;

  @Field(() => TimelineKind, { description: "What `item` is, for clients that switch on it." })
  kind!: TimelineKind;

  @Field(() => TimelineItem, { description: "The fact: a TradeMonth, a Meeting or a Report." })
  item!: TradeMonth | Meeting | Report;
}

/** What a Bilateral's fields load, each at most once and only when asked for. */
export interface BilateralParts {
  trade(): Promise<{ aToB: TradeDirection; bToA: TradeDirection }>;
  meetings(): Promise<Meeting[]>;
  reports(): Promise<Report[]>;
}

@ObjectType({ description: "Everything recorded between two countries: trade both ways, meetings, reports and one timeline." })
export class Bilateral {
  parts!: BilateralParts;

  @Field(() => Country, { description: "The first country, as given in `a`." })
  a!: Country;

  @Field(() => Country, { description: "The second country, as given in `b`." })
  b!: Country;

  @Field(() => String, { nullable: true, description: "First month of the trade range, YYYY-MM; null when nothing is recorded and no range was given." })
  from!: string | null;

  @Field(() => String, { nullable: true, description: "Last month of the trade range, YYYY-MM; null when nothing is recorded and no range was given." })
  to!: string | null;
}
