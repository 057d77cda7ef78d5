import { GraphQLDate } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DeletePayload, MutationPayload } from "../common/mutation";
import { Meeting } from "./meeting.type";

@InputType({ description: "Someone who took part in a meeting, as the source names them." })
export class ParticipantInput {
  @Field(() => String, { description: "The person's name as the source gives it; not blank." })
  person!: string;

  @Field(() => String, { nullable: true, description: "Office or role at the time, e.g. President of Israel." })
  role?: string | null;

  @Field(() => String, { nullable: true, description: "The country they represented, ISO 3166-1 alpha-2 or alpha-3, any case." })
  country?: string | null;
}

@InputType({ description: "A diplomatic meeting. What the source doesn't say stays null." })
export class MeetingInput implements Partial<Meeting> {
  @Field(() => String, { description: "What the meeting is called; not blank." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The occasion, e.g. Munich Security Conference 2024." })
  event?: string | null;

  @Field(() => String, { nullable: true, description: "Where it took place, e.g. Munich, Germany." })
  place?: string | null;

  @Field(() => GraphQLDate, { description: "First day." })
  startDate!: Date;

  @Field(() => GraphQLDate, { nullable: true, description: "Last day, not before startDate; null for a one-day meeting." })
  endDate?: Date | null;

  @Field(() => [String], { defaultValue: [], description: "What was discussed, as the source words it." })
  topics!: string[];

  @Field(() => String, { nullable: true, description: "What happened, in a few sentences." })
  summary?: string | null;

  @Field(() => [ParticipantInput], { defaultValue: [], description: "Who took part, in the source's order." })
  participants!: ParticipantInput[];

  @Field(() => ID, { description: "Global ID of the Source that reports the meeting." })
  source!: string;
}

@InputType({
  description:
    "Changes to a meeting. Omitted fields keep their value; null clears a nullable field and is ignored for the others. " +
    "A given list (topics, participants) replaces the stored one.",
})
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true, description: "What the meeting is called; not blank." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The occasion; null clears it." })
  event?: string | null;

  @Field(() => String, { nullable: true, description: "Where it took place; null clears it." })
  place?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "First day, YYYY-MM-DD." })
  startDate?: Date | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Last day, YYYY-MM-DD, not before startDate; null clears it." })
  endDate?: Date | null;

  @Field(() => [String], { nullable: true, description: "Replaces the stored topics." })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: "What happened; null clears it." })
  summary?: string | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Replaces the stored participants, in the source's order." })
  participants?: ParticipantInput[] | null;

  @Field(() => ID, { nullable: true, description: "Global ID of the Source that reports the meeting." })
  source?: string | null;
}

@ObjectType({ description: "The result of createMeeting: the new meeting, or the userErrors that prevented it." })
export class CreateMeetingPayload extends MutationPayload {
  @Field(() => Meeting, { nullable: true, description: "The new meeting; null when userErrors is not empty." })
  meeting!: Meeting | null;
}

@ObjectType({ description: "The result of updateMeeting: the changed meeting, or the userErrors that prevented the change." })
export class UpdateMeetingPayload extends MutationPayload {
  @Field(() => Meeting, { nullable: true, description: "The meeting as changed; null when userErrors is not empty." })
  meeting!: Meeting | null;
}

@ObjectType({ description: "The result of deleteMeeting: the deleted meeting's ID, or userErrors (INVALID_ID, NOT_FOUND)." })
export class DeleteMeetingPayload extends DeletePayload {}
