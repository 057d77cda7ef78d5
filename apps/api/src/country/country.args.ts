import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../common/connection";
import { ExportRecordsArgs } from "../export-record/export-record.args";

@InputType({ description: "Conditions on countries, all of which must hold." })
export class CountryFilter {
  @Field(() => String, { nullable: true, description: "Region, e.g. Asia (exact, any case)." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "Subregion, e.g. Western Asia (exact, any case)." })
  subregion?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the common or official name, or a code (any case)." })
  search?: string | null;
}

@ArgsType()
export class CountriesArgs extends ConnectionArgs {
  @Field(() => CountryFilter, { nullable: true, description: "Only countries matching all of these conditions. Default: all 249." })
  filter?: CountryFilter | null;
}

/** Country.exports / Country.imports: the export-record filter without the side the country fixes. */
@ArgsType()
export class CountryTradeArgs extends ExportRecordsArgs {}
