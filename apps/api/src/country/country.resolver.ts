import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, toConnection, type ConnectionShape } from "../common/connection";
import type { Context } from "../server/context";
import { ExportRecordConnection } from "../export-record/export-record.resolver";
import { listExportRecords } from "../export-record/export-record.service";
import { ExportRecord } from "../export-record/export-record.type";
import { CountriesArgs, CountryTradeArgs } from "./country.args";
import { countryCodeOf, listCountries } from "./country.service";
import { Country } from "./country.type";

const CountryConnection = Connection("Country", Country);

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 or alpha-3 code, any case." })
  country(
    @Arg("code", () => String, { description: "ISO 3166-1 alpha-2 or alpha-3, any case, e.g. AZ or aze. INVALID_COUNTRY_CODE when malformed, UNKNOWN_COUNTRY when unassigned." })
    code: string,
    @Ctx() { loaders }: Context,
  ): Promise<Country | null> {
    return loaders.country.load(countryCodeOf(code, "code"));
  }

  @Query(() => CountryConnection, { description: "Countries by name, filtered by region or a name search." })
  async countries(@Args(() => CountriesArgs) args: CountriesArgs, @Ctx() { db }: Context): Promise<ConnectionShape<Country>> {
    return toConnection("Country", Country, await listCountries(db, args));
  }

  @FieldResolver(() => ExportRecordConnection, { description: "Flows this country exported (its `exporter` filter is ignored)." })
  async exports(@Root() country: Country, @Args(() => CountryTradeArgs) args: CountryTradeArgs, @Ctx() { db }: Context) {
    const filter = { ...args.filter, exporter: null };
    return toConnection("ExportRecord", ExportRecord, await listExportRecords(db, { ...args, filter }, { exporterCode: country.code }));
  }

  @FieldResolver(() => ExportRecordConnection, { description: "Flows this country imported (its `importer` filter is ignored)." })
  async imports(@Root() country: Country, @Args(() => CountryTradeArgs) args: CountryTradeArgs, @Ctx() { db }: Context) {
    const filter = { ...args.filter, importer: null };
    return toConnection("ExportRecord", ExportRecord, await listExportRecords(db, { ...args, filter }, { importerCode: country.code }));
  }
}
