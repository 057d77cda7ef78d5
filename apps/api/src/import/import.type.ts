import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MutationPayload } from "../common/mutation";


export enum ImportFormat {
  COMTRADE = "COMTRADE",
  CSV = "CSV",
  JSON = "JSON",
}
registerEnumType(ImportFormat, { name: "ImportFormat", description: "UN Comtrade CSV, or tradegraph's native CSV / JSON (docs/import.md)." });

export enum ImportMode {
  STRICT = "STRICT",
  LENIENT = "LENIENT",
}
registerEnumType(ImportMode, {
  name: "ImportMode",
  valuesConfig: {
    STRICT: { description: "One bad row and nothing is written." },
    LENIENT: { description: "Good rows are written; bad rows are reported in `errors`." },
  },
});

@InputType()
export class ImportSourceInput {
  @Field(() => String)
  publisher!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => ImportMode, { defaultValue: ImportMode.STRICT })
  mode!: ImportMode;

  @Field(() => Boolean, { defaultValue: false, description: "Validate and count what would change; write nothing." })
  dryRun!: boolean;
}

@ObjectType({ description: "A problem with one row (or with the whole file, on line 1)." })
export class ImportRowError {
  @Field(() => Int, { description: "1-based line where the row starts (its position in a JSON array)." })
  line!: number;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => String, { description: "Machine-readable reason, e.g. UNKNOWN_COUNTRY, INVALID_PERIOD, DUPLICATE_KEY, MISSING_COLUMN." })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class ImportSummary {
  sourceKey!: number | null;

  @Field(() => Boolean, { description: "False when nothing was written because of an error." })
  ok!: boolean;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => ImportMode)
  mode!: ImportMode;

  @Field(() => ImportFormat, { nullable: true })
  format!: ImportFormat | null;

  @Field(() => Int, { description: "Data rows read." })
  read!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: "Rows identical to what is stored; not rewritten." })
  unchanged!: number;

  @Field(() => Int, { description: "Rows deliberately left out (Comtrade World and aggregate partners, other flows)." })
  skipped!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: "All problems found; `errors` lists the first 100." })
  errorCount!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];

  @Field(() => Float)
  seconds!: number;
}

@ObjectType()
export class ImportExportRecordsPayload extends MutationPayload {
  @Field(() => ImportSummary, { nullable: true, description: "Null when the input was refused before reading (see userErrors)." })
  summary!: ImportSummary | null;
}

