import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Connection, toConnection, type ConnectionShape } from "../common/connection";
import type { Context } from "../server/context";
import { Country } from "../country/country.type";
import { commodityOf, countryOf } from "../reference-data";
import { Source } from "../source/source.type";
import { ExportRecordsArgs } from "./export-record.args";
import { listExportRecords } from "./export-record.service";
import { ExportRecord } from "./export-record.type";

export const ExportRecordConnection = Connection("ExportRecord", ExportRecord);

@Resolver(() => ExportRecord)
export class ExportRecordResolver {
  @Query(() => ExportRecordConnection, { description: "Trade flows, filtered and ordered, as a Relay connection." })
  async exportRecords(@Args(() => ExportRecordsArgs) args: ExportRecordsArgs, @Ctx() { db }: Context): Promise<ConnectionShape<ExportRecord>> {
    return toConnection("ExportRecord", ExportRecord, await listExportRecords(db, args));
  }

  // Countries and commodities come straight from the in-memory reference data: no promise per row.
  @FieldResolver(() => Country, { description: "The country the goods left." })
  exporter(@Root() record: ExportRecord, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, record.exporterCode);
  }

  @FieldResolver(() => Country, { description: "The country the goods went to." })
  importer(@Root() record: ExportRecord, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, record.importerCode);
  }

  @FieldResolver(() => Country, { description: "The country whose statistics give the figures: the exporter for EXPORT and RE_EXPORT, the importer otherwise." })
  reporter(@Root() record: ExportRecord, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, record.reporterCode);
  }

  @FieldResolver(() => Commodity, { description: "What was traded (HS heading)." })
  commodity(@Root() record: ExportRecord, @Ctx() context: Context): Commodity | Promise<Commodity | null> {
    return commodityOf(context, record.commodityCode);
  }

  @FieldResolver(() => Source, { description: "Where the figures come from." })
  async source(@Root() record: ExportRecord, @Ctx() { loaders }: Context): Promise<Source> {
    return (await loaders.source.load(record.sourceKey))!;
  }
}
