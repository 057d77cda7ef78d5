import generated, { type PossibleTypesResultData } from "./generated/possible-types.js";

/**
 * The object types behind each interface and union of the schema (Node, SearchResult, TimelineItem), for
 * Apollo Client's `new InMemoryCache({ possibleTypes })`: without it the cache cannot match fragments on them.
 */
export const possibleTypes: PossibleTypesResultData["possibleTypes"] = generated.possibleTypes;
