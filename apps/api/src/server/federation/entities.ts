import { loadNodeOfType } from "../../common/node.resolver";
import type { Context } from "../context";

/** A representation from a federation gateway: `__typename` plus the entity's key fields. */
export type Representation = { __typename: string } & Record<string, unknown>;

type ReferenceResolver = (reference: Representation, context: Context) => Promise<unknown> | null;

const textKey = (value: unknown): string | null => (typeof value === "string" && value.length <= 200 ? value : null);

/**
 * Every federation entity, with how `_entities` loads it: through the request's DataLoaders, so N references
 * of one type cost one statement (none for countries and commodities, which are reference data in memory).
 * The key fields are the `@key` directives on the types; a key that names nothing gives null.
 */
export const referenceResolvers: Record<string, ReferenceResolver> = {
  Country: (reference, { loaders }) => {
    const code = textKey(reference.code);
    return code === null ? null : loaders.country.load(code);
  },
  Commodity: (reference, { loaders }) => {
    const hsCode = textKey(reference.hsCode);
    return hsCode === null ? null : loaders.commodity.load(hsCode);
  },
  ExportRecord: (reference, context) => loadNodeOfType("ExportRecord", reference.id, context),
  Meeting: (reference, context) => loadNodeOfType("Meeting", reference.id, context),
  Report: (reference, context) => loadNodeOfType("Report", reference.id, context),
  Source: (reference, context) => loadNodeOfType("Source", reference.id, context),
};
