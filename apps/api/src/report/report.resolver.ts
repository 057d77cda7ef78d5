import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, toConnection, type ConnectionShape } from "../common/connection";
import type { Context } from "../server/context";
import { Country } from "../country/country.type";
import { Source } from "../source/source.type";
import { CountryReportsArgs, ReportsArgs } from "./report.args";
import { listReports } from "./report.service";
import { Finding, Report } from "./report.type";

export const ReportConnection = Connection("Report", Report);

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection, { description: "Institutional reports, newest first and undated ones last, as a Relay connection." })
  async reports(@Args(() => ReportsArgs) args: ReportsArgs, @Ctx() { db }: Context): Promise<ConnectionShape<Report>> {
    return toConnection("Report", Report, await listReports(db, args));
  }

  @FieldResolver(() => Country, { nullable: true, description: "The publisher's country; null when the source doesn't say." })
  publisherCountry(@Root() report: Report, @Ctx() { loaders }: Context): Promise<Country | null> {
    return report.publisherCountryCode ? loaders.country.load(report.publisherCountryCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Country], { description: "The countries the report is about, by code." })
  async subjectCountries(@Root() report: Report, @Ctx() { loaders }: Context): Promise<Country[]> {
    return loaders.subjectsByReport.load(report.key);
  }

  @FieldResolver(() => [Finding], { description: "What the report states, in its order." })
  async findings(@Root() report: Report, @Ctx() { loaders }: Context): Promise<Finding[]> {
    const rows = await loaders.findingsByReport.load(report.key);
    return rows.map((row) => Finding.from(row));
  }

  @FieldResolver(() => Source, { description: "Where the report is cited or published." })
  async source(@Root() report: Report, @Ctx() { loaders }: Context): Promise<Source> {
    return (await loaders.source.load(report.sourceKey))!;
  }
}

@Resolver(() => Country)
export class CountryReportsResolver {
  @FieldResolver(() => ReportConnection, { description: "Reports with this country among their subjects, newest first." })
  async reports(
    @Root() country: Country,
    @Args(() => CountryReportsArgs) args: CountryReportsArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionShape<Report>> {
    return toConnection("Report", Report, await listReports(db, args, { subjectCountryCode: country.code }));
  }
}
