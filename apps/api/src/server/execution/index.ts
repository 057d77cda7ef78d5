import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  getVariableValues,
  GraphQLError,
  locatedError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/**
 * graphql-jit's errors as graphql-js's: a resolver's error located at its path as graphql-js's locatedError does
 * (the thrown error stays `originalError`, its extensions are the error's), with the locations jit computed.
 */
function asGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const converted = locatedError(error.originalError ?? new GraphQLError(error.message, { extensions: error.extensions ?? undefined }), undefined, error.path);
    if (error.locations && !converted.locations) (converted as { locations?: GraphQLError["locations"] }).locations = error.locations;
    return converted;
  });
  return { ...result, errors };
}

/**
 * Executes queries with graphql-jit instead of graphql-js: each query operation of a document is compiled once
 * into a function that resolves its fields with the schema's own resolvers (type-graphql's, with their
 * middlewares), without graphql-js's per-field interpretation (argument coercion, field lookup, completion by
 * type). Mutations, and queries whose variables graphql-js refuses, run on graphql-js's execute as before, so
 * that their errors (codes, messages) and input defaults stay graphql-js's.
 *
 * Plugged in through Apollo Server's gateway interface, which hands execution to an executor and keeps the rest
 * of the request pipeline: parsing and validation (with Apollo's document cache), the request plugins (limits,
 * cost, cache control, logging, metrics), formatError and the HTTP answer. Apollo keeps one parsed document per
 * query text, so a WeakMap on the document finds the compiled operation; a document Apollo evicts takes its
 * compiled code with it.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const cache = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compiled = (document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult => {
    let operations = cache.get(document);
    if (!operations) cache.set(document, (operations = new Map()));
    const key = operationName ?? "";
    let operation = operations.get(key);
    if (!operation) operations.set(key, (operation = compileQuery(schema, document, operationName)));
    return operation;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return {
        executor: async ({ document, context, request, operation }) => {
          const variableValues = request.variables ?? {};
          // The operation name as sent, as Apollo passes it to graphql-js's execute.
          const operationName = request.operationName ?? undefined;
          const definition = operation as OperationDefinitionNode | undefined;
          const jit =
            definition?.operation === "query" &&
            !getVariableValues(schema, definition.variableDefinitions ?? [], variableValues, { maxErrors: 1 }).errors &&
            compiled(document, operationName);
          if (jit && isCompiledQuery(jit)) return asGraphQLJsErrors(await jit.query(undefined, context, variableValues));
          return execute({ schema, document, contextValue: context, variableValues, operationName });
        },
      };
    },
    async stop() {},
  };
}
