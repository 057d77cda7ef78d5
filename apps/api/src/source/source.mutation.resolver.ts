import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { authorizedActor } from "../auth/auth.service";
import { FreshLoaders } from "../common/mutation";
import type { Context } from "../server/context";
import { CreateSourcePayload, DeleteSourcePayload, SourceInput, UpdateSourceInput, UpdateSourcePayload } from "./source.input";
import { createSource, deleteSource, updateSource } from "./source.mutation.service";

@Resolver()
@UseMiddleware(FreshLoaders)
export class SourceMutationResolver {
  @Authorized("EDITOR")
  @Mutation(() => CreateSourcePayload, { description: "Adds a source facts can cite. Needs an EDITOR key." })
  createSource(@Arg("input", () => SourceInput, { description: "The source to add." }) input: SourceInput, @Ctx() context: Context): Promise<CreateSourcePayload> {
    return createSource(context.db, authorizedActor(context), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => UpdateSourcePayload, { description: "Changes a source. Needs an EDITOR key." })
  updateSource(
    @Arg("id", () => ID, { description: "Global ID of the Source." }) id: string,
    @Arg("input", () => UpdateSourceInput, { description: "The fields to change." }) input: UpdateSourceInput,
    @Ctx() context: Context,
  ): Promise<UpdateSourcePayload> {
    return updateSource(context.db, authorizedActor(context), id, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => DeleteSourcePayload, { description: "Deletes a source that no fact cites (IN_USE otherwise). Needs an EDITOR key." })
  deleteSource(@Arg("id", () => ID, { description: "Global ID of the Source." }) id: string, @Ctx() { db }: Context): Promise<DeleteSourcePayload> {
    return deleteSource(db, id);
  }
}
