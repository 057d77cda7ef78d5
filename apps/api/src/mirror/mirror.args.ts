import { ArgsType, Field } from "type-graphql";
import { Frequency } from "../export-record/observation.type";

@ArgsType()
export class MirrorFlowsArgs {
  @Field(() => String, { description: "Exporter, ISO alpha-2 or alpha-3, any case." })
  exporter!: string;

  @Field(() => String, { description: "Importer (not the exporter), ISO alpha-2 or alpha-3, any case." })
  importer!: string;

  @Field(() => String, {
    description: "HS code at any level (27 takes everything under chapter 27); each flow counted once per side, at its most aggregated code under this one.",
  })
  commodity!: string;

  @Field(() => String, { description: "First month, YYYY-MM (a year YYYY for ANNUAL)." })
  from!: string;

  @Field(() => String, { description: "Last month, YYYY-MM (a year for ANNUAL); not before `from`, at most 50 years after it." })
  to!: string;

  @Field(() => Frequency, { defaultValue: Frequency.MONTHLY, description: "Which observations to compare: MONTHLY (default) or ANNUAL. Never both." })
  frequency!: Frequency;
}

@ArgsType()
export class FlowObservationsArgs {
  @Field(() => String, { description: "Exporter, ISO alpha-2 or alpha-3, any case." })
  exporter!: string;

  @Field(() => String, { description: "Importer (not the exporter), ISO alpha-2 or alpha-3, any case." })
  importer!: string;

  @Field(() => String, { description: "The flow's exact HS code (2, 4 or 6 digits); records at other levels are other flows." })
  commodity!: string;

  @Field(() => String, { description: "The period: YYYY-MM, or YYYY for ANNUAL." })
  period!: string;

  @Field(() => Frequency, { defaultValue: Frequency.MONTHLY, description: "MONTHLY (default) or ANNUAL." })
  frequency!: Frequency;
}
