import { registerNodeType } from "./node.resolver";

// Node types of the core features; other features register theirs beside their resolvers.
registerNodeType("Country", (key, { loaders }) => loaders.country.load(key));
registerNodeType("Commodity", (key, { loaders }) => loaders.commodity.load(key));
registerNodeType("Source", (key, { loaders }) => (/^\d{1,9}$/.test(key) ? loaders.source.load(Number(key)) : Promise.resolve(null)));
registerNodeType("ExportRecord", (key, { loaders }) =>
  /^\d{1,9}$/.test(key) ? loaders.exportRecord.load(Number(key)) : Promise.resolve(null),
);
