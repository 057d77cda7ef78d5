import { ArgsType, Field, Int } from "type-graphql";
import { SearchType } from "./search.type";

export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_HITS = 100;

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      `Words to find, at most ${MAX_SEARCH_TEXT} characters, in web-search syntax: "a phrase", this OR that, -excluded. ` +
      "Meetings and reports match English word forms (\"conferences\" finds \"conference\"); countries match words as written.",
  })
  text!: string;

  @Field(() => Int, { defaultValue: 20, description: `Most hits to return, 1 to ${MAX_SEARCH_HITS}.` })
  first!: number;

  @Field(() => [SearchType], { nullable: true, description: "Only these kinds of objects. Default: all." })
  types?: SearchType[] | null;
}
