import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { authorizedActor } from "../auth/auth.service";
import { FreshLoaders } from "../common/mutation";
import type { Context } from "../server/context";
import { CreateReportPayload, DeleteReportPayload, ReportInput, UpdateReportInput, UpdateReportPayload } from "./report.input";
import { createReport, deleteReport, updateReport } from "./report.mutation.service";

@Resolver()
@UseMiddleware(FreshLoaders)
export class ReportMutationResolver {
  @Authorized("EDITOR")
  @Mutation(() => CreateReportPayload, { description: "Adds a report with its subject countries and findings. Needs an EDITOR key." })
  createReport(@Arg("input", () => ReportInput, { description: "The report to add." }) input: ReportInput, @Ctx() context: Context): Promise<CreateReportPayload> {
    return createReport(context.db, authorizedActor(context), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => UpdateReportPayload, { description: "Changes the given fields of a report; given lists replace the stored ones. Needs an EDITOR key." })
  updateReport(
    @Arg("id", () => ID, { description: "Global ID of the Report." }) id: string,
    @Arg("input", () => UpdateReportInput, { description: "The fields to change." }) input: UpdateReportInput,
    @Ctx() context: Context,
  ): Promise<UpdateReportPayload> {
    return updateReport(context.db, authorizedActor(context), id, input);
  }

  @Authorized("EDITOR")
  @Mutation(() => DeleteReportPayload, { description: "Deletes a report with its subject countries and findings. Needs an EDITOR key." })
  deleteReport(@Arg("id", () => ID, { description: "Global ID of the Report." }) id: string, @Ctx() { db }: Context): Promise<DeleteReportPayload> {
    return deleteReport(db, id);
  }
}
