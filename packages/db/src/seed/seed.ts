import { ISO_COUNTRIES, periodToDate } from "@tradegraph/domain";
import type { PrismaClient } from "../generated/prisma/client";
import { ARTICLE_EXPORTS, ARTICLE_MEETING, ARTICLE_REPORT, ARTICLE_SOURCE } from "./article";
import { COMMODITIES } from "./commodities";

export interface SeedSummary {
  countries: number;
  commodities: number;
  exportRecords: number;
  meetings: number;
  reports: number;
}

const SEED_ACTOR = "seed";

/**
 * Loads reference data (every ISO 3166-1 country, the HS headings) and the facts of the first story.
 * Idempotent: a second run updates the same rows and adds none. Runs in one transaction.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedSummary> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO country (code, alpha3, numeric, name, official_name, region, subregion)
        SELECT code, alpha3, "numeric", name, "officialName", region, subregion
        FROM jsonb_to_recordset(${JSON.stringify(ISO_COUNTRIES)}::jsonb)
          AS c(code text, alpha3 text, "numeric" text, name text, "officialName" text, region text, subregion text)
        ON CONFLICT (code) DO UPDATE SET
          alpha3 = EXCLUDED.alpha3, "numeric" = EXCLUDED."numeric", name = EXCLUDED.name,
          official_name = EXCLUDED.official_name, region = EXCLUDED.region, subregion = EXCLUDED.subregion,
          updated_at = now()
        WHERE (country.alpha3, country."numeric", country.name, country.official_name, country.region, country.subregion)
          IS DISTINCT FROM (EXCLUDED.alpha3, EXCLUDED."numeric", EXCLUDED.name, EXCLUDED.official_name, EXCLUDED.region, EXCLUDED.subregion)`;

      for (const commodity of COMMODITIES) {
        await tx.commodity.upsert({
          where: { hsCode: commodity.hsCode },
          create: commodity,
          update: { description: commodity.description },
        });
      }

      const source = await tx.source.upsert({
        where: { publisher_title: { publisher: ARTICLE_SOURCE.publisher, title: ARTICLE_SOURCE.title } },
        create: { ...ARTICLE_SOURCE, createdBy: SEED_ACTOR, updatedBy: SEED_ACTOR },
        update: { url: ARTICLE_SOURCE.url, retrievalNote: ARTICLE_SOURCE.retrievalNote, publishedOn: ARTICLE_SOURCE.publishedOn },
      });

      for (const record of ARTICLE_EXPORTS) {
        const naturalKey = {
          exporterCode: record.exporter,
          importerCode: record.importer,
          commodityCode: record.commodity,
          period: periodToDate(record.period),
          sourceId: source.id,
        };
        const figures = {
          quantityTonnes: record.quantityTonnes,
          valueUsd: record.valueUsd,
          quantityApproximate: record.quantityApproximate,
          valueApproximate: record.valueApproximate,
          reportedRank: record.reportedRank,
        };
        await tx.exportRecord.upsert({
          where: { naturalKey },
          create: { ...naturalKey, ...figures, createdBy: SEED_ACTOR, updatedBy: SEED_ACTOR },
          update: figures,
        });
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
        commodities: COMMODITIES.length,
        exportRecords: ARTICLE_EXPORTS.length,
        meetings: 1,
        reports: 1,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
