import { Prisma } from "../generated/prisma/client";
import { prismaCli } from "../migrate";
import { seedDatabase } from "../seed/seed";
import { createTestDatabase, type TestDatabase } from "../testing";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await db?.destroy();
});

async function rowCounts() {
  const { prisma } = db;
  return {
    countries: await prisma.country.count(),
    commodities: await prisma.commodity.count(),
    sources: await prisma.source.count(),
    exportRecords: await prisma.exportRecord.count(),
    meetings: await prisma.meeting.count(),
    participants: await prisma.meetingParticipant.count(),
    reports: await prisma.report.count(),
    subjects: await prisma.reportSubject.count(),
    findings: await prisma.reportFinding.count(),
  };
}

describe("migrations", () => {
  it("leave migrate status clean", async () => {
    const status = await prismaCli(["migrate", "status"], db.url);
    expect(status).toContain("Database schema is up to date");
  }, 60_000);
});

describe("seed", () => {
  it("loads reference data and the article's facts, and a second run changes no counts", async () => {
    const first = await seedDatabase(db.prisma);
    const afterFirst = await rowCounts();
    await seedDatabase(db.prisma);
    expect(await rowCounts()).toEqual(afterFirst);
    expect(afterFirst).toEqual({
      countries: 249,
      commodities: first.commodities,
      // The article, Isranomics' and ABC.AZ's publications of data/real-observations.csv.
      sources: 3,
      exportRecords: 3 + 14,
      meetings: 1,
      participants: 2,
      reports: 1,
      subjects: 3,
      findings: 3,
    });
  }, 60_000);

  it("reads back the Azerbaijan → Israel crude export of January 2024 exactly", async () => {
    const record = await db.prisma.exportRecord.findFirstOrThrow({
      where: { exporterCode: "AZ", importerCode: "IL", commodityCode: "2709", source: { publisher: "The Jerusalem Post" } },
      include: { source: true, exporter: true, importer: true },
    });
    expect(record.period.toISOString().slice(0, 10)).toBe("2024-01-01");
    expect(record.quantityTonnes?.toString()).toBe("523500");
    expect(record.valueUsd?.toString()).toBe("297000000");
    expect(record).toMatchObject({ valueApproximate: true, quantityApproximate: false, reportedRank: 1 });
    // Azerbaijan's own monthly report of its export.
    expect(record).toMatchObject({ frequency: "MONTHLY", reporterCode: "AZ", flow: "EXPORT" });
    expect(record.exporter.name).toBe("Azerbaijan");
    expect(record.importer.alpha3).toBe("ISR");
    expect(record.source).toMatchObject({ publisher: "The Jerusalem Post", url: null, publishedOn: null, synthetic: false });
  });

  it("keeps buyers named without figures as records with null figures", async () => {
    const others = await db.prisma.exportRecord.findMany({
      where: { exporterCode: "AZ", importerCode: { in: ["TH", "IT"] }, source: { publisher: "The Jerusalem Post" } },
    });
    expect(others).toHaveLength(2);
    for (const record of others) {
      expect(record).toMatchObject({ quantityTonnes: null, valueUsd: null, reportedRank: null });
    }
  });

  it("loads the published observations beside the article: one source per publication, values in their currency", async () => {
    const { rows: sources } = await db.pool.query(
      `SELECT publisher, title, url, to_char(published_on, 'YYYY-MM-DD') AS published, retrieval_note AS note, count(e.id)::int AS records
         FROM source s JOIN export_record e ON e.source_id = s.id WHERE s.publisher <> 'The Jerusalem Post' GROUP BY s.id ORDER BY published`,
    );
    expect(sources).toEqual([
      {
        publisher: "Isranomics",
        title: "Israel Tops Azerbaijan's Oil Export Chart: Insights from Recent Trade Data",
        url: "https://isranomics.com/economy/israel-tops-azerbaijans-oil-export-chart-insights-from-recent-trade-data/",
        published: "2024-02-20",
        note: expect.stringContaining('Note on AZ → IL 2024-01: "data from Baku"; value "approximately"'),
        records: 4,
      },
      {
        publisher: "ABC.AZ (Fineko), citing Eurostat",
        title: "Azerbaijan became main exporter of oil to these countries",
        url: "https://abc.az/en/news/140697/rss_ru.php",
        published: "2024-02-26",
        note: expect.stringContaining("EU member state's import, as compiled by Eurostat; figures rounded in the source"),
        records: 10,
      },
    ]);
    const { rows } = await db.pool.query(
      `SELECT exporter_code || '>' || importer_code AS flow, reporter_code AS reporter, e.flow AS declared, e.frequency, to_char(period, 'YYYY-MM') AS period,
              quantity_tonnes::text AS tonnes, value::text, currency, value_usd::text AS usd, quantity_approximate AS qa, value_approximate AS va, reported_rank AS rank
         FROM export_record e JOIN source s ON s.id = e.source_id WHERE s.publisher <> 'The Jerusalem Post' AND importer_code IN ('IL', 'TR', 'IT', 'RO') ORDER BY e.frequency, importer_code`,
    );
    expect(rows).toEqual([
      // Azerbaijan's own January 2024 exports, in USD, with the ranks the publication states.
      { flow: "AZ>IL", reporter: "AZ", declared: "EXPORT", frequency: "MONTHLY", period: "2024-01", tonnes: "523500.000", value: "297000000.00", currency: "USD", usd: "297000000.00", qa: false, va: true, rank: 1 },
      { flow: "AZ>IT", reporter: "AZ", declared: "EXPORT", frequency: "MONTHLY", period: "2024-01", tonnes: "179200.000", value: "111000000.00", currency: "USD", usd: "111000000.00", qa: false, va: true, rank: 3 },
      { flow: "AZ>TR", reporter: "AZ", declared: "EXPORT", frequency: "MONTHLY", period: "2024-01", tonnes: "5355.000", value: "2780000.00", currency: "USD", usd: "2780000.00", qa: false, va: false, rank: 9 },
      // Eurostat's 2023 imports, reported by the importers, in EUR: no USD figure.
      { flow: "AZ>IT", reporter: "IT", declared: "IMPORT", frequency: "ANNUAL", period: "2023-01", tonnes: "11300000.000", value: "6800000000.00", currency: "EUR", usd: null, qa: true, va: true, rank: null },
      { flow: "AZ>RO", reporter: "RO", declared: "IMPORT", frequency: "ANNUAL", period: "2023-01", tonnes: "435500.000", value: "262200000.00", currency: "EUR", usd: null, qa: false, va: false, rank: null },
    ]);
  });

  it("rewrites no source and no record on a second seed", async () => {
    const versions = async () => (await db.pool.query("SELECT 'e' || id AS id, xmin::text FROM export_record UNION ALL SELECT 's' || id, xmin::text FROM source ORDER BY 1")).rows;
    const before = await versions();
    await seedDatabase(db.prisma);
    expect(await versions()).toEqual(before);
  });

  it("records the Munich meeting and the Diaspora Ministry report with their details", async () => {
    const meeting = await db.prisma.meeting.findFirstOrThrow({ include: { participants: { orderBy: { position: "asc" } } } });
    expect(meeting).toMatchObject({ event: "Munich Security Conference 2024", topics: ["commercial", "economic", "cultural", "humanitarian"] });
    expect(meeting.startDate.toISOString().slice(0, 10)).toBe("2024-02-16");
    expect(meeting.endDate?.toISOString().slice(0, 10)).toBe("2024-02-18");
    expect(meeting.participants.map((p) => [p.person, p.countryCode])).toEqual([
      ["Isaac Herzog", "IL"],
      ["Ilham Aliyev", "AZ"],
    ]);

    const report = await db.prisma.report.findFirstOrThrow({ include: { subjects: true, findings: true } });
    expect(report.publisher).toBe("Diaspora Ministry");
    expect(report.publishedOn).toBeNull();
    expect(report.subjects.map((s) => s.countryCode).sort()).toEqual(["AM", "AZ", "IL"]);
    expect(report.findings.filter((f) => f.isQuote)).toHaveLength(2);
  });
});

