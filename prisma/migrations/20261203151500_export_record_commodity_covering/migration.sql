-- The (commodity, period) index also holds the figures a page of export records sorts and filters by, and the id:
-- such a page picks its ids by an index-only scan and reads only its own rows (docs/benchmarks.md).
-- Prisma's schema cannot state INCLUDE columns: schema.prisma keeps @@index([commodityCode, period]) under the same name.
DROP INDEX "export_record_commodity_code_period_idx";

CREATE INDEX "export_record_commodity_code_period_idx" ON "export_record" ("commodity_code", "period") INCLUDE ("value_usd", "quantity_tonnes", "id");
