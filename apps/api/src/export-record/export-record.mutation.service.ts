import type { Database, ExportRecordModel, ExportRecordUncheckedCreateInput } from "@tradegraph/db";
import { DomainError, parseCountryCode, parseHsCode, parsePeriod, parseTonnes, parseUsd, periodToDate } from "@tradegraph/domain";
import { toGlobalId } from "../common/global-id";
import { findById, mutate, type ConstraintErrors, type Tx } from "../common/mutation";
import { userError, UserErrorCode, type FieldPath, type UserErrors } from "../common/user-error";
import { citedSourceKey } from "../source/source.mutation.service";
import type {
  CreateExportRecordPayload,
  DeleteExportRecordPayload,
  ExportRecordInput,
  UpdateExportRecordInput,
  UpdateExportRecordPayload,
  UpsertExportRecordPayload,
} from "./export-record.input";
import { toExportRecord } from "./export-record.type";

type ExportRecordColumns = Omit<ExportRecordUncheckedCreateInput, "id" | "createdAt" | "updatedAt" | "createdBy" | "updatedBy">;

// The largest figures the columns hold: numeric(18,3) tonnes and numeric(18,2) dollars.
const MAX_TONNES = 1e15;
const MAX_USD = 1e16;

const FLAGS = ["quantityApproximate", "valueApproximate", "quantityEstimated", "valueEstimated"] as const;

function below(limit: number, value: number, code: "INVALID_QUANTITY" | "INVALID_AMOUNT"): number {
  if (value >= limit) throw new DomainError(code, `${value} is larger than the largest figure stored (${limit}).`);
  return value;
}

/**
 * Checks an export-record input against every rule and returns the columns to write, or null after recording
 * each problem. Without `current` it is a new record: omitted figures are null. With `current` (an update),
 * omitted fields keep the stored values and null clears a figure.
 */
async function parseExportRecordInput(tx: Tx, input: ExportRecordInput, errors: UserErrors): Promise<ExportRecordColumns | null>;
async function parseExportRecordInput(
  tx: Tx,
  input: UpdateExportRecordInput,
  errors: UserErrors,
  current: ExportRecordModel | null,
): Promise<Partial<ExportRecordColumns> | null>;
async function parseExportRecordInput(
  tx: Tx,
  input: UpdateExportRecordInput,
  errors: UserErrors,
  current?: ExportRecordModel | null,
): Promise<Partial<ExportRecordColumns> | null> {
  const at = (name: string): FieldPath => ["input", name];
  const creating = current === undefined;
  const data: Partial<ExportRecordColumns> = {};

  if (input.exporter != null) data.exporterCode = errors.parse(at("exporter"), () => parseCountryCode(input.exporter!));
  if (input.importer != null) data.importerCode = errors.parse(at("importer"), () => parseCountryCode(input.importer!));
  if (input.commodity != null) {
    const code = errors.parse(at("commodity"), () => parseHsCode(input.commodity!));
    if (code && !(await tx.commodity.findUnique({ where: { hsCode: code }, select: { hsCode: true } }))) {
      errors.add(at("commodity"), UserErrorCode.UNKNOWN_COMMODITY, `"${code}" is not a known HS code; the commodities query lists them.`);
    }
    data.commodityCode = code;
  }
  if (input.period != null) {
    const period = errors.parse(at("period"), () => parsePeriod(input.period!));
    data.period = period === undefined ? undefined : periodToDate(period);
  }
  if (input.source != null) data.sourceId = await citedSourceKey(tx, errors, at("source"), input.source);

  if (input.quantityTonnes != null) {
    data.quantityTonnes = errors.parse(at("quantityTonnes"), () => below(MAX_TONNES, parseTonnes(input.quantityTonnes!), "INVALID_QUANTITY"));
  } else if (input.quantityTonnes === null || creating) data.quantityTonnes = null;
  if (input.valueUsd != null) {
    data.valueUsd = errors.parse(at("valueUsd"), () => below(MAX_USD, parseUsd(input.valueUsd!), "INVALID_AMOUNT"));
  } else if (input.valueUsd === null || creating) data.valueUsd = null;
  if (input.reportedRank != null) {
    if (input.reportedRank < 1) errors.add(at("reportedRank"), UserErrorCode.INVALID_RANK, `A rank starts at 1, got ${input.reportedRank}.`);
    data.reportedRank = input.reportedRank;
  } else if (input.reportedRank === null || creating) data.reportedRank = null;
  for (const flag of FLAGS) if (input[flag] != null) data[flag] = input[flag];

  const exporter = input.exporter != null ? data.exporterCode : current?.exporterCode;
  const importer = input.importer != null ? data.importerCode : current?.importerCode;
  if (exporter && exporter === importer) {
    errors.add(at(input.importer != null ? "importer" : "exporter"), UserErrorCode.SAME_COUNTRY, `Exporter and importer are both ${exporter}.`);
  }
  return errors.any ? null : data;
}

