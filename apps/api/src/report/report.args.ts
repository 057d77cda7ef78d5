import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../common/connection";
import { DateRangeInput } from "../common/date-range";

@InputType({ description: "Conditions on the reports about a country, all of which must hold. Blank strings are ignored." })
export class CountryReportFilter {
  @Field(() => String, { nullable: true, description: "The publisher's country, ISO alpha-2 or alpha-3, any case." })
  publisherCountry?: string | null;

  @Field(() => String, { nullable: true, description: "One of the report's topics, whole, any case, e.g. \"antisemitism\"." })
  topic?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Publication days; reports without a publication date don't match." })
  publishedOn?: DateRangeInput | null;
}

@InputType({ description: "Conditions on reports, all of which must hold. Blank strings are ignored." })
export class ReportFilter extends CountryReportFilter {
  @Field(() => String, { nullable: true, description: "One of the report's subject countries, ISO alpha-2 or alpha-3, any case." })
  subjectCountry?: string | null;
}

@ArgsType()
export class ReportsArgs extends ConnectionArgs {
  @Field(() => ReportFilter, { nullable: true, description: "Only reports matching all of these conditions. Default: all." })
  filter?: ReportFilter | null;
}

/** Country.reports: the report filter without `subjectCountry`, which the parent fixes. */
@ArgsType()
export class CountryReportsArgs extends ConnectionArgs {
  @Field(() => CountryReportFilter, { nullable: true, description: "Only reports matching all of these conditions. Default: all about the country." })
  filter?: CountryReportFilter | null;
}
