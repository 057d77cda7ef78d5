import type { CountryRow } from "@tradegraph/db/sql";
import { Directive, Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@Directive('@key(fields: "code")')
@ObjectType({ simpleResolvers: true, implements: Node, description: "An ISO 3166-1 country." })
export class Country extends Node {
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. AZ." })
  code!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-3 code, e.g. AZE." })
  alpha3!: string;

  @Field(() => String, { description: "ISO 3166-1 numeric code, e.g. 031." })
  numeric!: string;

  @Field(() => String, { description: "Common English name, e.g. Azerbaijan." })
  name!: string;

  @Field(() => String, { description: "Official English name, e.g. Republic of Azerbaijan." })
  officialName!: string;

  @Field(() => String, { nullable: true, description: "Region: Africa, Americas, Antarctic, Asia, Europe or Oceania; null when unknown." })
  region!: string | null;

  @Field(() => String, { nullable: true, description: "Subregion, e.g. Western Asia; null where there is none (e.g. Antarctica)." })
  subregion!: string | null;

  static from(row: CountryRow): Country {
    return Object.assign(new Country(), {
      id: toGlobalId("Country", row.code),
      code: row.code,
      alpha3: row.alpha3,
      numeric: row.numeric,
      name: row.name,
      officialName: row.officialName,
      region: row.region,
      subregion: row.subregion,
    });
  }
}
