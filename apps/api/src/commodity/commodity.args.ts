import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class CommoditiesArgs {
  @Field(() => Int, { nullable: true, description: "Only codes of this level: 2 (chapters), 4 (headings) or 6 (subheadings)." })
  level?: number | null;

  @Field(() => String, { nullable: true, description: "Only the codes one level below this one, e.g. 27 for the headings of chapter 27." })
  parent?: string | null;

  @Field(() => String, { nullable: true, description: "Only codes that start with these digits or whose text contains these words (any case)." })
  search?: string | null;

  @Field(() => Int, { defaultValue: 100, description: "At most this many codes, 1 to 1000 (default 100), in code order." })
  first!: number;
}
