import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { authorizedActor } from "../auth/auth.service";
import { FreshLoaders } from "../common/mutation";
import type { Context } from "../server/context";
import {
  CreateExportRecordPayload,
  DeleteExportRecordPayload,
  ExportRecordInput,
  UpdateExportRecordInput,
  UpdateExportRecordPayload,
  UpsertExportRecordPayload,
} from "./export-record.input";
import { createExportRecord, deleteExportRecord, updateExportRecord, upsertExportRecord } from "./export-record.mutation.service";

@Resolver()
@UseMiddleware(FreshLoaders)
export class ExportRecordMutationResolver {
  @Authorized("EDITOR")
  @Mutation(() => CreateExportRecordPayload, { description: "Adds a trade flow. DUPLICATE when its natural key exists. Needs an EDITOR key." })
  createExportRecord(@Arg("input", () => ExportRecordInput, { description: "The record to add." }) input: ExportRecordInput, @Ctx() context: Context): Promise<CreateExportRecordPayload> {
    return createExportRecord(context.db, authorizedActor(context), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => UpdateExportRecordPayload, { description: "Changes the given fields of a trade flow. Needs an EDITOR key." })
  updateExportRecord(
    @Arg("id", () => ID, { description: "Global ID of the ExportRecord." }) id: string,
    @Arg("input", () => UpdateExportRecordInput, { description: "The fields to change." }) input: UpdateExportRecordInput,
    @Ctx() context: Context,
  ): Promise<UpdateExportRecordPayload> {
    return updateExportRecord(context.db, authorizedActor(context), id, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => UpsertExportRecordPayload, {
    description:
      "Creates the trade flow with the input's natural key (exporter, importer, commodity, period, source), or replaces that flow's " +
      "figures and flags with the input's (omitted figures become null). Safe to repeat. Needs an EDITOR key.",
  })
  upsertExportRecord(@Arg("input", () => ExportRecordInput, { description: "The record, found by its natural key." }) input: ExportRecordInput, @Ctx() context: Context): Promise<UpsertExportRecordPayload> {
    return upsertExportRecord(context.db, authorizedActor(context), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => DeleteExportRecordPayload, { description: "Deletes a trade flow. Needs an EDITOR key." })
  deleteExportRecord(@Arg("id", () => ID, { description: "Global ID of the ExportRecord." }) id: string, @Ctx() { db }: Context): Promise<DeleteExportRecordPayload> {
    return deleteExportRecord(db, id);
  }
}
