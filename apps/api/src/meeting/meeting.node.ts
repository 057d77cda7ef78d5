import { registerNodeType } from "../common/node.resolver";
import { Meeting } from "./meeting.type";

registerNodeType("Meeting", async (key, { loaders }) => {
  if (!/^\d{1,9}$/.test(key)) return null;
  const row = await loaders.meeting.load(Number(key));
  return row && Meeting.from(row);
});
