import { Configuration } from "graphql-schema-linter/lib/configuration";
import { SourceMap } from "graphql-schema-linter/lib/source_map";
import { validateSchemaDefinition } from "graphql-schema-linter/lib/validator";
import { createSchema } from "../schema";
import { printSchemaSdl } from "../schema-printer";

/** graphql-schema-linter's rules that keep the schema self-documenting, and its Relay rules. */
const DESCRIPTION_RULES = [
  "types-have-descriptions",
  "fields-have-descriptions",
  "input-object-values-have-descriptions",
  "arguments-have-descriptions",
  "enum-values-have-descriptions",
  "descriptions-are-capitalized",
  "deprecations-have-a-reason",
];
const RELAY_RULES = ["relay-connection-types-spec", "relay-connection-arguments-spec", "relay-page-info-spec"];

/** Lints SDL with the named rules; returns one "line:column message (rule)" line per problem. */
function lint(sdl: string, rules: string[]): string[] {
  const input = { definition: sdl, sourceMap: new SourceMap({ "schema.graphql": sdl }) };
  const configuration = new Configuration(input, { rules });
  const selected = configuration.getRules();
  expect(selected).toHaveLength(rules.length);
  return validateSchemaDefinition(input, selected, configuration).map((error) => {
    const [location] = error.locations ?? [];
    return `${location?.line}:${location?.column} ${error.message} (${error.ruleName})`;
  });
}

describe("the schema's documentation (graphql-schema-linter)", () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = printSchemaSdl(await createSchema());
  });

  it("describes every type, field, input field, argument and enum value", () => {
    expect(lint(sdl, DESCRIPTION_RULES)).toEqual([]);
  });

  it("follows the Relay connection, argument and PageInfo specs", () => {
    expect(lint(sdl, RELAY_RULES)).toEqual([]);
  });

  it("reports an element without a description", () => {
    const undocumented = sdl.replace('"""Common English name, e.g. Azerbaijan."""\n', "");
    expect(undocumented).not.toBe(sdl);
    expect(lint(undocumented, DESCRIPTION_RULES)).toEqual([expect.stringContaining("The field `Country.name` is missing a description.")]);
  });
});
