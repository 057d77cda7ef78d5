import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, toConnection, type ConnectionShape } from "../common/connection";
import type { Context } from "../server/context";
import { Country } from "../country/country.type";
import { Source } from "../source/source.type";
import { CountryMeetingsArgs, MeetingsArgs } from "./meeting.args";
import { listMeetings } from "./meeting.service";
import { Meeting, Participant } from "./meeting.type";

export const MeetingConnection = Connection("Meeting", Meeting);

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: "Diplomatic meetings, newest first (by start date), as a Relay connection." })
  async meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() { db }: Context): Promise<ConnectionShape<Meeting>> {
    return toConnection("Meeting", Meeting, await listMeetings(db, args));
  }

  @FieldResolver(() => [Participant], { description: "Who took part, in the source's order." })
  async participants(@Root() meeting: Meeting, @Ctx() { loaders }: Context): Promise<Participant[]> {
    return loaders.participantsByMeeting.load(meeting.key);
  }

  @FieldResolver(() => [Country], { description: "The participants' countries, each once, in the order they first appear." })
  async countries(@Root() meeting: Meeting, @Ctx() { loaders }: Context): Promise<Country[]> {
    const participants = await loaders.participantsByMeeting.load(meeting.key);
    const codes = [...new Set(participants.flatMap((participant) => (participant.countryCode ? [participant.countryCode] : [])))];
    const countries = await loaders.country.loadMany(codes);
    return countries.filter((country): country is Country => country instanceof Country);
  }

  @FieldResolver(() => Source, { description: "Where the meeting is reported." })
  async source(@Root() meeting: Meeting, @Ctx() { loaders }: Context): Promise<Source> {
    return (await loaders.source.load(meeting.sourceKey))!;
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Country, { nullable: true, description: "The country the participant represented; null when the source doesn't say." })
  country(@Root() participant: Participant, @Ctx() { loaders }: Context): Promise<Country | null> {
    return participant.countryCode ? loaders.country.load(participant.countryCode) : Promise.resolve(null);
  }
}

@Resolver(() => Country)
export class CountryMeetingsResolver {
  @FieldResolver(() => MeetingConnection, { description: "Meetings with a participant from this country, newest first." })
  async meetings(
    @Root() country: Country,
    @Args(() => CountryMeetingsArgs) args: CountryMeetingsArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionShape<Meeting>> {
    return toConnection("Meeting", Meeting, await listMeetings(db, args, { countryCode: country.code }));
  }
}
