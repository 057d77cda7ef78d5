import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import { Country } from "../country/country.type";
import { commodityOf, countryOf } from "../reference-data";
import type { Context } from "../server/context";
import { userInputError } from "../server/errors";
import { Source } from "../source/source.type";
import { FlowObservationsArgs, MirrorFlowsArgs } from "./mirror.args";
import { flowObservations, mirrorFlows } from "./mirror.service";
import { FlowObservations, MirrorFlows, MirrorReport } from "./mirror.type";

/** The commodity asked for, known to the nomenclature (UNKNOWN_COMMODITY otherwise, as topPartners says). */
async function knownCommodity(context: Context, code: string): Promise<void> {
  if (!(await commodityOf(context, code))) {
    throw userInputError("UNKNOWN_COMMODITY", `No commodity with HS code ${code} is known.`, "commodity");
  }
}

@Resolver(() => MirrorFlows)
export class MirrorFlowsResolver {
  @Query(() => MirrorFlows, {
    description:
      "Mirror comparison of one flow: the exporter-reported export (FOB) next to the importer-reported import (CIF) per period, with the gaps, the CIF/FOB ratio and the missing side (docs/trade-queries.md).",
  })
  async mirrorFlows(@Args(() => MirrorFlowsArgs) args: MirrorFlowsArgs, @Ctx() context: Context): Promise<MirrorFlows> {
    const result = await mirrorFlows(context.db, args);
    await knownCommodity(context, result.commodityCode);
    return result as MirrorFlows;
  }

  @Query(() => FlowObservations, {
    description: "Every observation of one flow by every source and reporter side by side, which one the aggregates count, and the spread of the figures.",
  })
  async flowObservations(@Args(() => FlowObservationsArgs) args: FlowObservationsArgs, @Ctx() context: Context): Promise<FlowObservations> {
    const result = await flowObservations(context.db, args);
    await knownCommodity(context, result.commodityCode);
    return result as FlowObservations;
  }

  @FieldResolver(() => Country, { description: "The exporting country." })
  exporter(@Root() result: MirrorFlows, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, result.exporterCode);
  }

  @FieldResolver(() => Country, { description: "The importing country." })
  importer(@Root() result: MirrorFlows, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, result.importerCode);
  }

  @FieldResolver(() => Commodity, { description: "The HS code asked for: everything under it, each flow counted once per side." })
  commodity(@Root() result: MirrorFlows, @Ctx() context: Context): Commodity | Promise<Commodity | null> {
    return commodityOf(context, result.commodityCode);
  }
}

@Resolver(() => FlowObservations)
export class FlowObservationsResolver {
  @FieldResolver(() => Country, { description: "The exporting country." })
  exporter(@Root() result: FlowObservations, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, result.exporterCode);
  }

  @FieldResolver(() => Country, { description: "The importing country." })
  importer(@Root() result: FlowObservations, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, result.importerCode);
  }

  @FieldResolver(() => Commodity, { description: "The exact HS code of the flow (records at other levels are other flows)." })
  commodity(@Root() result: FlowObservations, @Ctx() context: Context): Commodity | Promise<Commodity | null> {
    return commodityOf(context, result.commodityCode);
  }
}

@Resolver(() => MirrorReport)
export class MirrorReportResolver {
  @FieldResolver(() => [Source], { description: "The sources of the observations summed." })
  async sources(@Root() report: MirrorReport, @Ctx() { loaders }: Context): Promise<Source[]> {
    return (await Promise.all(report.sourceKeys.map((key) => loaders.source.load(key)))).filter((source): source is Source => source != null);
  }
}
