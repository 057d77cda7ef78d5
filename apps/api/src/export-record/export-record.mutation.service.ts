import { Prisma, type Database } from "@tradegraph/db";
import { exportRecordTable, exportRecordValues, prismaRun, writeExportRecords, type ExportRecordRow, type ExportRecordValues, type WriteMode } from "@tradegraph/db/sql";
import {
  parseAmount,
  parseCountryCode,
  parseCurrency,
  parseHsCode,
  parseObservationPeriod,
  parseSupplementaryQuantity,
  parseTonnes,
  parseUnit,
  parseUsd,
  reporterOf,
  storableTonnes,
  storableUsd,
  type Frequency,
  type TradeFlow,
} from "@tradegraph/domain";
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

/** What an input sets: the written columns and the cited source. */
type ExportRecordColumns = ExportRecordValues & { sourceId: number };

const FLAGS = ["quantityApproximate", "valueApproximate", "quantityEstimated", "valueEstimated", "supplementaryQuantityEstimated"] as const;

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
  current: ExportRecordRow | null,
): Promise<Partial<ExportRecordColumns> | null>;
async function parseExportRecordInput(
  tx: Tx,
  input: UpdateExportRecordInput,
  errors: UserErrors,
  current?: ExportRecordRow | null,
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
  // Frequency and period are checked together; on an update the stored ones fill in what is omitted.
  const frequency = (input.frequency ?? current?.frequency ?? "MONTHLY") as Frequency;
  if (input.frequency != null) data.frequency = input.frequency;
  else if (creating) data.frequency = frequency;
  if (input.period != null || (input.frequency != null && current)) {
    const period = input.period ?? current!.period;
    data.period = errors.parse(at(input.period != null ? "period" : "frequency"), () => parseObservationPeriod(period, frequency));
  }
  if (input.flow != null) data.flow = input.flow;
  else if (creating) data.flow = "EXPORT";
  if (input.source != null) data.sourceId = await citedSourceKey(tx, errors, at("source"), input.source);

  if (input.quantityTonnes != null) {
    data.quantityTonnes = errors.parse(at("quantityTonnes"), () => storableTonnes(parseTonnes(input.quantityTonnes!)));
  } else if (input.quantityTonnes === null || creating) data.quantityTonnes = null;
  parseStatedValue(input, errors, data, current);
  if (input.reportedRank != null) {
    if (input.reportedRank < 1) errors.add(at("reportedRank"), UserErrorCode.INVALID_RANK, `A rank starts at 1, got ${input.reportedRank}.`);
    data.reportedRank = input.reportedRank;
  } else if (input.reportedRank === null || creating) data.reportedRank = null;
  for (const flag of FLAGS) {
    if (input[flag] != null) data[flag] = input[flag];
    else if (creating) data[flag] = false;
  }

  const exporter = input.exporter != null ? data.exporterCode : current?.exporterCode;
  const importer = input.importer != null ? data.importerCode : current?.importerCode;
  if (exporter && exporter === importer) {
    errors.add(at(input.importer != null ? "importer" : "exporter"), UserErrorCode.SAME_COUNTRY, `Exporter and importer are both ${exporter}.`);
  }
  // The reporter is the side that declares the flow.
  const flow = (data.flow ?? current?.flow) as TradeFlow | undefined;
  if (exporter && importer && flow) data.reporterCode = reporterOf(flow, exporter, importer);
  return errors.any ? null : data;
}

/** A figure of the input: undefined when omitted, null when cleared, else the parsed number (undefined after an error). */
function figure(input: UpdateExportRecordInput, key: "valueUsd" | "value" | "cifValue" | "fobValue" | "supplementaryQuantity", errors: UserErrors, parse: (n: number) => number) {
  const given = input[key];
  if (given == null) return given;
  return errors.parse(["input", key], () => parse(given)) ?? null;
}

/**
 * The value in its currency, the CIF and FOB values and the supplementary quantity with its unit. On a USD record
 * `value` and `valueUsd` are one figure (either may be given; both only when equal); a record in another currency
 * states `value` and has no `valueUsd`. On an update omitted fields keep the stored ones.
 */
