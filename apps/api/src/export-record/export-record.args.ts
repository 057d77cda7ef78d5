import { ArgsType, Field, Float, InputType, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../common/connection";

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection" });

export enum ExportRecordOrderField {
  PERIOD = "PERIOD",
  VALUE = "VALUE",
  QUANTITY = "QUANTITY",
}
registerEnumType(ExportRecordOrderField, {
  name: "ExportRecordOrderField",
  description: "Records without the figure sort last in both directions; ties are broken by record.",
});

@InputType({ description: "A calendar-month range, both ends included (YYYY-MM)." })
export class PeriodRangeInput {
  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;
}

@InputType({ description: "A numeric range, both ends included." })
export class FloatRangeInput {
  @Field(() => Float, { nullable: true })
  gte?: number | null;

  @Field(() => Float, { nullable: true })
  lte?: number | null;
}

@InputType()
export class ExportRecordFilter {
  @Field(() => String, { nullable: true, description: "Exporter, ISO alpha-2 or alpha-3." })
  exporter?: string | null;

  @Field(() => String, { nullable: true, description: "Importer, ISO alpha-2 or alpha-3." })
  importer?: string | null;

  @Field(() => String, { nullable: true, description: "HS code, e.g. 2709." })
  commodity?: string | null;

  @Field(() => PeriodRangeInput, { nullable: true })
  period?: PeriodRangeInput | null;

  @Field(() => FloatRangeInput, { nullable: true })
  valueUsd?: FloatRangeInput | null;

  @Field(() => FloatRangeInput, { nullable: true })
  quantityTonnes?: FloatRangeInput | null;

  @Field(() => String, { nullable: true, description: "Only records from this Source (global ID)." })
  source?: string | null;
}

@InputType()
export class ExportRecordOrder {
  @Field(() => ExportRecordOrderField)
  field!: ExportRecordOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

@ArgsType()
export class ExportRecordsArgs extends ConnectionArgs {
  @Field(() => ExportRecordFilter, { nullable: true })
  filter?: ExportRecordFilter | null;

  @Field(() => ExportRecordOrder, { nullable: true, description: "Default: period, newest first." })
  orderBy?: ExportRecordOrder | null;
}
