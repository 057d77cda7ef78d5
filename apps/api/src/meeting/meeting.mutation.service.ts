import type { Database, MeetingModel, MeetingUncheckedCreateInput } from "@tradegraph/db";
import { checkDateRange, parseCountryCode } from "@tradegraph/domain";
import { toGlobalId } from "../common/global-id";
import { findById, mutate, type ConstraintErrors, type Tx } from "../common/mutation";
import { optionalText, userError, UserErrorCode, type FieldPath, type UserErrors } from "../common/user-error";
import { citedSourceKey } from "../source/source.mutation.service";
import type { CreateMeetingPayload, DeleteMeetingPayload, MeetingInput, ParticipantInput, UpdateMeetingInput, UpdateMeetingPayload } from "./meeting.input";
import { Meeting } from "./meeting.type";

type MeetingColumns = Pick<MeetingUncheckedCreateInput, "title" | "event" | "place" | "startDate" | "endDate" | "topics" | "summary" | "sourceId">;

interface ParticipantColumns {
  person: string;
  role: string | null;
  countryCode: string | null;
}

interface ParsedMeeting {
  columns: Partial<MeetingColumns>;
  /** The new participants in order; undefined keeps the stored ones. */
  participants?: ParticipantColumns[];
}

function parseParticipants(inputs: readonly ParticipantInput[], errors: UserErrors): ParticipantColumns[] {
  return inputs.map((input, index) => {
    const at = (name: string): FieldPath => ["input", "participants", index, name];
    return {
      person: errors.text(at("person"), input.person) ?? "",
      role: optionalText(input.role) ?? null,
      countryCode: input.country == null ? null : (errors.parse(at("country"), () => parseCountryCode(input.country!)) ?? null),
    };
  });
}

/**
 * Checks a meeting input against every rule and returns what to write, or null after recording each problem.
 * Without `current` it is a new meeting; with it (an update), omitted fields keep the stored values.
 */
async function parseMeetingInput(tx: Tx, input: UpdateMeetingInput, errors: UserErrors, current?: MeetingModel | null): Promise<ParsedMeeting | null> {
  const at = (name: string): FieldPath => ["input", name];
  const creating = current === undefined;
  const columns: Partial<MeetingColumns> = {};
  if (input.title != null) columns.title = errors.text(at("title"), input.title);
  for (const name of ["event", "place", "summary"] as const) {
    if (input[name] !== undefined || creating) columns[name] = optionalText(input[name]) ?? null;
  }
  if (input.startDate != null) columns.startDate = input.startDate;
  if (input.endDate !== undefined || creating) columns.endDate = input.endDate ?? null;
  const start = input.startDate ?? current?.startDate;
  const end = input.endDate !== undefined ? input.endDate : current?.endDate;
  if (start) errors.parse(at(input.endDate != null ? "endDate" : "startDate"), () => checkDateRange(start, end));
  if (input.topics != null) columns.topics = errors.texts(at("topics"), input.topics);
  const participants = input.participants == null ? undefined : parseParticipants(input.participants, errors);
  if (input.source != null) columns.sourceId = await citedSourceKey(tx, errors, at("source"), input.source);
  return errors.any ? null : { columns, participants };
}

const CONSTRAINTS: ConstraintErrors = {
  // A country or the source was removed from the database meanwhile.
  P2003: userError(["input"], UserErrorCode.NOT_FOUND, "A country or source the input names is no longer in the database."),
};

const notFound = (id: string) => `No Meeting has the ID "${id}".`;

/** Participants keep the input's order. */
const positioned = (participants: ParticipantColumns[]) => participants.map((participant, position) => ({ ...participant, position }));

export async function createMeeting(db: Database, actor: string, input: MeetingInput): Promise<CreateMeetingPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const parsed = await parseMeetingInput(tx, input, errors);
      if (!parsed) return null;
      // The schema requires title, startDate and source, so a valid input has every column.
      const columns = parsed.columns as MeetingColumns;
      return tx.meeting.create({
        data: { ...columns, createdBy: actor, updatedBy: actor, participants: { create: positioned(parsed.participants ?? []) } },
      });
    },
    CONSTRAINTS,
  );
  return { meeting: value && Meeting.from(value), userErrors };
}

export async function updateMeeting(db: Database, actor: string, id: string, input: UpdateMeetingInput): Promise<UpdateMeetingPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const current = await findById(errors, ["id"], "Meeting", id, (key) => tx.meeting.findUnique({ where: { id: key } }));
      const parsed = await parseMeetingInput(tx, input, errors, current);
      if (!parsed || !current) return null;
      if (parsed.participants) {
        await tx.meetingParticipant.deleteMany({ where: { meetingId: current.id } });
        await tx.meetingParticipant.createMany({ data: positioned(parsed.participants).map((row) => ({ ...row, meetingId: current.id })) });
      }
      return tx.meeting.update({ where: { id: current.id }, data: { ...parsed.columns, updatedBy: actor } });
    },
    { ...CONSTRAINTS, P2025: userError(["id"], UserErrorCode.NOT_FOUND, notFound(id)) },
  );
  return { meeting: value && Meeting.from(value), userErrors };
}

/** Deletes a meeting with its participants. */
export async function deleteMeeting(db: Database, id: string): Promise<DeleteMeetingPayload> {
  const { value, userErrors } = await mutate(db, async (tx, errors) => {
    const key = errors.id(["id"], "Meeting", id);
    if (key === undefined) return null;
    const { count } = await tx.meeting.deleteMany({ where: { id: key } });
    if (count === 0) errors.add(["id"], UserErrorCode.NOT_FOUND, notFound(id));
    return toGlobalId("Meeting", key);
  });
  return { deletedId: value, userErrors };
}
