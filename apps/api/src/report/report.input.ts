import { GraphQLDate } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DeletePayload, MutationPayload } from "../common/mutation";
import { Report } from "./report.type";

@InputType({ description: "A statement a report makes." })
export class FindingInput {
  @Field(() => String, { description: "The statement, quoted or paraphrased; not blank." })
  text!: string;

  @Field(() => Boolean, { defaultValue: false, description: "The text quotes the report word for word; otherwise it is the source's paraphrase." })
  isQuote!: boolean;
}

@InputType({ description: "A report an institution published. What the source doesn't say stays null." })
export class ReportInput implements Partial<Report> {
  @Field(() => String, { description: "The report's title as published; not blank." })
  title!: string;

  @Field(() => String, { description: "The institution, e.g. Diaspora Ministry." })
  publisher!: string;

  @Field(() => String, { nullable: true, description: "The publisher's country, ISO 3166-1 alpha-2 or alpha-3, any case." })
  publisherCountry?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day, YYYY-MM-DD; null when the source doesn't give it." })
  publishedOn?: Date | null;

  @Field(() => [String], { defaultValue: [], description: "The countries the report is about, ISO alpha-2 or alpha-3; repeats count once." })
  subjectCountries!: string[];

  @Field(() => [String], { defaultValue: [], description: "What the report is about, as the source words it." })
  topics!: string[];

  @Field(() => [FindingInput], { defaultValue: [], description: "What the report states, in its order." })
  findings!: FindingInput[];

  @Field(() => ID, { description: "Global ID of the Source that reports on the report." })
  source!: string;
}

@InputType({
  description:
    "Changes to a report. Omitted fields keep their value; null clears a nullable field and is ignored for the others. " +
    "A given list (subjectCountries, topics, findings) replaces the stored one.",
})
export class UpdateReportInput {
  @Field(() => String, { nullable: true, description: "The report's title; not blank." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The institution; not blank." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "The publisher's country, ISO 3166-1 alpha-2 or alpha-3; null clears it." })
  publisherCountry?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day, YYYY-MM-DD; null clears it." })
  publishedOn?: Date | null;

  @Field(() => [String], { nullable: true, description: "Replaces the stored subject countries (ISO alpha-2 or alpha-3)." })
  subjectCountries?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the stored topics." })
  topics?: string[] | null;

  @Field(() => [FindingInput], { nullable: true, description: "Replaces the stored findings, in the report's order." })
  findings?: FindingInput[] | null;

  @Field(() => ID, { nullable: true, description: "Global ID of the Source that reports on the report." })
  source?: string | null;
}

@ObjectType({ description: "The result of createReport: the new report, or the userErrors that prevented it." })
export class CreateReportPayload extends MutationPayload {
  @Field(() => Report, { nullable: true, description: "The new report; null when userErrors is not empty." })
  report!: Report | null;
}

@ObjectType({ description: "The result of updateReport: the changed report, or the userErrors that prevented the change." })
export class UpdateReportPayload extends MutationPayload {
  @Field(() => Report, { nullable: true, description: "The report as changed; null when userErrors is not empty." })
  report!: Report | null;
}

@ObjectType({ description: "The result of deleteReport: the deleted report's ID, or userErrors (INVALID_ID, NOT_FOUND)." })
export class DeleteReportPayload extends DeletePayload {}
