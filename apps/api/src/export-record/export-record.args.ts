import { ArgsType, Field, Float, InputType, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../common/connection";

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Which way a list is ordered.",
  valuesConfig: {
    ASC: { description: "Smallest (or oldest) first." },
    DESC: { description: "Largest (or newest) first." },
  },
});

export enum ExportRecordOrderField {
  PERIOD = "PERIOD",
  VALUE = "VALUE",
  QUANTITY = "QUANTITY",
}
registerEnumType(ExportRecordOrderField, {
  name: "ExportRecordOrderField",
  description: "Records without the figure sort last in both directions; ties are broken by record.",
  valuesConfig: {
    PERIOD: { description: "By calendar month." },
    VALUE: { description: "By value in USD." },
    QUANTITY: { description: "By quantity in tonnes." },
  },
});

@InputType({ description: "A calendar-month range, both ends included (YYYY-MM)." })
export class PeriodRangeInput {
  @Field(() => String, { nullable: true, description: "First month, YYYY-MM; open when absent. INVALID_PERIOD when malformed." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Last month, YYYY-MM, not before `from`; open when absent." })
  to?: string | null;
}

@InputType({ description: "A numeric range, both ends included." })
export class FloatRangeInput {
  @Field(() => Float, { nullable: true, description: "At least this much; open when absent." })
  gte?: number | null;

  @Field(() => Float, { nullable: true, description: "At most this much, not below `gte`; open when absent." })
  lte?: number | null;
}

@InputType({ description: "Conditions on export records, all of which must hold. Malformed codes fail with the domain's error codes." })
export class ExportRecordFilter {
  @Field(() => String, { nullable: true, description: "Exporter, ISO alpha-2 or alpha-3." })
  exporter?: string | null;

  @Field(() => String, { nullable: true, description: "Importer, ISO alpha-2 or alpha-3." })
  importer?: string | null;

  @Field(() => String, { nullable: true, description: "HS code at any level, e.g. 27 or 2709: records at that code and every code under it." })
  commodity?: string | null;

  @Field(() => PeriodRangeInput, { nullable: true, description: "Calendar months, both ends included." })
  period?: PeriodRangeInput | null;

  @Field(() => FloatRangeInput, { nullable: true, description: "Value in US dollars; records without a value don't match." })
  valueUsd?: FloatRangeInput | null;

  @Field(() => FloatRangeInput, { nullable: true, description: "Quantity in metric tonnes; records without a quantity don't match." })
  quantityTonnes?: FloatRangeInput | null;

  @Field(() => String, { nullable: true, description: "Only records from this Source (global ID)." })
  source?: string | null;
}

@InputType({ description: "How to order export records." })
export class ExportRecordOrder {
  @Field(() => ExportRecordOrderField, { description: "The figure to order by." })
  field!: ExportRecordOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "Default: DESC (newest or largest first)." })
  direction!: SortDirection;
}

@ArgsType()
export class ExportRecordsArgs extends ConnectionArgs {
  @Field(() => ExportRecordFilter, { nullable: true, description: "Only records matching all of these conditions. Default: all." })
  filter?: ExportRecordFilter | null;

  @Field(() => ExportRecordOrder, { nullable: true, description: "Default: period, newest first." })
  orderBy?: ExportRecordOrder | null;
}
