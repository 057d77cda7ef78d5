import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../common/connection";
import { DateRangeInput } from "../common/date-range";

@InputType({ description: "Conditions on a country's meetings, all of which must hold. Blank strings are ignored." })
export class CountryMeetingFilter {
  @Field(() => String, { nullable: true, description: "Part of a participant's name, any case, e.g. \"aliyev\"." })
  participant?: string | null;

  @Field(() => DateRangeInput, {
    nullable: true,
    description: "Meetings overlapping these days: one from 16 to 18 February matches `{from: \"2024-02-18\"}`.",
  })
  date?: DateRangeInput | null;

  @Field(() => String, { nullable: true, description: "One of the meeting's topics, whole, any case, e.g. \"economic\"." })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the event's name, any case, e.g. \"security conference\"." })
  event?: string | null;
}

@InputType({ description: "Conditions on meetings, all of which must hold. Blank strings are ignored." })
export class MeetingFilter extends CountryMeetingFilter {
  @Field(() => String, { nullable: true, description: "A participant's country, ISO alpha-2 or alpha-3, any case." })
  country?: string | null;
}

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => MeetingFilter, { nullable: true, description: "Only meetings matching all of these conditions. Default: all." })
  filter?: MeetingFilter | null;
}

/** Country.meetings: the meeting filter without `country`, which the parent fixes. */
@ArgsType()
export class CountryMeetingsArgs extends ConnectionArgs {
  @Field(() => CountryMeetingFilter, { nullable: true, description: "Only meetings matching all of these conditions. Default: all of the country's." })
  filter?: CountryMeetingFilter | null;
}
