import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { graphql, GraphQLError, isObjectType, lexicographicSortSchema, parse, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import { createSchema } from "../../schema";
import { ErrorCode } from "../errors";
import { referenceResolvers, type Representation } from "./entities";

/** @apollo/subgraph's resolver map type (not exported by name). */
type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"]>;

/** The Federation 2 features the subgraph uses. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** Object types carrying `@key` (from their `@Directive`), with the key's fields. */
export function entityKeys(schema: GraphQLSchema): Map<string, string> {
  const keys = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const directive of type.astNode?.directives ?? []) {
      const fields = directive.arguments?.find((argument) => argument.name.value === "fields")?.value;
      if (directive.name.value === "key" && fields?.kind === "StringValue") keys.set(type.name, fields.value);
    }
  }
  return keys;
}

/**
 * `_entities` that answers each representation on its own: one that is not an object naming an entity type gets
 * INVALID_REPRESENTATION in its place (the others still load), instead of @apollo/subgraph's plain Error for the
 * whole list, or its echo of the representation for a type without `@key`.
 */
function guardEntities(schema: GraphQLSchema, entityTypes: ReadonlySet<string>): void {
  const field = schema.getQueryType()!.getFields()._entities!;
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }>;
  field.resolve = (source, args, context, info) => {
    const valid: Representation[] = [];
    const positions = args.representations.map((representation: unknown) => {
      const typename = (representation as Partial<Representation> | null)?.__typename;
      if (typeof representation !== "object" || typeof typename !== "string" || !entityTypes.has(typename)) return -1;
      return valid.push(representation as Representation) - 1;
    });
    const loaded = valid.length ? (resolve(source, { representations: valid }, context, info) as unknown[]) : [];
    return positions.map((position: number, index: number) =>
      position >= 0
        ? loaded[position]
        : new GraphQLError(`representations[${index}] is not a tradegraph entity: give __typename (one of ${[...entityTypes].join(", ")}) and its key fields.`, {
            extensions: { code: ErrorCode.INVALID_REPRESENTATION, field: `representations.${index}` },
          }),
    );
  };
}

/** Builds the Federation 2 subgraph over the API's schema: the same resolvers, plus `_service` and `_entities`. */
export function buildSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const keys = entityKeys(schema);
  const unmatched = [...keys.keys()].filter((type) => !referenceResolvers[type]).concat(Object.keys(referenceResolvers).filter((type) => !keys.has(type)));
  if (unmatched.length) throw new Error(`Federation: @key and reference resolvers disagree for ${unmatched.join(", ")}.`);

  const resolvers = createResolversMap(schema) as ResolverMap;
  for (const [type, resolveReference] of Object.entries(referenceResolvers)) {
    resolvers[type] = { ...resolvers[type], __resolveReference: resolveReference } as ResolverMap[string];
  }
  // Sorted like schema.graphql, so that subgraph.graphql only changes when the schema does.
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(schema))}`);
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers });
  guardEntities(subgraph, new Set(keys.keys()));
  return subgraph;
}

let built: Promise<GraphQLSchema> | undefined;

/** The subgraph schema, built once per process (FEDERATION=true). */
export function createSubgraphSchema(): Promise<GraphQLSchema> {
  built ??= createSchema().then(buildSubgraph);
  return built;
}

/** What the subgraph answers to `_service { sdl }`: the SDL a gateway or `rover supergraph compose` reads. */
export async function subgraphSdl(subgraph: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema: subgraph, source: "{ _service { sdl } }" });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== "string") throw new Error(`Federation: _service.sdl failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}
