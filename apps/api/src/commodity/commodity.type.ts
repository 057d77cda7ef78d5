import type { CommodityRow, HsSectionRow } from "@tradegraph/db/sql";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@ObjectType({ simpleResolvers: true, description: "One of the 21 sections of the Harmonized System, e.g. V Mineral products (chapters 25 to 27)." })
export class HsSection {
  @Field(() => String, { description: "The section's Roman numeral, e.g. V." })
  code!: string;

  @Field(() => Int, { description: "Its position in the nomenclature, 1 to 21." })
  position!: number;

  @Field(() => String, { description: "The section's title, e.g. Mineral products." })
  name!: string;

  static from(row: Pick<HsSectionRow, "code" | "position" | "name">): HsSection {
    return Object.assign(new HsSection(), { code: row.code, position: row.position, name: row.name });
  }
}

@Directive('@key(fields: "hsCode")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A Harmonized System 2022 code: a chapter (2 digits, e.g. 27), heading (4, e.g. 2709 crude petroleum oils) or subheading (6, e.g. 270900).",
})
export class Commodity extends Node {
  @Field(() => String, { description: "Harmonized System code, 2, 4 or 6 digits, e.g. 2709." })
  hsCode!: string;

  @Field(() => String, { description: "The code's text in the HS 2022 nomenclature, e.g. Petroleum oils, crude." })
  description!: string;

  @Field(() => Int, { description: "2 (chapter), 4 (heading) or 6 (subheading): the number of digits of the code." })
  level!: number;

  /** The code one level up; null for a chapter. */
  parentCode!: string | null;

  /** The section's numeral; null for chapter 99 and its codes. */
  sectionCode!: string | null;

  static from(row: Pick<CommodityRow, "hsCode" | "description" | "level" | "parentCode" | "sectionCode">): Commodity {
    return Object.assign(new Commodity(), {
      id: toGlobalId("Commodity", row.hsCode),
      hsCode: row.hsCode,
      description: row.description,
      level: row.level,
      parentCode: row.parentCode,
      sectionCode: row.sectionCode,
    });
  }
}
