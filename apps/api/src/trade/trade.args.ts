import { ArgsType, Field, Int } from "type-graphql";
import { Frequency, ReportedBy, TradeFlow } from "../export-record/observation.type";
import { Granularity, RankBy } from "./trade.type";

/** The observation arguments of every aggregate: frequency, whose reports, which flows. */
@ArgsType()
export class ObservationArgs {
  @Field(() => Frequency, {
    defaultValue: Frequency.MONTHLY,
    description: "Which observations to sum: MONTHLY (default; periods YYYY-MM) or ANNUAL (periods YYYY). Never both.",
  })
  frequency!: Frequency;

  @Field(() => ReportedBy, {
    defaultValue: ReportedBy.ANY,
    description:
      "Whose figures: EXPORTER or IMPORTER only that side's reports; ANY (default) the exporter's report of each flow, else the importer's. Each flow is counted once either way.",
  })
  reportedBy!: ReportedBy;

  @Field(() => [TradeFlow], { nullable: true, description: "Only these declared flows; all when absent (EXPORT is then preferred to RE_EXPORT, IMPORT to RE_IMPORT)." })
  flows?: TradeFlow[] | null;
}

@ArgsType()
export class TopPartnersArgs extends ObservationArgs {
  @Field(() => String, { description: "Exporter, ISO alpha-2 or alpha-3." })
  exporter!: string;

  @Field(() => String, {
    description: "HS code at any level: 27 (the chapter: everything under it), 2709 or 270900. Each flow is counted once, at its most aggregated code under this one.",
  })
  commodity!: string;

  @Field(() => String, { nullable: true, description: "One month (YYYY-MM; a year YYYY for ANNUAL); or give `from` and `to`." })
  period?: string | null;

  @Field(() => String, { nullable: true, description: "First month, YYYY-MM (a year for ANNUAL), with `to` (instead of `period`)." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Last month, YYYY-MM (a year for ANNUAL), with `from`; not before it." })
  to?: string | null;

  @Field(() => RankBy, { defaultValue: RankBy.VALUE, description: "Rank and share by value (default) or by quantity." })
  by!: RankBy;

  @Field(() => Int, { defaultValue: 10, description: "1 to 100." })
  limit!: number;
}

@ArgsType()
export class TradeSeriesArgs extends ObservationArgs {
  @Field(() => String, { description: "Exporter, ISO alpha-2 or alpha-3, any case." })
  exporter!: string;

  @Field(() => String, { nullable: true, description: "One importer; all importers when absent." })
  importer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "One HS code at any level (27 takes everything under chapter 27), each flow counted once at its most aggregated code; all commodities when absent.",
  })
  commodity?: string | null;

  @Field(() => String, { description: "First month, YYYY-MM (a year YYYY for ANNUAL)." })
  from!: string;

  @Field(() => String, { description: "Last month, YYYY-MM, or a year for ANNUAL (at most 50 years after `from`)." })
  to!: string;

  @Field(() => Granularity, { defaultValue: Granularity.MONTH, description: "Bucket size. Default: MONTH." })
  granularity!: Granularity;
}