describe("constraints", () => {
  const base = { exporterCode: "AZ", importerCode: "IL", commodityCode: "2709", period: new Date("2024-01-01"), reporterCode: "AZ" };

  it("rejects a duplicate natural key", async () => {
    const { id: sourceId } = await db.prisma.source.findFirstOrThrow();
    await expect(db.prisma.exportRecord.create({ data: { ...base, sourceId, quantityTonnes: 1 } })).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it.each([
    ["negative tonnes", { quantityTonnes: new Prisma.Decimal(-1) }],
    ["negative USD", { valueUsd: new Prisma.Decimal(-5) }],
    ["a period that is not a month's first day", { period: new Date("2024-01-15") }],
    ["an exporter trading with itself", { importerCode: "AZ" }],
  ])("rejects %s", async (_case, change) => {
    const source = await db.prisma.source.create({ data: { publisher: "Test", title: `constraint ${Math.random()}` } });
    await expect(
      db.prisma.exportRecord.create({ data: { ...base, importerCode: "TR", ...change, sourceId: source.id } }),
    ).rejects.toThrow(/check constraint|violates/i);
  });

  it("rejects a meeting that ends before it starts", async () => {
    const { id: sourceId } = await db.prisma.source.findFirstOrThrow();
    await expect(
      db.prisma.meeting.create({
        data: { title: "x", startDate: new Date("2024-02-18"), endDate: new Date("2024-02-16"), sourceId },
      }),
    ).rejects.toThrow(/meeting_dates_ordered|check constraint/i);
  });
});
