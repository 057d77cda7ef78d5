import type { Database, ReportModel, ReportUncheckedCreateInput } from "@tradegraph/db";
import { parseCountryCode } from "@tradegraph/domain";
import { toGlobalId } from "../common/global-id";
import { findById, mutate, type ConstraintErrors, type Tx } from "../common/mutation";
import { userError, UserErrorCode, type FieldPath, type UserErrors } from "../common/user-error";
import { citedSourceKey } from "../source/source.mutation.service";
import type { CreateReportPayload, DeleteReportPayload, FindingInput, ReportInput, UpdateReportInput, UpdateReportPayload } from "./report.input";
import { Report } from "./report.type";

type ReportColumns = Pick<ReportUncheckedCreateInput, "title" | "publisher" | "publisherCountryCode" | "publishedOn" | "topics" | "sourceId">;

interface ParsedReport {
  columns: Partial<ReportColumns>;
  /** Subject country codes, each once; undefined keeps the stored ones. */
  subjects?: string[];
  /** Findings in order; undefined keeps the stored ones. */
  findings?: Array<{ text: string; isQuote: boolean }>;
}

function parseFindings(inputs: readonly FindingInput[], errors: UserErrors): Array<{ text: string; isQuote: boolean }> {
  return inputs.map((input, index) => ({ text: errors.text(["input", "findings", index, "text"], input.text) ?? "", isQuote: input.isQuote ?? false }));
}

/**
 * Checks a report input against every rule and returns what to write, or null after recording each problem.
 * Without `current` it is a new report; with it (an update), omitted fields keep the stored values.
 */
async function parseReportInput(tx: Tx, input: UpdateReportInput, errors: UserErrors, current?: ReportModel | null): Promise<ParsedReport | null> {
  const at = (name: string): FieldPath => ["input", name];
  const creating = current === undefined;
  const columns: Partial<ReportColumns> = {};
  if (input.title != null) columns.title = errors.text(at("title"), input.title);
  if (input.publisher != null) columns.publisher = errors.text(at("publisher"), input.publisher);
  if (input.publisherCountry != null) {
    columns.publisherCountryCode = errors.parse(at("publisherCountry"), () => parseCountryCode(input.publisherCountry!));
  } else if (input.publisherCountry === null || creating) columns.publisherCountryCode = null;
  if (input.publishedOn !== undefined || creating) columns.publishedOn = input.publishedOn ?? null;
  const subjects = input.subjectCountries?.map((code, index) => errors.parse([...at("subjectCountries"), index], () => parseCountryCode(code)) ?? "");
  if (input.topics != null) columns.topics = errors.texts(at("topics"), input.topics);
  const findings = input.findings == null ? undefined : parseFindings(input.findings, errors);
  if (input.source != null) columns.sourceId = await citedSourceKey(tx, errors, at("source"), input.source);
  return errors.any ? null : { columns, subjects: subjects && [...new Set(subjects)], findings };
}

const CONSTRAINTS: ConstraintErrors = {
  // A country or the source was removed from the database meanwhile.
  P2003: userError(["input"], UserErrorCode.NOT_FOUND, "A country or source the input names is no longer in the database."),
};

const notFound = (id: string) => `No Report has the ID "${id}".`;

const positioned = <T>(items: T[]) => items.map((item, position) => ({ ...item, position }));

export async function createReport(db: Database, actor: string, input: ReportInput): Promise<CreateReportPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const parsed = await parseReportInput(tx, input, errors);
      if (!parsed) return null;
      // The schema requires title, publisher and source, so a valid input has every column.
      const columns = parsed.columns as ReportColumns;
      return tx.report.create({
        data: {
          ...columns,
          createdBy: actor,
          updatedBy: actor,
          subjects: { create: (parsed.subjects ?? []).map((countryCode) => ({ countryCode })) },
          findings: { create: positioned(parsed.findings ?? []) },
        },
      });
    },
    CONSTRAINTS,
  );
  return { report: value && Report.from(value), userErrors };
}

export async function updateReport(db: Database, actor: string, id: string, input: UpdateReportInput): Promise<UpdateReportPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const current = await findById(errors, ["id"], "Report", id, (key) => tx.report.findUnique({ where: { id: key } }));
      const parsed = await parseReportInput(tx, input, errors, current);
      if (!parsed || !current) return null;
      const reportId = current.id;
      if (parsed.subjects) {
        await tx.reportSubject.deleteMany({ where: { reportId } });
        await tx.reportSubject.createMany({ data: parsed.subjects.map((countryCode) => ({ reportId, countryCode })) });
      }
      if (parsed.findings) {
        await tx.reportFinding.deleteMany({ where: { reportId } });
        await tx.reportFinding.createMany({ data: positioned(parsed.findings).map((finding) => ({ ...finding, reportId })) });
      }
      return tx.report.update({ where: { id: reportId }, data: { ...parsed.columns, updatedBy: actor } });
    },
    { ...CONSTRAINTS, P2025: userError(["id"], UserErrorCode.NOT_FOUND, notFound(id)) },
  );
  return { report: value && Report.from(value), userErrors };
}

/** Deletes a report with its subjects and findings. */
export async function deleteReport(db: Database, id: string): Promise<DeleteReportPayload> {
  const { value, userErrors } = await mutate(db, async (tx, errors) => {
    const key = errors.id(["id"], "Report", id);
    if (key === undefined) return null;
    const { count } = await tx.report.deleteMany({ where: { id: key } });
    if (count === 0) errors.add(["id"], UserErrorCode.NOT_FOUND, notFound(id));
    return toGlobalId("Report", key);
  });
  return { deletedId: value, userErrors };
}
