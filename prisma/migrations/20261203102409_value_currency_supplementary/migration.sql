-- The value as the source states it, in its currency, the CIF and FOB values, and the supplementary quantity
-- with its unit. Existing rows carry over as USD figures (value = value_usd). value_usd stays the USD figure
-- (value when the currency is USD, else NULL), so USD totals never add another currency.
-- (No semicolons in comments: the migration is split into statements at each one.)

-- AlterTable
ALTER TABLE "export_record" ADD COLUMN     "cif_value" DECIMAL(18,2),
ADD COLUMN     "currency" CHAR(3) NOT NULL DEFAULT 'USD',
ADD COLUMN     "fob_value" DECIMAL(18,2),
ADD COLUMN     "supplementary_quantity" DECIMAL(18,3),
ADD COLUMN     "supplementary_quantity_estimated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supplementary_unit" VARCHAR(16),
ADD COLUMN     "value" DECIMAL(18,2);

UPDATE "export_record" SET "value" = "value_usd" WHERE "value_usd" IS NOT NULL;

ALTER TABLE "export_record" ADD CONSTRAINT "export_record_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');

-- A USD row's value is its value_usd (or NULL, written by a client that gives value_usd alone). Another
-- currency's row has no value_usd: no conversion is invented.
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_value_usd_check"
  CHECK (CASE WHEN "currency" = 'USD' THEN "value" IS NULL OR "value" IS NOT DISTINCT FROM "value_usd" ELSE "value_usd" IS NULL END);

ALTER TABLE "export_record" ADD CONSTRAINT "export_record_values_not_negative"
  CHECK ("value" >= 0 AND "cif_value" >= 0 AND "fob_value" >= 0 AND "supplementary_quantity" >= 0);

ALTER TABLE "export_record" ADD CONSTRAINT "export_record_supplementary_unit_check"
  CHECK ("supplementary_quantity" IS NULL OR "supplementary_unit" IS NOT NULL);
