import { ISO_COUNTRIES } from "@tradegraph/domain";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { prismaRun, writeExportRecords } from "../sql/export-records";
import { commodityTable, countryTable, hsSectionTable, sourceTable } from "../sql/tables";
import { ARTICLE_EXPORTS, ARTICLE_MEETING, ARTICLE_REPORT, ARTICLE_SOURCE } from "./article";
import { hsNomenclature } from "./commodities";
import { realObservations } from "./observations";

export interface SeedSummary {
  countries: number;
  sections: number;
  commodities: number;
  exportRecords: number;
  /** Sources of data/real-observations.csv and their rows (counted in `exportRecords` too). */
  observationSources: number;
  observations: number;
  meetings: number;
  reports: number;
}

const SEED_ACTOR = "seed";
/** The country columns ISO_COUNTRIES holds (its records use the same keys). */
const COUNTRY_KEYS = ["code", "alpha3", "numeric", "name", "officialName", "region", "subregion"] as const;
const SECTION_KEYS = ["code", "position", "name"] as const;
const COMMODITY_KEYS = ["hsCode", "description", "level", "parentCode", "sectionCode"] as const;

/**
 * One statement that inserts the rows (JSON objects with the keys) into the table, and on a key that exists
 * replaces the other columns only when one differs: a second run writes nothing.
 */
function upsertAll<K extends string>(
  table: { name: string; nameOf(key: K): string; names(keys: readonly K[]): string; spec: Record<K, { type: string }> },
  keys: readonly K[],
  rows: readonly object[],
): Prisma.Sql {
  const [key, ...rest] = keys;
  const replaced = rest.map((k) => table.nameOf(k));
  const updatedAt = (table as { nameOf(key: string): string }).nameOf("updatedAt");
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(table.name)} (${Prisma.raw(table.names(keys))})
    SELECT ${Prisma.raw(keys.map((k) => `"${k}"`).join(", "))}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${Prisma.raw(keys.map((k) => `"${k}" ${table.spec[k].type}`).join(", "))})
    ON CONFLICT (${Prisma.raw(table.nameOf(key!))}) DO UPDATE SET
      ${Prisma.raw(replaced.map((name) => `${name} = EXCLUDED.${name}`).join(", "))}, ${Prisma.raw(updatedAt)} = now()
    WHERE (${Prisma.raw(replaced.map((name) => `${table.name}.${name}`).join(", "))})
      IS DISTINCT FROM (${Prisma.raw(replaced.map((name) => `EXCLUDED.${name}`).join(", "))})`;
}

/**
 * Whether the reference data is complete: every country and every code of the HS nomenclature (a database
 * seeded before the full nomenclature has only a few headings). Two counts.
 */
export async function hasReferenceData(prisma: PrismaClient): Promise<boolean> {
  const [countries, commodities] = await Promise.all([prisma.country.count(), prisma.commodity.count()]);
  return countries >= ISO_COUNTRIES.length && commodities >= hsNomenclature().commodities.length;
}

const SOURCE_KEYS = ["publisher", "title", "url", "publishedOn", "retrievalNote"] as const;
type SeededSource = { publisher: string; title: string; url: string | null; publishedOn: Date | null; retrievalNote: string | null };

/**
 * Creates the sources, or replaces a source's url, date and note only when one differs (a second run rewrites
 * none), and returns their ids by "publisher\ttitle". Two statements.
 */
async function upsertSources(tx: Prisma.TransactionClient, list: readonly SeededSource[]): Promise<Map<string, number>> {
  const [publisher, title] = [sourceTable.nameOf("publisher"), sourceTable.nameOf("title")];
  const replaced = SOURCE_KEYS.slice(2).map((key) => sourceTable.nameOf(key));
  const [createdBy, updatedBy, updatedAt] = (["createdBy", "updatedBy", "updatedAt"] as const).map((key) => sourceTable.nameOf(key));
  const rows = list.map((source) => ({ ...source, publishedOn: source.publishedOn?.toISOString().slice(0, 10) ?? null }));
  await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(sourceTable.name)} (${Prisma.raw(sourceTable.names(SOURCE_KEYS))}, ${Prisma.raw(`${createdBy}, ${updatedBy}`)})
    SELECT ${Prisma.raw(SOURCE_KEYS.map((key) => `"${key}"`).join(", "))}, ${SEED_ACTOR}, ${SEED_ACTOR}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS s(${Prisma.raw(SOURCE_KEYS.map((key) => `"${key}" ${sourceTable.spec[key].type}`).join(", "))})
    ON CONFLICT (${Prisma.raw(`${publisher}, ${title}`)}) DO UPDATE SET
      ${Prisma.raw(replaced.map((name) => `${name} = EXCLUDED.${name}`).join(", "))}, ${Prisma.raw(`${updatedAt} = now(), ${updatedBy} = EXCLUDED.${updatedBy}`)}
    WHERE (${Prisma.raw(replaced.map((name) => `${sourceTable.name}.${name}`).join(", "))})
      IS DISTINCT FROM (${Prisma.raw(replaced.map((name) => `EXCLUDED.${name}`).join(", "))})`;
  const ids = await tx.$queryRaw<Array<{ id: number; publisher: string; title: string }>>`
    SELECT id, ${Prisma.raw(publisher)} AS publisher, ${Prisma.raw(title)} AS title FROM ${Prisma.raw(sourceTable.name)}
    WHERE (${Prisma.raw(publisher)}, ${Prisma.raw(title)}) IN (SELECT * FROM unnest(${list.map((s) => s.publisher)}::text[], ${list.map((s) => s.title)}::text[]))`;
  return new Map(ids.map((row) => [`${row.publisher}\t${row.title}`, row.id]));
}

