import {
  getNamedType,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/** Seconds a public answer may be reused: reference data (countries, commodities) and everything else. */
export const REFERENCE_MAX_AGE_SECONDS = 3600;
export const DEFAULT_MAX_AGE_SECONDS = 60;

/** Object types whose fields are reference data, changed by migrations and seeds rather than by the API's users. */
const REFERENCE_TYPES = new Set(["Country", "CountryConnection", "CountryEdge", "Commodity", "HsSection", "PageInfo"]);
const REFERENCE_ROOT_FIELDS = new Set(["countries", "country", "commodities", "commodity", "__typename"]);

export type OperationCachePolicy = { kind: "no-store" } | { kind: "cacheable"; maxAge: number };

/**
 * How long an operation's answer may be cached, from its document alone (no per-field hints at run time):
 * mutations never; queries that select only reference data for an hour; other queries for a minute.
 */
export function operationCachePolicy(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationCachePolicy {
  if (operation.operation !== "query") return { kind: "no-store" };
  const queryType = schema.getQueryType();
  let reference = true;
  const typeInfo = new TypeInfo(schema);
  // Fragments are walked too: a fragment spread in a reference query could select trade data.
  const walked: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === "FragmentDefinition") };
  visit(
    walked,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent === queryType) {
          if (!REFERENCE_ROOT_FIELDS.has(node.name.value)) reference = false;
          return;
        }
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        if (!named || isAbstractType(named) || (isObjectType(named) && !REFERENCE_TYPES.has(named.name))) {
          reference = false;
        }
      },
    }),
  );
  return { kind: "cacheable", maxAge: reference ? REFERENCE_MAX_AGE_SECONDS : DEFAULT_MAX_AGE_SECONDS };
}

/** The Cache-Control header of an answer: `private` for requests made with an API key, no-store for errors. */
export function cacheControlHeader(policy: OperationCachePolicy, options: { withKey: boolean; hasErrors: boolean }): string {
  if (policy.kind === "no-store" || options.hasErrors) return "no-store";
  return `${options.withKey ? "private" : "public"}, max-age=${policy.maxAge}`;
}
