-- Frequency, reporter and flow of each observation. Existing rows carry over as what they were: monthly
-- observations reported by their exporter, flow EXPORT. The natural key gains the three, so both sides of a
-- mirror pair (the exporter's export and the importer's import of one flow) are kept. An annual period is stored
-- as its year's 1 January, so the (…, period) indexes serve both frequencies.

-- CreateEnum
CREATE TYPE "trade_frequency" AS ENUM ('MONTHLY', 'ANNUAL');

-- CreateEnum
CREATE TYPE "trade_flow" AS ENUM ('EXPORT', 'IMPORT', 'RE_EXPORT', 'RE_IMPORT');

-- AlterTable
ALTER TABLE "export_record" ADD COLUMN "frequency" "trade_frequency" NOT NULL DEFAULT 'MONTHLY',
ADD COLUMN "flow" "trade_flow" NOT NULL DEFAULT 'EXPORT',
ADD COLUMN "reporter_code" CHAR(2);

UPDATE "export_record" SET "reporter_code" = "exporter_code";

ALTER TABLE "export_record" ALTER COLUMN "reporter_code" SET NOT NULL;

-- An annual period is its year's 1 January (export_record_period_is_month already holds for both).
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_annual_period_is_year"
  CHECK ("frequency" = 'MONTHLY' OR "period" = date_trunc('year', "period")::date);

-- The reporter is one side of the flow: the exporter for exports and re-exports, the importer otherwise.
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_reporter_check"
  CHECK ("reporter_code" = CASE WHEN "flow" IN ('EXPORT', 'RE_EXPORT') THEN "exporter_code" ELSE "importer_code" END);

-- DropIndex
DROP INDEX "export_record_natural_key";

-- CreateIndex
CREATE UNIQUE INDEX "export_record_natural_key" ON "export_record"("exporter_code", "importer_code", "commodity_code", "frequency", "period", "reporter_code", "flow", "source_id");

-- AddForeignKey
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_reporter_code_fkey" FOREIGN KEY ("reporter_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
