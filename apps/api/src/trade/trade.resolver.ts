import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Commodity } from "../commodity/commodity.type";
import type { Context } from "../server/context";
import { commodityOf, countryOf } from "../reference-data";
import { userInputError } from "../server/errors";
import { Country } from "../country/country.type";
import { Source } from "../source/source.type";
import { TopPartnersArgs, TradeSeriesArgs } from "./trade.args";
import { topPartners, tradeSeries } from "./trade.service";
import { PartnerShare, PartnerTotal, TopPartners, TradeSeries } from "./trade.type";

@Resolver(() => TopPartners)
export class TradeResolver {
  @Query(() => TopPartners, { description: "An exporter's buyers of a commodity, ranked, with totals, shares and unit prices." })
  async topPartners(@Args(() => TopPartnersArgs) args: TopPartnersArgs, @Ctx() { db, loaders }: Context): Promise<TopPartners> {
    const result = await topPartners(db, args);
    if (!(await loaders.commodity.load(result.commodityCode))) {
      throw userInputError("UNKNOWN_COMMODITY", `No commodity with HS code ${result.commodityCode} is known.`, "commodity");
    }
    return result as TopPartners;
  }

  @Query(() => TradeSeries, { description: "Totals per month, quarter or year; buckets without records are present." })
  async tradeSeries(@Args(() => TradeSeriesArgs) args: TradeSeriesArgs, @Ctx() context: Context): Promise<TradeSeries> {
    const series = await tradeSeries(context.db, args);
    if (series.commodityCode !== null && !(await commodityOf(context, series.commodityCode))) {
      throw userInputError("UNKNOWN_COMMODITY", `No commodity with HS code ${series.commodityCode} is known.`, "commodity");
    }
    return series;
  }

  @FieldResolver(() => Country, { description: "The exporting country." })
  async exporter(@Root() result: TopPartners, @Ctx() { loaders }: Context): Promise<Country> {
    return (await loaders.country.load(result.exporterCode))!;
  }

  @FieldResolver(() => Commodity, { description: "The HS code asked for (a chapter, heading or subheading): everything under it is counted." })
  async commodity(@Root() result: TopPartners, @Ctx() { loaders }: Context): Promise<Commodity> {
    return (await loaders.commodity.load(result.commodityCode))!;
  }
}

@Resolver(() => PartnerShare)
export class PartnerShareResolver {
  @FieldResolver(() => Country, { description: "The importing country." })
  partner(@Root() share: PartnerShare, @Ctx() context: Context): Country | Promise<Country | null> {
    return countryOf(context, share.partnerCode);
  }

  @FieldResolver(() => [Source], { description: "The sources of the observations used for this partner (one observation per flow, docs/trade-queries.md)." })
  async sources(@Root() share: PartnerShare, @Ctx() { loaders }: Context): Promise<Source[]> {
    return (await Promise.all(share.sourceKeys.map((key) => loaders.source.load(key)))).filter((source): source is Source => source != null);
  }
}

@Resolver(() => PartnerTotal)
export class PartnerTotalResolver {
  @FieldResolver(() => [Country], {
    description: "Partners with observations but none giving the chosen figure (e.g. buyers a source names without figures), in code order; all partners, not only the first `limit`.",
  })
  async partnersWithoutFigures(@Root() total: PartnerTotal, @Ctx() context: Context): Promise<Country[]> {
    return (await Promise.all(total.partnersWithoutFiguresCodes.map((code) => countryOf(context, code)))).filter((country): country is Country => country != null);
  }
}
