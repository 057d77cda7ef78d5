-- The natural key ordered (exporter, period, …) so that it also serves the exporter + period lookups, instead of a
-- second index with the same prefix: one index fewer to maintain per written row (docs/import.md, "Schema for scale").

-- DropIndex
DROP INDEX "export_record_exporter_code_period_idx";

-- DropIndex
DROP INDEX "export_record_natural_key";

-- CreateIndex
CREATE UNIQUE INDEX "export_record_natural_key" ON "export_record"("exporter_code", "period", "importer_code", "commodity_code", "frequency", "reporter_code", "flow", "source_id");

