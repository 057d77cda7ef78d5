import { ImportOptionError, importExportRecords, type ImportSummary as Summary } from "@tradegraph/importer";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import { authorizedActor } from "../auth/auth.service";
import { FreshLoaders } from "../common/mutation";
import { userError, UserErrorCode } from "../common/user-error";
import type { Context } from "../server/context";
import { Source } from "../source/source.type";
import { ImportExportRecordsInput, ImportExportRecordsPayload, type ImportFormat, ImportMode, ImportSummary } from "./import.type";

/** Uploads through GraphQL are small; bigger files go through `npm run import`. */
export const MAX_IMPORT_CHARACTERS = 90_000;
export const MAX_IMPORT_ROWS = 5_000;

function toSummary(summary: Summary): ImportSummary {
  return Object.assign(new ImportSummary(), {
    sourceKey: summary.source?.id ?? null,
    ok: summary.ok,
    dryRun: summary.dryRun,
    mode: summary.mode === "lenient" ? ImportMode.LENIENT : ImportMode.STRICT,
    format: summary.format ? (summary.format.toUpperCase() as ImportFormat) : null,
    read: summary.read,
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    skipped: summary.skipped,
    rejected: summary.rejected,
    errorCount: summary.errorCount,
    errors: summary.errors.map((e) => ({ line: e.line, field: e.field ?? null, code: e.code, message: e.message })),
    seconds: summary.seconds,
  });
}

@Resolver(() => ImportSummary)
export class ImportResolver {
  @Authorized("EDITOR")
  @UseMiddleware(FreshLoaders)
  @Mutation(() => ImportExportRecordsPayload, {
    description: `Imports export records from a small file (at most ${MAX_IMPORT_CHARACTERS} characters and ${MAX_IMPORT_ROWS} rows), upserting by natural key in one transaction. Needs an EDITOR key.`,
  })
  async importExportRecords(
    @Arg("input", () => ImportExportRecordsInput, { description: "The file and how to read it." }) input: ImportExportRecordsInput,
    @Ctx() context: Context,
  ): Promise<ImportExportRecordsPayload> {
    if (input.content.length > MAX_IMPORT_CHARACTERS) {
      return {
        summary: null,
        userErrors: [userError(["input", "content"], UserErrorCode.TOO_LONG, `The file has ${input.content.length} characters; uploads take at most ${MAX_IMPORT_CHARACTERS}. Use \`npm run import\` for bigger files.`)],
      };
    }
    const format = input.format ? (input.format.toLowerCase() as "comtrade" | "csv" | "json") : undefined;
    try {
      const summary = await importExportRecords(context.db, input.content, {
        format,
        fileName: input.fileName ?? undefined,
        source: input.source ? { publisher: input.source.publisher, title: input.source.title, url: input.source.url ?? null } : undefined,
        mode: input.mode === ImportMode.LENIENT ? "lenient" : "strict",
        dryRun: input.dryRun,
        actor: authorizedActor(context),
        maxRows: MAX_IMPORT_ROWS,
      });
      return { summary: toSummary(summary), userErrors: [] };
    } catch (error) {
      // A native file without a source; database failures propagate.
      if (error instanceof ImportOptionError && error.code === "SOURCE_REQUIRED") {
        return { summary: null, userErrors: [userError(["input", "source"], UserErrorCode.BLANK, "Native CSV/JSON files need `source: { publisher, title }`.")] };
      }
      throw error;
    }
  }

  @FieldResolver(() => Source, { nullable: true, description: "The source the rows were filed under." })
  source(@Root() summary: ImportSummary, @Ctx() { loaders }: Context): Promise<Source | null> {
    return summary.sourceKey == null ? Promise.resolve(null) : loaders.source.load(summary.sourceKey);
  }
}
