import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../server/context";
import { Commodity } from "./commodity.type";

@Resolver(() => Commodity)
export class CommodityResolver {
  @Query(() => [Commodity], { description: "Every commodity heading known to the graph, by HS code." })
  async commodities(@Ctx() { db }: Context): Promise<Commodity[]> {
    const rows = await db.prisma.commodity.findMany({ orderBy: { hsCode: "asc" } });
    return rows.map((row) => Commodity.from(row));
  }
}
