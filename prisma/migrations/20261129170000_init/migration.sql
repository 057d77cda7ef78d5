-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_on" DATE,
    "url" TEXT,
    "retrieval_note" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "country" (
    "code" CHAR(2) NOT NULL,
    "alpha3" CHAR(3) NOT NULL,
    "numeric" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "official_name" TEXT NOT NULL,
    "region" TEXT,
    "subregion" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "commodity" (
    "hs_code" VARCHAR(6) NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commodity_pkey" PRIMARY KEY ("hs_code")
);

-- CreateTable
CREATE TABLE "export_record" (
    "id" SERIAL NOT NULL,
    "exporter_code" CHAR(2) NOT NULL,
    "importer_code" CHAR(2) NOT NULL,
    "commodity_code" VARCHAR(6) NOT NULL,
    "period" DATE NOT NULL,
    "quantity_tonnes" DECIMAL(18,3),
    "value_usd" DECIMAL(18,2),
    "quantity_approximate" BOOLEAN NOT NULL DEFAULT false,
    "value_approximate" BOOLEAN NOT NULL DEFAULT false,
    "quantity_estimated" BOOLEAN NOT NULL DEFAULT false,
    "value_estimated" BOOLEAN NOT NULL DEFAULT false,
    "reported_rank" INTEGER,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "export_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "event" TEXT,
    "place" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "topics" TEXT[],
    "summary" TEXT,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_participant" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "person" TEXT NOT NULL,
    "role" TEXT,
    "country_code" CHAR(2),

    CONSTRAINT "meeting_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publisher_country_code" CHAR(2),
    "published_on" DATE,
    "topics" TEXT[],
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_subject" (
    "report_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,

    CONSTRAINT "report_subject_pkey" PRIMARY KEY ("report_id","country_code")
);

-- CreateTable
CREATE TABLE "report_finding" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "is_quote" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "report_finding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "source_publisher_title_key" ON "source"("publisher", "title");

-- CreateIndex
CREATE UNIQUE INDEX "country_alpha3_key" ON "country"("alpha3");

-- CreateIndex
CREATE UNIQUE INDEX "country_numeric_key" ON "country"("numeric");

-- CreateIndex
CREATE INDEX "country_region_idx" ON "country"("region");

-- CreateIndex
CREATE INDEX "export_record_exporter_code_period_idx" ON "export_record"("exporter_code", "period");

-- CreateIndex
CREATE INDEX "export_record_importer_code_period_idx" ON "export_record"("importer_code", "period");

-- CreateIndex
CREATE INDEX "export_record_commodity_code_period_idx" ON "export_record"("commodity_code", "period");

-- CreateIndex
CREATE INDEX "export_record_source_id_idx" ON "export_record"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "export_record_natural_key" ON "export_record"("exporter_code", "importer_code", "commodity_code", "period", "source_id");

-- CreateIndex
CREATE INDEX "meeting_start_date_idx" ON "meeting"("start_date");

-- CreateIndex
CREATE INDEX "meeting_source_id_idx" ON "meeting"("source_id");

-- CreateIndex
CREATE INDEX "meeting_participant_country_code_idx" ON "meeting_participant"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_participant_meeting_id_position_key" ON "meeting_participant"("meeting_id", "position");

-- CreateIndex
CREATE INDEX "report_publisher_country_code_idx" ON "report"("publisher_country_code");

-- CreateIndex
CREATE INDEX "report_published_on_idx" ON "report"("published_on");

-- CreateIndex
CREATE INDEX "report_source_id_idx" ON "report"("source_id");

-- CreateIndex
CREATE INDEX "report_subject_country_code_idx" ON "report_subject"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "report_finding_report_id_position_key" ON "report_finding"("report_id", "position");

-- AddForeignKey
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_exporter_code_fkey" FOREIGN KEY ("exporter_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_importer_code_fkey" FOREIGN KEY ("importer_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_commodity_code_fkey" FOREIGN KEY ("commodity_code") REFERENCES "commodity"("hs_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_record" ADD CONSTRAINT "export_record_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_publisher_country_code_fkey" FOREIGN KEY ("publisher_country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_subject" ADD CONSTRAINT "report_subject_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_subject" ADD CONSTRAINT "report_subject_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_finding" ADD CONSTRAINT "report_finding_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Domain rules, enforced again by the database (Prisma's schema language has no CHECK constraints).
ALTER TABLE "export_record"
    ADD CONSTRAINT "export_record_quantity_non_negative" CHECK ("quantity_tonnes" >= 0),
    ADD CONSTRAINT "export_record_value_non_negative" CHECK ("value_usd" >= 0),
    ADD CONSTRAINT "export_record_period_is_month" CHECK ("period" = date_trunc('month', "period")::date),
    ADD CONSTRAINT "export_record_rank_positive" CHECK ("reported_rank" >= 1),
    ADD CONSTRAINT "export_record_distinct_countries" CHECK ("exporter_code" <> "importer_code");

ALTER TABLE "meeting"
    ADD CONSTRAINT "meeting_dates_ordered" CHECK ("end_date" >= "start_date");
