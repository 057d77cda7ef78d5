import { readFileSync } from "node:fs";
import path from "node:path";
import { createSchema } from "../schema";
import { printSchemaSdl } from "../schema-printer";

describe("schema.graphql", () => {
  it("matches the schema built from the resolvers (run `npm run generate` to update it)", async () => {
    const committed = readFileSync(path.resolve(__dirname, "..", "..", "schema.graphql"), "utf8");
    expect(printSchemaSdl(await createSchema())).toBe(committed);
  });
});
