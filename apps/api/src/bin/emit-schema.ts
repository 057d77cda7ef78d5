import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSchemaSdl, printSubgraphSdl } from "../schema-printer";
import { createSchema } from "../schema";
import { createSubgraphSchema } from "../server/federation";

/**
 * Writes apps/api/schema.graphql, the committed contract the SDK is generated from, and subgraph.graphql, what
 * the API answers to `_service { sdl }` with FEDERATION=true.
 */
async function main() {
  const root = path.resolve(__dirname, "..", "..");
  writeFileSync(path.join(root, "schema.graphql"), printSchemaSdl(await createSchema()));
  writeFileSync(path.join(root, "subgraph.graphql"), await printSubgraphSdl(await createSubgraphSchema()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
