import { ErrorCode, userInputError } from "../server/errors";

/** Object types with global IDs, by the name the IDs carry. All implement Node except ApiKey, which only admins see. */
export type NodeTypeName = "Country" | "Commodity" | "ExportRecord" | "Meeting" | "Report" | "Source" | "ApiKey";

const NODE_TYPES = new Set<string>(["Country", "Commodity", "ExportRecord", "Meeting", "Report", "Source", "ApiKey"]);

/** Opaque global ID: base64url of "Type:key" (e.g. "Country:AZ"). Clients must not parse it. */
export function toGlobalId(type: NodeTypeName, key: string | number): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

export function fromGlobalId(id: string, field = "id"): { type: NodeTypeName; key: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(id) ? Buffer.from(id, "base64url").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const type = decoded.slice(0, separator);
  const key = decoded.slice(separator + 1);
  if (separator < 1 || !NODE_TYPES.has(type) || key === "") {
    throw userInputError(ErrorCode.INVALID_ID, `"${id}" is not a tradegraph global ID.`, field);
  }
  return { type: type as NodeTypeName, key };
}

/** Decodes a global ID that must name `type` and carry a numeric key. */
export function numericIdOf(type: NodeTypeName, id: string, field = "id"): number {
  const decoded = fromGlobalId(id, field);
  const key = Number(decoded.key);
  if (decoded.type !== type || !Number.isSafeInteger(key) || key < 1) {
    throw userInputError(ErrorCode.INVALID_ID, `"${id}" is not the ID of a ${type}.`, field);
  }
  return key;
}
