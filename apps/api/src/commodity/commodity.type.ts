import type { CommodityRow } from "@tradegraph/db/sql";
import { Directive, Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@Directive('@key(fields: "hsCode")')
@ObjectType({ simpleResolvers: true, implements: Node, description: "A Harmonized System commodity heading, e.g. 2709 crude petroleum oils." })
export class Commodity extends Node {
  @Field(() => String, { description: "Harmonized System code, 2, 4 or 6 digits, e.g. 2709." })
  hsCode!: string;

  @Field(() => String, { description: "The heading's text in the HS nomenclature, e.g. Petroleum oils, crude." })
  description!: string;

  static from(row: Pick<CommodityRow, "hsCode" | "description">): Commodity {
    return Object.assign(new Commodity(), { id: toGlobalId("Commodity", row.hsCode), hsCode: row.hsCode, description: row.description });
  }
}
