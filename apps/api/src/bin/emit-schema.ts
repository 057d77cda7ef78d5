import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSchemaSdl } from "../schema-printer";
import { createSchema } from "../schema";

/** Writes apps/api/schema.graphql, the committed contract the SDK is generated from. */
async function main() {
  const target = path.resolve(__dirname, "..", "..", "schema.graphql");
  writeFileSync(target, printSchemaSdl(await createSchema()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
