import type { CommodityRow } from "@tradegraph/db/sql";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A Harmonized System commodity heading, e.g. 2709 crude petroleum oils." })
export class Commodity extends Node {
  @Field(() => String)
  hsCode!: string;

  @Field(() => String)
  description!: string;

  static from(row: Pick<CommodityRow, "hsCode" | "description">): Commodity {
    return Object.assign(new Commodity(), { id: toGlobalId("Commodity", row.hsCode), hsCode: row.hsCode, description: row.description });
  }
}
