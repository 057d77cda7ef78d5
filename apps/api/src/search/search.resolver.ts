import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../server/context";
import { SearchArgs } from "./search.args";
import { search } from "./search.service";
import { SearchHit } from "./search.type";

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: "Full-text search over meetings, reports (and their findings) and countries, best matches first.",
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() context: Context): Promise<SearchHit[]> {
    return search(context, args);
  }
}
