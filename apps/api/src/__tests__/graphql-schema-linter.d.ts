// The parts of graphql-schema-linter 3 (which ships no types) that schema-lint.test.ts uses.
declare module "graphql-schema-linter/lib/source_map" {
  export class SourceMap {
    constructor(sourceFiles: Record<string, string>);
  }
}

declare module "graphql-schema-linter/lib/configuration" {
  import type { SourceMap } from "graphql-schema-linter/lib/source_map";
  export type Rule = (...args: never[]) => unknown;
  export class Configuration {
    constructor(schema: { definition: string; sourceMap: SourceMap }, options?: { rules?: string[] });
    getRules(): Rule[];
  }
}

declare module "graphql-schema-linter/lib/validator" {
  import type { GraphQLError } from "graphql";
  import type { Configuration, Rule } from "graphql-schema-linter/lib/configuration";
  import type { SourceMap } from "graphql-schema-linter/lib/source_map";
  export function validateSchemaDefinition(
    schema: { definition: string; sourceMap: SourceMap },
    rules: Rule[],
    configuration: Configuration,
  ): Array<GraphQLError & { ruleName?: string }>;
}
