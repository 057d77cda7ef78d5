import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ValidationRule } from "graphql";
import type { Env } from "../../env";
import { knownOperationTypes } from "./known-operation-types";

export interface DocumentLimits {
  validationRules: ValidationRule[];
  /** graphql-armor's plugins (its limits report through them). */
  plugins: ApolloServerPlugin[];
  /** graphql-js's parser limit. */
  parseOptions: { maxTokens: number };
}

/** Limits checked on the document before anything runs: depth, aliases, directives, tokens, operation types. */
export function documentLimits(env: Env): DocumentLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: env.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: env.limits.maxAliases },
    maxDirectives: { n: env.limits.maxDirectives },
    // Tokens are limited by the parser (parseOptions below): armor's token plugin throws from a hook, which is HTTP 500.
    maxTokens: { enabled: false },
    // Cost is limited by the cost-limit plugin, which multiplies by page sizes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: env.production },
  }).protect();
  return {
    validationRules: [...armor.validationRules, knownOperationTypes],
    plugins: armor.plugins as ApolloServerPlugin[],
    parseOptions: { maxTokens: env.limits.maxTokens },
  };
}
