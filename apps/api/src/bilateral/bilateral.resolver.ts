import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../server/context";
import { Meeting } from "../meeting/meeting.type";
import { Report } from "../report/report.type";
import { BilateralArgs } from "./bilateral.args";
import { bilateral, timelineOf } from "./bilateral.service";
import { Bilateral, TimelineEntry, TradeDirection } from "./bilateral.type";

@Resolver(() => Bilateral)
export class BilateralResolver {
  @Query(() => Bilateral, {
    description:
      "What is recorded between two countries: trade each way by commodity and month, their meetings, the reports " +
      "about both, and all of it as one timeline. With no `from`/`to`, the whole recorded trade range of the pair.",
  })
  bilateral(@Args(() => BilateralArgs) args: BilateralArgs, @Ctx() context: Context): Promise<Bilateral> {
    return bilateral(context, args);
  }

  @FieldResolver(() => TradeDirection, { description: "Exports from `a` to `b`." })
  async aToB(@Root() pair: Bilateral): Promise<TradeDirection> {
    return (await pair.parts.trade()).aToB;
  }

  @FieldResolver(() => TradeDirection, { description: "Exports from `b` to `a`." })
  async bToA(@Root() pair: Bilateral): Promise<TradeDirection> {
    return (await pair.parts.trade()).bToA;
  }

  @FieldResolver(() => [Meeting], { description: "Meetings with participants from both countries, oldest first." })
  meetings(@Root() pair: Bilateral): Promise<Meeting[]> {
    return pair.parts.meetings();
  }

  @FieldResolver(() => [Report], {
    description: "Reports whose subject countries include both, oldest first; undated ones last and never left out by `from`/`to`.",
  })
  reports(@Root() pair: Bilateral): Promise<Report[]> {
    return pair.parts.reports();
  }

  @FieldResolver(() => [TimelineEntry], {
    description:
      "Trade (one entry per month and direction with records), meetings and reports in one list, oldest first; " +
      "undated entries last. On the same day: trade, then meetings, then reports.",
  })
  async timeline(@Root() pair: Bilateral): Promise<TimelineEntry[]> {
    const [trade, meetings, reports] = await Promise.all([pair.parts.trade(), pair.parts.meetings(), pair.parts.reports()]);
    return timelineOf(trade, meetings, reports);
  }
}
