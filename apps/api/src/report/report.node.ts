import { registerNodeType } from "../common/node.resolver";

registerNodeType("Report", (key, { loaders }) => (/^\d{1,9}$/.test(key) ? loaders.report.load(Number(key)) : Promise.resolve(null)));