/**
 * Loads reference data (every ISO 3166-1 country, the HS 2022 nomenclature), the facts of the first story and the
 * published observations of data/real-observations.csv.
 * Idempotent: a second run updates the same rows and adds none. Runs in one transaction.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedSummary> {
  return prisma.$transaction(
    async (tx) => {
      // The API's pool cancels statements past EXECUTION_TIMEOUT_MS; loading ~7,000 codes is not a request.
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      // Every country column but the key is replaced when it differs.
      const columns = countryTable.names(COUNTRY_KEYS);
      const replaced = COUNTRY_KEYS.filter((key) => key !== "code").map((key) => countryTable.nameOf(key));
      await tx.$executeRaw`
        INSERT INTO ${Prisma.raw(countryTable.name)} (${Prisma.raw(columns)})
        SELECT ${Prisma.raw(COUNTRY_KEYS.map((key) => `"${key}"`).join(", "))}
        FROM jsonb_to_recordset(${JSON.stringify(ISO_COUNTRIES)}::jsonb)
          AS c(${Prisma.raw(COUNTRY_KEYS.map((key) => `"${key}" text`).join(", "))})
        ON CONFLICT (${Prisma.raw(countryTable.nameOf("code"))}) DO UPDATE SET
          ${Prisma.raw(replaced.map((name) => `${name} = EXCLUDED.${name}`).join(", "))}, ${Prisma.raw(countryTable.nameOf("updatedAt"))} = now()
        WHERE (${Prisma.raw(replaced.map((name) => `${countryTable.name}.${name}`).join(", "))})
          IS DISTINCT FROM (${Prisma.raw(replaced.map((name) => `EXCLUDED.${name}`).join(", "))})`;

      // The HS nomenclature: one statement for the sections, one for every chapter, heading and subheading (a
      // row's parent may come later in the same statement: foreign keys are checked at its end).
      const { sections, commodities } = hsNomenclature();
      await tx.$executeRaw(upsertAll(hsSectionTable, SECTION_KEYS, sections));
      await tx.$executeRaw(upsertAll(commodityTable, COMMODITY_KEYS, commodities));

      // The article and the publications of data/real-observations.csv, one source each.
      const publications = realObservations();
      const sourceIds = await upsertSources(tx, [ARTICLE_SOURCE, ...publications]);
      const source = { id: sourceIds.get(`${ARTICLE_SOURCE.publisher}\t${ARTICLE_SOURCE.title}`)! };

      const exportRecords = ARTICLE_EXPORTS.map((record) => ({
        exporterCode: record.exporter,
        importerCode: record.importer,
        commodityCode: record.commodity,
        // The article's figures are Azerbaijan's own monthly report of its exports.
        frequency: "MONTHLY",
        period: record.period,
        reporterCode: record.exporter,
        flow: "EXPORT",
        quantityTonnes: record.quantityTonnes,
        valueUsd: record.valueUsd,
        quantityApproximate: record.quantityApproximate,
        valueApproximate: record.valueApproximate,
        quantityEstimated: false,
        valueEstimated: false,
        reportedRank: record.reportedRank,
      }));
      await writeExportRecords(prismaRun(tx), exportRecords, { mode: "upsert", sourceId: source.id, actor: SEED_ACTOR });
      // The published observations: one statement per publication.
      let observations = 0;
      for (const publication of publications) {
        const sourceId = sourceIds.get(`${publication.publisher}\t${publication.title}`)!;
        await writeExportRecords(prismaRun(tx), publication.records, { mode: "upsert", sourceId, actor: SEED_ACTOR });
        observations += publication.records.length;
      }

      const meeting = {
        title: ARTICLE_MEETING.title,
        event: ARTICLE_MEETING.event,
        place: ARTICLE_MEETING.place,
        startDate: new Date(ARTICLE_MEETING.startDate),
        endDate: new Date(ARTICLE_MEETING.endDate),
        topics: [...ARTICLE_MEETING.topics],
        summary: ARTICLE_MEETING.summary,
        participants: {
          create: ARTICLE_MEETING.participants.map((p, position) => ({
            position,
            person: p.person,
            role: p.role,
            countryCode: p.country,
          })),
        },
      };
      const existingMeeting = await tx.meeting.findFirst({ where: { sourceId: source.id, title: meeting.title } });
      if (existingMeeting) {
        await tx.meetingParticipant.deleteMany({ where: { meetingId: existingMeeting.id } });
        await tx.meeting.update({ where: { id: existingMeeting.id }, data: meeting });
      } else {
        await tx.meeting.create({ data: { ...meeting, sourceId: source.id, createdBy: SEED_ACTOR, updatedBy: SEED_ACTOR } });
      }

      const report = {
        title: ARTICLE_REPORT.title,
        publisher: ARTICLE_REPORT.publisher,
        publisherCountryCode: ARTICLE_REPORT.publisherCountry,
        publishedOn: ARTICLE_REPORT.publishedOn,
        topics: [...ARTICLE_REPORT.topics],
        subjects: { create: ARTICLE_REPORT.subjectCountries.map((countryCode) => ({ countryCode })) },
        findings: { create: ARTICLE_REPORT.findings.map((f, position) => ({ position, text: f.text, isQuote: f.isQuote })) },
      };
      const existingReport = await tx.report.findFirst({ where: { sourceId: source.id, title: report.title } });
      if (existingReport) {
        await tx.reportSubject.deleteMany({ where: { reportId: existingReport.id } });
        await tx.reportFinding.deleteMany({ where: { reportId: existingReport.id } });
        await tx.report.update({ where: { id: existingReport.id }, data: report });
      } else {
        await tx.report.create({ data: { ...report, sourceId: source.id, createdBy: SEED_ACTOR, updatedBy: SEED_ACTOR } });
      }

      return {
        countries: ISO_COUNTRIES.length,
        sections: sections.length,
        commodities: commodities.length,
        exportRecords: ARTICLE_EXPORTS.length + observations,
        observationSources: publications.length,
        observations,
        meetings: 1,
        reports: 1,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
