import { registerNodeType } from "../common/node.resolver";
import { Report } from "./report.type";

registerNodeType("Report", async (key, { loaders }) => {
  if (!/^\d{1,9}$/.test(key)) return null;
  const row = await loaders.report.load(Number(key));
  return row && Report.from(row);
});
