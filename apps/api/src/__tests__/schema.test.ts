import { readFileSync } from "node:fs";
import path from "node:path";
import { createSchema } from "../schema";
import { printSchemaSdl, printSubgraphSdl } from "../schema-printer";
import { createSubgraphSchema } from "../server/federation";

describe("schema.graphql", () => {
  it("matches the schema built from the resolvers (run `npm run generate` to update it)", async () => {
    const committed = readFileSync(path.resolve(__dirname, "..", "..", "schema.graphql"), "utf8");
    expect(printSchemaSdl(await createSchema())).toBe(committed);
  });
});

describe("subgraph.graphql", () => {
  it("matches the Federation subgraph's _service.sdl (run `npm run generate` to update it)", async () => {
    const committed = readFileSync(path.resolve(__dirname, "..", "..", "subgraph.graphql"), "utf8");
    expect(await printSubgraphSdl(await createSubgraphSchema())).toBe(committed);
  });
});
