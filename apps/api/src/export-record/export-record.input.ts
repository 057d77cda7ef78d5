import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { DeletePayload, MutationPayload } from "../common/mutation";
import { ExportRecord } from "./export-record.type";
import { Frequency, TradeFlow } from "./observation.type";

@InputType({
  description:
    "An export record. Its natural key is (exporter, importer, commodity, frequency, period, reporter, flow, source); the reporter follows from the flow. Omitted figures are null, omitted flags false; omitted frequency and flow mean a monthly export reported by the exporter.",
})
export class ExportRecordInput implements Partial<ExportRecord> {
  @Field(() => String, { description: "Exporter, ISO 3166-1 alpha-2 or alpha-3, any case." })
  exporter!: string;

  @Field(() => String, { description: "Importer, ISO 3166-1 alpha-2 or alpha-3, any case; not the exporter." })
  importer!: string;

  @Field(() => String, { description: "HS code of a known commodity, e.g. 2709." })
  commodity!: string;

  @Field(() => Frequency, { defaultValue: Frequency.MONTHLY, description: "MONTHLY (period YYYY-MM) or ANNUAL (period YYYY)." })
  frequency!: Frequency;

  @Field(() => String, { description: "The period: a calendar month YYYY-MM (MONTHLY) or a year YYYY (ANNUAL)." })
  period!: string;

  @Field(() => TradeFlow, {
    defaultValue: TradeFlow.EXPORT,
    description: "The flow as reported: EXPORT and RE_EXPORT are reported by the exporter, IMPORT and RE_IMPORT by the importer.",
  })
  flow!: TradeFlow;

  @Field(() => ID, { description: "Global ID of the Source the figures come from." })
  source!: string;

  @Field(() => Float, { nullable: true, description: "Metric tonnes, not negative; null when the source gives none." })
  quantityTonnes?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "US dollars, not negative (kept to cents); null when the source gives none. Only for a USD record (CURRENCY_MISMATCH otherwise); there it is `value`.",
  })
  valueUsd?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The value as the source states it, in `currency`, not negative (kept to cents). In USD it is valueUsd: give either, or both when equal (VALUE_MISMATCH otherwise).",
  })
  value?: number | null;

  @Field(() => String, { defaultValue: "USD", description: "ISO 4217 code of value, cifValue and fobValue: three letters, any case (INVALID_CURRENCY otherwise)." })
  currency!: string;

  @Field(() => Float, { nullable: true, description: "The CIF value (at the importer's border), in `currency`, not negative." })
  cifValue?: number | null;

  @Field(() => Float, { nullable: true, description: "The FOB value (at the exporter's border), in `currency`, not negative." })
  fobValue?: number | null;

  @Field(() => Float, { nullable: true, description: "A quantity in `supplementaryUnit` (units, litres, m² …), not negative; needs the unit (MISSING_UNIT)." })
  supplementaryQuantity?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The unit of supplementaryQuantity as the source writes it, 1 to 16 characters (INVALID_UNIT); only with a quantity (UNIT_WITHOUT_QUANTITY).",
  })
  supplementaryUnit?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "The source marks the supplementary quantity as estimated." })
  supplementaryQuantityEstimated!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "The source gives the quantity as approximate." })
  quantityApproximate!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "The source gives the value as approximate." })
  valueApproximate!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "The source marks the quantity as estimated." })
  quantityEstimated!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "The source marks the value as estimated." })
  valueEstimated!: boolean;

  @Field(() => Int, { nullable: true, description: "The importer's rank among the exporter's buyers as the source states it; 1 or more." })
  reportedRank?: number | null;
}

@InputType({
  description: "Changes to an export record. Omitted fields keep their value; null clears a nullable field and is ignored for the others.",
})
export class UpdateExportRecordInput {
  @Field(() => String, { nullable: true, description: "Exporter, ISO 3166-1 alpha-2 or alpha-3, any case." })
  exporter?: string | null;

  @Field(() => String, { nullable: true, description: "Importer, ISO 3166-1 alpha-2 or alpha-3, any case; not the exporter." })
  importer?: string | null;

  @Field(() => String, { nullable: true, description: "HS code of a known commodity, e.g. 2709." })
  commodity?: string | null;

  @Field(() => Frequency, { nullable: true, description: "MONTHLY or ANNUAL; the period must match it." })
  frequency?: Frequency | null;

  @Field(() => String, { nullable: true, description: "A calendar month YYYY-MM (MONTHLY) or a year YYYY (ANNUAL)." })
  period?: string | null;

  @Field(() => TradeFlow, { nullable: true, description: "The flow as reported; the reporter follows from it." })
  flow?: TradeFlow | null;

  @Field(() => ID, { nullable: true, description: "Global ID of the Source the figures come from." })
  source?: string | null;

  @Field(() => Float, { nullable: true, description: "Metric tonnes, not negative; null clears it." })
  quantityTonnes?: number | null;

  @Field(() => Float, { nullable: true, description: "US dollars, not negative (kept to cents), for a USD record; null clears it (and the value)." })
  valueUsd?: number | null;

  @Field(() => Float, { nullable: true, description: "The value in the record's currency, not negative; null clears it. In USD it is valueUsd." })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 code of value, cifValue and fobValue; a record in another currency than USD has no valueUsd." })
  currency?: string | null;

  @Field(() => Float, { nullable: true, description: "The CIF value in the record's currency, not negative; null clears it." })
  cifValue?: number | null;

  @Field(() => Float, { nullable: true, description: "The FOB value in the record's currency, not negative; null clears it." })
  fobValue?: number | null;

  @Field(() => Float, { nullable: true, description: "A quantity in supplementaryUnit, not negative; null clears it (clear the unit too)." })
  supplementaryQuantity?: number | null;

  @Field(() => String, { nullable: true, description: "The unit of supplementaryQuantity, 1 to 16 characters; null clears it." })
  supplementaryUnit?: string | null;

  @Field(() => Boolean, { nullable: true, description: "The source marks the supplementary quantity as estimated." })
  supplementaryQuantityEstimated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The source gives the quantity as approximate." })
  quantityApproximate?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The source gives the value as approximate." })
  valueApproximate?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The source marks the quantity as estimated." })
  quantityEstimated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The source marks the value as estimated." })
  valueEstimated?: boolean | null;

  @Field(() => Int, { nullable: true, description: "The importer's rank among the exporter's buyers as the source states it; 1 or more; null clears it." })
  reportedRank?: number | null;
}

@ObjectType({ description: "The result of createExportRecord: the new record, or the userErrors that prevented it." })
export class CreateExportRecordPayload extends MutationPayload {
  @Field(() => ExportRecord, { nullable: true, description: "The new record; null when userErrors is not empty." })
  exportRecord!: ExportRecord | null;
}

@ObjectType({ description: "The result of updateExportRecord: the changed record, or the userErrors that prevented the change." })
export class UpdateExportRecordPayload extends MutationPayload {
  @Field(() => ExportRecord, { nullable: true, description: "The record as changed; null when userErrors is not empty." })
  exportRecord!: ExportRecord | null;
}

@ObjectType({ description: "The result of upsertExportRecord: the created or updated record, or userErrors." })
export class UpsertExportRecordPayload extends MutationPayload {
  @Field(() => ExportRecord, { nullable: true, description: "The record as created or updated; null when userErrors is not empty." })
  exportRecord!: ExportRecord | null;
}

@ObjectType({ description: "The result of deleteExportRecord: the deleted record's ID, or userErrors (INVALID_ID, NOT_FOUND)." })
export class DeleteExportRecordPayload extends DeletePayload {}