const CONSTRAINTS: ConstraintErrors = {
  P2002: userError(
    ["input"],
    UserErrorCode.DUPLICATE,
    "An export record with this exporter, importer, commodity, period and source already exists; upsertExportRecord updates it.",
  ),
  // The cited source was deleted meanwhile.
  P2003: userError(["input", "source"], UserErrorCode.NOT_FOUND, "The source no longer exists."),
};

const notFound = (id: string) => `No ExportRecord has the ID "${id}".`;

export async function createExportRecord(db: Database, actor: string, input: ExportRecordInput): Promise<CreateExportRecordPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const data = await parseExportRecordInput(tx, input, errors);
      return data && tx.exportRecord.create({ data: { ...data, createdBy: actor, updatedBy: actor } });
    },
    CONSTRAINTS,
  );
  return { exportRecord: value && toExportRecord(value), userErrors };
}

export async function updateExportRecord(db: Database, actor: string, id: string, input: UpdateExportRecordInput): Promise<UpdateExportRecordPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const current = await findById(errors, ["id"], "ExportRecord", id, (key) => tx.exportRecord.findUnique({ where: { id: key } }));
      const data = await parseExportRecordInput(tx, input, errors, current);
      return data && current && tx.exportRecord.update({ where: { id: current.id }, data: { ...data, updatedBy: actor } });
    },
    { ...CONSTRAINTS, P2025: userError(["id"], UserErrorCode.NOT_FOUND, notFound(id)) },
  );
  return { exportRecord: value && toExportRecord(value), userErrors };
}

/** Creates the record with the input's natural key, or replaces that record's figures and flags with the input's. */
export async function upsertExportRecord(db: Database, actor: string, input: ExportRecordInput): Promise<UpsertExportRecordPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const data = await parseExportRecordInput(tx, input, errors);
      if (!data) return null;
      const { exporterCode, importerCode, commodityCode, period, sourceId } = data;
      return tx.exportRecord.upsert({
        where: { naturalKey: { exporterCode, importerCode, commodityCode, period, sourceId } },
        create: { ...data, createdBy: actor, updatedBy: actor },
        update: { ...data, updatedBy: actor },
      });
    },
    CONSTRAINTS,
  );
  return { exportRecord: value && toExportRecord(value), userErrors };
}

export async function deleteExportRecord(db: Database, id: string): Promise<DeleteExportRecordPayload> {
  const { value, userErrors } = await mutate(db, async (tx, errors) => {
    const key = errors.id(["id"], "ExportRecord", id);
    if (key === undefined) return null;
    const { count } = await tx.exportRecord.deleteMany({ where: { id: key } });
    if (count === 0) errors.add(["id"], UserErrorCode.NOT_FOUND, notFound(id));
    return toGlobalId("ExportRecord", key);
  });
  return { deletedId: value, userErrors };
}
