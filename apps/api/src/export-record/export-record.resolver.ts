import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Connection, toConnection, type ConnectionShape } from "../common/connection";
import type { Context } from "../context";
import { Country } from "../country/country.type";
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

  @FieldResolver(() => Country)
  async exporter(@Root() record: ExportRecord, @Ctx() { loaders }: Context): Promise<Country> {
    return (await loaders.country.load(record.exporterCode))!;
  }

  @FieldResolver(() => Country)
  async importer(@Root() record: ExportRecord, @Ctx() { loaders }: Context): Promise<Country> {
    return (await loaders.country.load(record.importerCode))!;
  }

  @FieldResolver(() => Commodity)
  async commodity(@Root() record: ExportRecord, @Ctx() { loaders }: Context): Promise<Commodity> {
    return (await loaders.commodity.load(record.commodityCode))!;
  }

  @FieldResolver(() => Source)
  async source(@Root() record: ExportRecord, @Ctx() { loaders }: Context): Promise<Source> {
    return (await loaders.source.load(record.sourceKey))!;
  }
}
