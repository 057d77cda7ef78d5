import { GraphQLDate } from "graphql-scalars";
import { Field, InputType, ObjectType } from "type-graphql";
import { DeletePayload, MutationPayload } from "../common/mutation";
import { Source } from "./source.type";

@InputType({ description: "Where facts come from. (publisher, title) is unique. What the source doesn't say stays null." })
export class SourceInput implements Partial<Source> {
  @Field(() => String, { description: "Who published it, e.g. The Jerusalem Post." })
  publisher!: string;

  @Field(() => String, { description: "The article's, table's or data set's title; not blank." })
  title!: string;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day, YYYY-MM-DD." })
  publishedOn?: Date | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "How and when the source was obtained." })
  retrievalNote?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Generated data (benchmarks, demos), never real statistics." })
  synthetic!: boolean;
}

@InputType({ description: "Changes to a source. Omitted fields keep their value; null clears a nullable field and is ignored for the others." })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: "Who published it; not blank." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "The source's title; not blank." })
  title?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day, YYYY-MM-DD; null clears it." })
  publishedOn?: Date | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL; null clears it." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "How and when the source was obtained; null clears it." })
  retrievalNote?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Generated data (benchmarks, demos), never real statistics." })
  synthetic?: boolean | null;
}

@ObjectType({ description: "The result of createSource: the new source, or userErrors (e.g. DUPLICATE for an existing publisher and title)." })
export class CreateSourcePayload extends MutationPayload {
  @Field(() => Source, { nullable: true, description: "The new source; null when userErrors is not empty." })
  source!: Source | null;
}

@ObjectType({ description: "The result of updateSource: the changed source, or the userErrors that prevented the change." })
export class UpdateSourcePayload extends MutationPayload {
  @Field(() => Source, { nullable: true, description: "The source as changed; null when userErrors is not empty." })
  source!: Source | null;
}

@ObjectType({ description: "The result of deleteSource: the deleted source's ID, or userErrors (INVALID_ID, NOT_FOUND, IN_USE)." })
export class DeleteSourcePayload extends DeletePayload {}
