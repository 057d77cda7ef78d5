import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { authorizedActor } from "../auth/auth.service";
import { FreshLoaders } from "../common/mutation";
import type { Context } from "../server/context";
import { CreateMeetingPayload, DeleteMeetingPayload, MeetingInput, UpdateMeetingInput, UpdateMeetingPayload } from "./meeting.input";
import { createMeeting, deleteMeeting, updateMeeting } from "./meeting.mutation.service";

@Resolver()
@UseMiddleware(FreshLoaders)
export class MeetingMutationResolver {
  @Authorized("EDITOR")
  @Mutation(() => CreateMeetingPayload, { description: "Adds a meeting with its participants. Needs an EDITOR key." })
  createMeeting(@Arg("input", () => MeetingInput, { description: "The meeting to add." }) input: MeetingInput, @Ctx() context: Context): Promise<CreateMeetingPayload> {
    return createMeeting(context.db, authorizedActor(context), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => UpdateMeetingPayload, { description: "Changes the given fields of a meeting; given lists replace the stored ones. Needs an EDITOR key." })
  updateMeeting(
    @Arg("id", () => ID, { description: "Global ID of the Meeting." }) id: string,
    @Arg("input", () => UpdateMeetingInput, { description: "The fields to change." }) input: UpdateMeetingInput,
    @Ctx() context: Context,
  ): Promise<UpdateMeetingPayload> {
    return updateMeeting(context.db, authorizedActor(context), id, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => DeleteMeetingPayload, { description: "Deletes a meeting and its participants. Needs an EDITOR key." })
  deleteMeeting(@Arg("id", () => ID, { description: "Global ID of the Meeting." }) id: string, @Ctx() { db }: Context): Promise<DeleteMeetingPayload> {
    return deleteMeeting(db, id);
  }
}
