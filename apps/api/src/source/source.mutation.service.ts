import type { Database, SourceUncheckedCreateInput } from "@tradegraph/db";
import { toGlobalId } from "../common/global-id";
import { findById, mutate, type Tx } from "../common/mutation";
import { optionalText, userError, UserErrorCode, type FieldPath, type UserErrors } from "../common/user-error";
import type { CreateSourcePayload, DeleteSourcePayload, SourceInput, UpdateSourceInput, UpdateSourcePayload } from "./source.input";
import { Source } from "./source.type";

type SourceColumns = Pick<SourceUncheckedCreateInput, "publisher" | "title" | "publishedOn" | "url" | "retrievalNote" | "synthetic">;

const DUPLICATE = userError(["input", "title"], UserErrorCode.DUPLICATE, "A source with this publisher and title already exists.");

function isHttpUrl(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * Checks a source input and returns the columns to write, or null after recording every problem.
 * `creating`: fields the input leaves out get their defaults; otherwise they keep their stored values.
 */
function parseSourceInput(input: UpdateSourceInput, errors: UserErrors, creating: boolean): Partial<SourceColumns> | null {
  const at = (name: string): FieldPath => ["input", name];
  const data: Partial<SourceColumns> = {};
  if (input.publisher != null) data.publisher = errors.text(at("publisher"), input.publisher);
  if (input.title != null) data.title = errors.text(at("title"), input.title);
  if (input.publishedOn !== undefined || creating) data.publishedOn = input.publishedOn ?? null;
  if (input.url !== undefined || creating) {
    data.url = optionalText(input.url) ?? null;
    if (data.url != null && !isHttpUrl(data.url)) errors.add(at("url"), UserErrorCode.INVALID_URL, `"${data.url}" is not an http(s) URL.`);
  }
  if (input.retrievalNote !== undefined || creating) data.retrievalNote = optionalText(input.retrievalNote) ?? null;
  if (input.synthetic != null) data.synthetic = input.synthetic;
  return errors.any ? null : data;
}

/** The key of the Source a fact's input cites, or undefined after recording why it can't be used. */
export async function citedSourceKey(tx: Tx, errors: UserErrors, field: FieldPath, id: string): Promise<number | undefined> {
  const row = await findById(errors, field, "Source", id, (key) => tx.source.findUnique({ where: { id: key }, select: { id: true } }));
  return row?.id;
}

export async function createSource(db: Database, actor: string, input: SourceInput): Promise<CreateSourcePayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      // The schema requires publisher and title, so a valid input has every column.
      const data = parseSourceInput(input, errors, true) as SourceColumns | null;
      return data && tx.source.create({ data: { ...data, createdBy: actor, updatedBy: actor } });
    },
    { P2002: DUPLICATE },
  );
  return { source: value && Source.from(value), userErrors };
}

export async function updateSource(db: Database, actor: string, id: string, input: UpdateSourceInput): Promise<UpdateSourcePayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const current = await findById(errors, ["id"], "Source", id, (key) => tx.source.findUnique({ where: { id: key } }));
      const data = parseSourceInput(input, errors, false);
      return data && current && tx.source.update({ where: { id: current.id }, data: { ...data, updatedBy: actor } });
    },
    { P2002: DUPLICATE, P2025: userError(["id"], UserErrorCode.NOT_FOUND, `No Source has the ID "${id}".`) },
  );
  return { source: value && Source.from(value), userErrors };
}

function describeUses(counts: { exportRecords: number; meetings: number; reports: number }): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(counts.exportRecords, "export record", "export records"),
    plural(counts.meetings, "meeting", "meetings"),
    plural(counts.reports, "report", "reports"),
  ].join(", ");
}

/** Deletes a source no fact cites; one that is still cited is refused with IN_USE. */
export async function deleteSource(db: Database, id: string): Promise<DeleteSourcePayload> {
  const inUse = (detail: string) => `The source is still cited (${detail}); delete those facts or point them to another source first.`;
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const source = await findById(errors, ["id"], "Source", id, (key) =>
        tx.source.findUnique({ where: { id: key }, select: { id: true, _count: { select: { exportRecords: true, meetings: true, reports: true } } } }),
      );
      if (!source) return null;
      const { exportRecords, meetings, reports } = source._count;
      if (exportRecords + meetings + reports > 0) {
        errors.add(["id"], UserErrorCode.IN_USE, inUse(describeUses(source._count)));
        return null;
      }
      await tx.source.delete({ where: { id: source.id } });
      return toGlobalId("Source", source.id);
    },
    // A fact added meanwhile makes the foreign key refuse the delete.
    { P2003: userError(["id"], UserErrorCode.IN_USE, inUse("a fact was added meanwhile")), P2025: userError(["id"], UserErrorCode.NOT_FOUND, `No Source has the ID "${id}".`) },
  );
  return { deletedId: value, userErrors };
}