function parseStatedValue(input: UpdateExportRecordInput, errors: UserErrors, data: Partial<ExportRecordColumns>, current?: ExportRecordRow | null): void {
  const at = (name: string): FieldPath => ["input", name];
  const creating = current === undefined;
  const currency = input.currency != null ? (errors.parse(at("currency"), () => parseCurrency(input.currency!)) ?? "USD") : (current?.currency ?? "USD");
  const usd = figure(input, "valueUsd", errors, (n) => storableUsd(parseUsd(n)));
  const value = figure(input, "value", errors, (n) => storableUsd(parseAmount(n, "Value")));
  const stored = current ? (current.value ?? (current.currency === "USD" ? current.valueUsd : null)) : null;
  let stated: number | null;
  if (currency === "USD") {
    if (usd !== undefined && value !== undefined && usd !== value) {
      errors.add(at("value"), UserErrorCode.VALUE_MISMATCH, `value ${value} and valueUsd ${usd} differ; in USD they are one figure (give either).`);
    }
    stated = usd !== undefined ? usd : value !== undefined ? value : stored;
  } else {
    if (usd != null) {
      errors.add(
        at("valueUsd"),
        UserErrorCode.CURRENCY_MISMATCH,
        `valueUsd is a US-dollar figure but the record's currency is ${currency}: give the ${currency} amount in value (no conversion is made).`,
      );
    }
    stated = value !== undefined ? value : stored;
  }
  Object.assign(data, { currency, value: stated, valueUsd: currency === "USD" ? stated : null });

  const cif = figure(input, "cifValue", errors, (n) => storableUsd(parseAmount(n, "CIF value")));
  if (cif !== undefined || creating) data.cifValue = cif ?? null;
  const fob = figure(input, "fobValue", errors, (n) => storableUsd(parseAmount(n, "FOB value")));
  if (fob !== undefined || creating) data.fobValue = fob ?? null;

  const before = errors.list.length;
  const quantity = figure(input, "supplementaryQuantity", errors, parseSupplementaryQuantity);
  if (quantity !== undefined || creating) data.supplementaryQuantity = quantity ?? null;
  if (input.supplementaryUnit != null) data.supplementaryUnit = errors.parse(at("supplementaryUnit"), () => parseUnit(input.supplementaryUnit!)) ?? null;
  else if (input.supplementaryUnit === null || creating) data.supplementaryUnit = null;
  const hasQuantity = (data.supplementaryQuantity !== undefined ? data.supplementaryQuantity : current?.supplementaryQuantity) != null;
  const hasUnit = (data.supplementaryUnit !== undefined ? data.supplementaryUnit : current?.supplementaryUnit) != null;
  if (errors.list.length > before) return;
  if (hasQuantity && !hasUnit) {
    errors.add(at("supplementaryUnit"), UserErrorCode.MISSING_UNIT, "A supplementary quantity needs its unit (u, l, m², …) in supplementaryUnit.");
  } else if (hasUnit && !hasQuantity) {
    errors.add(at("supplementaryUnit"), UserErrorCode.UNIT_WITHOUT_QUANTITY, "supplementaryUnit is given without a supplementaryQuantity.");
  }
}

/** The stored record, decoded like every read of export_record. */
async function storedExportRecord(tx: Tx, key: number): Promise<ExportRecordRow | null> {
  const id = exportRecordTable.column("er", "id");
  const [row] = await tx.$queryRaw<Array<Record<string, unknown>>>(
    Prisma.sql`SELECT ${exportRecordTable.columns("er")} FROM ${exportRecordTable.from("er")} WHERE ${id} = ${key}`,
  );
  return row ? exportRecordTable.decode(row) : null;
}

/** Writes one record through the shared writer (limits, natural key, change detection, who-columns) and returns it as stored. */
async function writeOne(tx: Tx, actor: string, { sourceId, ...values }: ExportRecordColumns, mode: WriteMode, id?: number): Promise<ExportRecordRow | null> {
  const { rows } = await writeExportRecords(prismaRun(tx), [values], { mode, sourceId, actor, id, returning: true });
  return rows[0] ?? null;
}

const CONSTRAINTS: ConstraintErrors = {
  P2002: userError(
    ["input"],
    UserErrorCode.DUPLICATE,
    "An export record with this exporter, importer, commodity, frequency, period, flow and source already exists; upsertExportRecord updates it.",
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
      return data && writeOne(tx, actor, data, "insert");
    },
    CONSTRAINTS,
  );
  return { exportRecord: value && toExportRecord(value), userErrors };
}

export async function updateExportRecord(db: Database, actor: string, id: string, input: UpdateExportRecordInput): Promise<UpdateExportRecordPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const current = await findById(errors, ["id"], "ExportRecord", id, (key) => storedExportRecord(tx, key));
      const data = await parseExportRecordInput(tx, input, errors, current);
      if (!data || !current) return null;
      const written = await writeOne(tx, actor, { ...exportRecordValues(current), sourceId: current.sourceId, ...data }, "update", current.id);
      // Deleted meanwhile.
      if (!written) errors.add(["id"], UserErrorCode.NOT_FOUND, notFound(id));
      return written;
    },
    CONSTRAINTS,
  );
  return { exportRecord: value && toExportRecord(value), userErrors };
}

/**
 * Creates the record with the input's natural key, or replaces that record's figures and flags with the input's
 * (rewriting it, and recording the editor, only when they differ).
 */
export async function upsertExportRecord(db: Database, actor: string, input: ExportRecordInput): Promise<UpsertExportRecordPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const data = await parseExportRecordInput(tx, input, errors);
      return data && writeOne(tx, actor, data, "upsert");
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
