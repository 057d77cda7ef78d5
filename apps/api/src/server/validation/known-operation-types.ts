import { GraphQLError, type ValidationRule } from "graphql";

/** graphql-js 16 validates an operation type the schema lacks (a subscription here) and fails it only when run. */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});
