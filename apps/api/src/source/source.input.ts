import { GraphQLDate } from "graphql-scalars";
import { Field, InputType, ObjectType } from "type-graphql";
import { DeletePayload, MutationPayload } from "../common/mutation";
import { Source } from "./source.type";

@InputType({ description: "Where facts come from. (publisher, title) is unique. What the source doesn't say stays null." })
export class SourceInput implements Partial<Source> {
  @Field(() => String, { description: "Who published it, e.g. The Jerusalem Post." })
  publisher!: string;

  @Field(() => String)
  title!: string;

  @Field(() => GraphQLDate, { nullable: true })
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
  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  publishedOn?: Date | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  retrievalNote?: string | null;

  @Field(() => Boolean, { nullable: true })
  synthetic?: boolean | null;
}

@ObjectType()
export class CreateSourcePayload extends MutationPayload {
  @Field(() => Source, { nullable: true, description: "The new source; null when userErrors is not empty." })
  source!: Source | null;
}

@ObjectType()
export class UpdateSourcePayload extends MutationPayload {
  @Field(() => Source, { nullable: true, description: "The source as changed; null when userErrors is not empty." })
  source!: Source | null;
}

@ObjectType()
export class DeleteSourcePayload extends DeletePayload {}
