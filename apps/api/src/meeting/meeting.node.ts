import { registerNodeType } from "../common/node.resolver";

registerNodeType("Meeting", (key, { loaders }) => (/^\d{1,9}$/.test(key) ? loaders.meeting.load(Number(key)) : Promise.resolve(null)));
