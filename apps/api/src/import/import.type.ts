import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MutationPayload } from "../common/mutation";


export enum ImportFormat {
  COMTRADE = "COMTRADE",
  CSV = "CSV",
  JSON = "JSON",
}
registerEnumType(ImportFormat, {
  name: "ImportFormat",
  description: "UN Comtrade CSV, or tradegraph's native CSV / JSON (docs/import.md).",
  valuesConfig: {
    COMTRADE: { description: "A UN Comtrade bulk or API CSV export (netWgt in kg, primaryValue in USD)." },
    CSV: { description: "tradegraph's native CSV: one export record per row, with a header row." },
    JSON: { description: "tradegraph's native JSON: an array of export records, or JSON Lines." },
  },
});

export enum ImportMode {
  STRICT = "STRICT",
  LENIENT = "LENIENT",
}
registerEnumType(ImportMode, {
  name: "ImportMode",
  description: "What happens to the good rows of a file that has bad ones.",
  valuesConfig: {
    STRICT: { description: "One bad row and nothing is written." },
    LENIENT: { description: "Good rows are written; bad rows are reported in `errors`." },
  },
});

@InputType({ description: "The Source the imported rows are filed under; found by (publisher, title), created when new." })
export class ImportSourceInput {
  @Field(() => String, { description: "Who published the data, e.g. UN Comtrade." })
  publisher!: string;

  @Field(() => String, { description: "The data set's title, e.g. Azerbaijan exports 2024." })
  title!: string;

  @Field(() => String, { nullable: true, description: "An http(s) URL where the data can be found." })
  url?: string | null;
}

@InputType({ description: "A small file to import (the command line `npm run import` takes files of any size)." })
export class ImportExportRecordsInput {
  @Field(() => String, { description: "The file's text: CSV with a header row, a JSON array, or JSON Lines." })
  content!: string;

  @Field(() => ImportFormat, { nullable: true, description: "Detected from `fileName` and the header when absent." })
  format?: ImportFormat | null;

  @Field(() => String, { nullable: true, description: "For format detection and the default Comtrade source title." })
  fileName?: string | null;

  @Field(() => ImportSourceInput, { nullable: true, description: "Required for native files; Comtrade files default to \"UN Comtrade, <fileName>\"." })
  source?: ImportSourceInput | null;

  @Field(() => ImportMode, { defaultValue: ImportMode.STRICT, description: "Default: STRICT (one bad row and nothing is written)." })
  mode!: ImportMode;

  @Field(() => Boolean, { defaultValue: false, description: "Validate and count what would change; write nothing." })
  dryRun!: boolean;
}

@ObjectType({ description: "A problem with one row (or with the whole file, on line 1)." })
export class ImportRowError {
  @Field(() => Int, { description: "1-based line where the row starts (its position in a JSON array)." })
  line!: number;

  @Field(() => String, { nullable: true, description: "The column or property at fault, e.g. period; null when the whole row is." })
  field!: string | null;

  @Field(() => String, { description: "Machine-readable reason, e.g. UNKNOWN_COUNTRY, INVALID_PERIOD, DUPLICATE_KEY, MISSING_COLUMN." })
  code!: string;

  @Field(() => String, { description: "What is wrong, in English, for people." })
  message!: string;
}

@ObjectType({ description: "What an import read, wrote and refused." })
export class ImportSummary {
  sourceKey!: number | null;

  @Field(() => Boolean, { description: "False when nothing was written because of an error." })
  ok!: boolean;

  @Field(() => Boolean, { description: "True when nothing was written on purpose: the counts say what would have changed." })
  dryRun!: boolean;

  @Field(() => ImportMode, { description: "The mode the file was imported in." })
  mode!: ImportMode;

  @Field(() => ImportFormat, { nullable: true, description: "The format read (given or detected); null when it could not be detected." })
  format!: ImportFormat | null;

  @Field(() => Int, { description: "Data rows read." })
  read!: number;

  @Field(() => Int, { description: "New export records written." })
  inserted!: number;

  @Field(() => Int, { description: "Existing export records (same natural key) whose figures or flags changed." })
  updated!: number;

  @Field(() => Int, { description: "Rows identical to what is stored; not rewritten." })
  unchanged!: number;

  @Field(() => Int, { description: "Rows deliberately left out (Comtrade World and aggregate partners, other flows)." })
  skipped!: number;

  @Field(() => Int, { description: "Rows refused for a problem listed in `errors`." })
  rejected!: number;

  @Field(() => Int, { description: "All problems found; `errors` lists the first 100." })
  errorCount!: number;

  @Field(() => [ImportRowError], { description: "The first 100 problems, in file order." })
  errors!: ImportRowError[];

  @Field(() => Float, { description: "How long the import took, in seconds." })
  seconds!: number;
}

@ObjectType({ description: "The result of importExportRecords: the summary, or the userErrors that refused the input." })
export class ImportExportRecordsPayload extends MutationPayload {
  @Field(() => ImportSummary, { nullable: true, description: "Null when the input was refused before reading (see userErrors)." })
  summary!: ImportSummary | null;
}

