import type { MeetingParticipantRow, MeetingRow } from "@tradegraph/db/sql";
import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@ObjectType({ description: "Someone who took part in a meeting, as the source names them." })
export class Participant {
  countryCode!: string | null;

  @Field(() => String, { description: "The person's name as the source gives it, e.g. Ilham Aliyev." })
  person!: string;

  @Field(() => String, { nullable: true, description: "Office or role at the time, e.g. President of Israel." })
  role!: string | null;

  static from(row: Pick<MeetingParticipantRow, "person" | "role" | "countryCode">): Participant {
    return Object.assign(new Participant(), { person: row.person, role: row.role, countryCode: row.countryCode });
  }
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: "A diplomatic meeting: who met, when, where and about what, with its source." })
export class Meeting extends Node {
  /** Database key, for services and loaders. */
  key!: number;
  sourceKey!: number;

  @Field(() => String, { description: "What the meeting is called, e.g. Meeting of Presidents Isaac Herzog and Ilham Aliyev." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The occasion, e.g. Munich Security Conference 2024." })
  event!: string | null;

  @Field(() => String, { nullable: true, description: "Where it took place, e.g. Munich, Germany." })
  place!: string | null;

  @Field(() => GraphQLDate, { description: "First day." })
  startDate!: Date;

  @Field(() => GraphQLDate, { nullable: true, description: "Last day; null for a one-day meeting or when the source doesn't say." })
  endDate!: Date | null;

  @Field(() => [String], { description: "What was discussed, as the source words it." })
  topics!: string[];

  @Field(() => String, { nullable: true, description: "What happened, in a few sentences; null when the source gives none." })
  summary!: string | null;

  @Field(() => GraphQLDateTime, { description: "When the meeting was stored (ISO 8601, UTC)." })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: "When the meeting last changed (ISO 8601, UTC)." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created the meeting (API key, importer, seed)." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed the meeting." })
  updatedBy!: string | null;

  static from(row: MeetingRow): Meeting {
    return Object.assign(new Meeting(), {
      id: toGlobalId("Meeting", row.id),
      key: row.id,
      sourceKey: row.sourceId,
      title: row.title,
      event: row.event,
      place: row.place,
      startDate: row.startDate,
      endDate: row.endDate,
      topics: row.topics,
      summary: row.summary,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      createdBy: row.createdBy,
      updatedBy: row.updatedBy,
    });
  }
}
