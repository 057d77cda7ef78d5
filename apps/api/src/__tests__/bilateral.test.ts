import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
const MUNICH = "Meeting of Presidents Isaac Herzog and Ilham Aliyev";
const DIASPORA = "Report on the state of antisemitism in the world";

/** Every part of a bilateral, nested as deep as a client would go. */
const FULL = `
  a { code } b { code } from to
  aToB { ...direction } bToA { ...direction }
  meetings { title startDate participants { person country { code } } source { title } }
  reports { title publishedOn subjectCountries { code } findings { isQuote } }
  timeline {
    date kind
    item {
      __typename
      ... on TradeMonth { period exporter { code } importer { code } quantityTonnes valueUsd records }
      ... on Meeting { title countries { code } }
      ... on Report { title publisherCountry { code } }
    }
  }`;
const DIRECTION = `fragment direction on TradeDirection {
  exporter { code } importer { code } quantityTonnes valueUsd records
  byCommodity { commodity { hsCode } quantityTonnes valueUsd unitPriceUsdPerTonne records }
  series { bucket quantityTonnes valueUsd records }
}`;

interface TimelineEntry {
  date: string | null;
  kind: string;
  item: { __typename: string; title?: string; exporter?: { code: string }; importer?: { code: string } };
}
interface Pair {
  bilateral: {
    from: string | null;
    to: string | null;
    aToB: Record<string, unknown>;
    bToA: { byCommodity: Array<{ unitPriceUsdPerTonne: number | null }> } & Record<string, unknown>;
    meetings: Array<{ title: string }>;
    reports: Array<{ title: string }>;
    timeline: TimelineEntry[];
  };
}

const bilateral = (args: string, fields = FULL) => server.gql<Pair>(`{ bilateral(${args}) { ${fields} } } ${fields === FULL ? DIRECTION : ""}`);

beforeAll(async () => {
  server = await startTestServer();
  // A synthetic France–Germany story: trade both ways over three months, meetings and reports around it.
  const { prisma } = server.db;
  const source = await prisma.source.create({ data: { publisher: "tradegraph tests", title: "Synthetic bilateral", synthetic: true } });
  const flows: Array<[string, string, string, string, number | null, number]> = [
    ["FR", "DE", "2710", "2023-11-01", 1000, 800_000],
    ["DE", "FR", "2701", "2023-12-01", 200, 30_000],
    ["FR", "DE", "2710", "2024-01-01", 500, 400_000],
    ["FR", "DE", "2711", "2024-01-01", null, 250_000],
    ["FR", "IT", "2710", "2024-02-01", 999, 999_999], // another pair: never counted
  ];
  for (const [exporterCode, importerCode, commodityCode, period, quantityTonnes, valueUsd] of flows) {
    await prisma.exportRecord.create({
      data: { exporterCode, importerCode, reporterCode: exporterCode, commodityCode, period: new Date(`${period}T00:00:00Z`), quantityTonnes, valueUsd, sourceId: source.id },
    });
  }
  const meetings: Array<[string, string, string[]]> = [
    ["Franco-German meeting 2022", "2022-06-01", ["FR", "DE"]],
    ["Franco-German meeting December", "2023-12-01", ["DE", "FR"]],
    ["Franco-German meeting January", "2024-01-15", ["FR", "DE", "IT"]],
    ["French meeting alone", "2024-01-10", ["FR", "IT"]],
  ];
  for (const [title, day, countries] of meetings) {
    await prisma.meeting.create({
      data: {
        title,
        startDate: new Date(`${day}T00:00:00Z`),
        topics: [],
        sourceId: source.id,
        participants: { create: countries.map((countryCode, position) => ({ position, person: `Delegate of ${countryCode}`, countryCode })) },
      },
    });
  }
  const reports: Array<[string, string | null, string[]]> = [
    ["Franco-German report", "2024-01-20", ["DE", "FR"]],
    ["Undated Franco-German report", null, ["FR", "DE", "IT"]],
    ["French report", "2024-01-05", ["FR"]],
  ];
  for (const [title, day, subjects] of reports) {
    await prisma.report.create({
      data: {
        title,
        publisher: "Test Institute",
        publishedOn: day ? new Date(`${day}T00:00:00Z`) : null,
        topics: [],
        sourceId: source.id,
        subjects: { create: subjects.map((countryCode) => ({ countryCode })) },
      },
    });
  }
}, 120_000);
afterAll(() => server?.close());

describe("bilateral: the article's pair", () => {
  it("holds the January 2024 crude trade, the Munich meeting and the Diaspora Ministry report, IL first", async () => {
    const { body } = await bilateral(`a: "IL", b: "AZ"`);
    expect(body.errors).toBeUndefined();
    const pair = body.data!.bilateral;
    expect(pair).toMatchObject({ a: { code: "IL" }, b: { code: "AZ" }, from: "2024-01", to: "2024-01" });
    // Israel bought from Azerbaijan: the flow is b → a.
    expect(pair.aToB).toEqual({
      exporter: { code: "IL" },
      importer: { code: "AZ" },
      quantityTonnes: null,
      valueUsd: null,
      records: 0,
      byCommodity: [],
      series: [{ bucket: "2024-01", quantityTonnes: null, valueUsd: null, records: 0 }],
    });
    expect(pair.bToA).toMatchObject({
      exporter: { code: "AZ" },
      importer: { code: "IL" },
      quantityTonnes: 523_500,
      valueUsd: 297_000_000,
      records: 1,
      byCommodity: [{ commodity: { hsCode: "2709" }, quantityTonnes: 523_500, valueUsd: 297_000_000, records: 1 }],
      series: [{ bucket: "2024-01", quantityTonnes: 523_500, valueUsd: 297_000_000, records: 1 }],
    });
    expect(pair.bToA.byCommodity[0]!.unitPriceUsdPerTonne).toBeCloseTo(567.34, 1);
    expect(pair.meetings).toEqual([
      {
        title: MUNICH,
        startDate: "2024-02-16",
        participants: [
          { person: "Isaac Herzog", country: { code: "IL" } },
          { person: "Ilham Aliyev", country: { code: "AZ" } },
        ],
        source: { title: expect.stringMatching(/^Israel becomes Azerbaijan’s leading oil customer/) },
      },
    ]);
    expect(pair.reports).toEqual([{ title: DIASPORA, publishedOn: null, subjectCountries: [{ code: "AM" }, { code: "AZ" }, { code: "IL" }], findings: expect.any(Array) }]);
  });

  it("tells the story in order: the January trade, the February meeting, then the undated report", async () => {
    const { body } = await bilateral(`a: "IL", b: "AZ"`);
    expect(body.data!.bilateral.timeline).toEqual([
      {
        date: "2024-01-01",
        kind: "TRADE",
        item: { __typename: "TradeMonth", period: "2024-01", exporter: { code: "AZ" }, importer: { code: "IL" }, quantityTonnes: 523_500, valueUsd: 297_000_000, records: 1 },
      },
      { date: "2024-02-16", kind: "MEETING", item: { __typename: "Meeting", title: MUNICH, countries: [{ code: "IL" }, { code: "AZ" }] } },
      { date: null, kind: "REPORT", item: { __typename: "Report", title: DIASPORA, publisherCountry: { code: "IL" } } },
    ]);
  });

  it("swaps the directions when the pair is given the other way round, in any case and as alpha-3", async () => {
    const { body } = await bilateral(`a: "aze", b: "isr"`, `a { code } b { code } aToB { valueUsd } bToA { valueUsd records }`);
    expect(body.data!.bilateral).toEqual({ a: { code: "AZ" }, b: { code: "IL" }, aToB: { valueUsd: 297_000_000 }, bToA: { valueUsd: null, records: 0 } });
  });

  it("keeps the empty months of an explicit range in the series, and leaves out meetings outside it", async () => {
    const { body } = await bilateral(`a: "IL", b: "AZ", from: "2023-12", to: "2024-01"`, `from to bToA { records series { bucket records } } meetings { title } reports { title }`);
    expect(body.data!.bilateral).toEqual({
      from: "2023-12",
      to: "2024-01",
      bToA: { records: 1, series: [{ bucket: "2023-12", records: 0 }, { bucket: "2024-01", records: 1 }] },
      meetings: [],
      // Undated reports can't be placed before or after the range, so they stay.
      reports: [{ title: DIASPORA }],
    });
  });

  it("shrinks a defaulted end to the given one rather than reversing the range", async () => {
    const { body } = await bilateral(`a: "IL", b: "AZ", from: "2024-02"`, `from to bToA { records series { bucket } } meetings { title }`);
    expect(body.data!.bilateral).toEqual({ from: "2024-02", to: "2024-02", bToA: { records: 0, series: [{ bucket: "2024-02" }] }, meetings: [{ title: MUNICH }] });
  });
});

describe("bilateral: a busier pair", () => {
  it("totals each direction by commodity and month over the recorded range", async () => {
    const { body } = await bilateral(`a: "FR", b: "DE"`);
    expect(body.errors).toBeUndefined();
    const pair = body.data!.bilateral;
    expect([pair.from, pair.to]).toEqual(["2023-11", "2024-01"]);
    expect(pair.aToB).toEqual({
      exporter: { code: "FR" },
      importer: { code: "DE" },
      quantityTonnes: 1500,
      valueUsd: 1_450_000,
      records: 3,
      byCommodity: [
        { commodity: { hsCode: "2710" }, quantityTonnes: 1500, valueUsd: 1_200_000, unitPriceUsdPerTonne: 800, records: 2 },
        { commodity: { hsCode: "2711" }, quantityTonnes: null, valueUsd: 250_000, unitPriceUsdPerTonne: null, records: 1 },
      ],
      series: [
        { bucket: "2023-11", quantityTonnes: 1000, valueUsd: 800_000, records: 1 },
        { bucket: "2023-12", quantityTonnes: null, valueUsd: null, records: 0 },
        { bucket: "2024-01", quantityTonnes: 500, valueUsd: 650_000, records: 2 },
      ],
    });
    expect(pair.bToA).toMatchObject({ quantityTonnes: 200, valueUsd: 30_000, records: 1, byCommodity: [{ commodity: { hsCode: "2701" } }] });
    expect(pair.meetings.map((m) => m.title)).toEqual(["Franco-German meeting 2022", "Franco-German meeting December", "Franco-German meeting January"]);
    expect(pair.reports.map((r) => r.title)).toEqual(["Franco-German report", "Undated Franco-German report"]);
  });

  it("merges everything into one chronological timeline, trade first on a shared day, undated last", async () => {
    const { body } = await bilateral(`a: "FR", b: "DE"`);
    const timeline = body.data!.bilateral.timeline.map((entry) => {
      const { item } = entry;
      const label = item.__typename === "TradeMonth" ? `${item.exporter!.code}→${item.importer!.code}` : item.title;
      return [entry.date, entry.kind, label];
    });
    expect(timeline).toEqual([
      ["2022-06-01", "MEETING", "Franco-German meeting 2022"],
      ["2023-11-01", "TRADE", "FR→DE"],
      ["2023-12-01", "TRADE", "DE→FR"],
      ["2023-12-01", "MEETING", "Franco-German meeting December"],
      ["2024-01-01", "TRADE", "FR→DE"],
      ["2024-01-15", "MEETING", "Franco-German meeting January"],
      ["2024-01-20", "REPORT", "Franco-German report"],
      [null, "REPORT", "Undated Franco-German report"],
    ]);
  });

  it("applies only the months given to meetings and reports", async () => {
    const { body } = await bilateral(`a: "DE", b: "FR", to: "2023-12"`, `from to meetings { title } reports { title } timeline { kind }`);
    expect(body.data!.bilateral).toMatchObject({
      from: "2023-11",
      to: "2023-12",
      meetings: [{ title: "Franco-German meeting 2022" }, { title: "Franco-German meeting December" }],
      reports: [{ title: "Undated Franco-German report" }],
    });
  });

  it("answers with empty parts for a pair with nothing recorded", async () => {
    const { body } = await bilateral(`a: "JP", b: "BR"`, `from to aToB { quantityTonnes valueUsd records byCommodity { records } series { bucket } } meetings { title } reports { title } timeline { kind }`);
    expect(body.data!.bilateral).toEqual({
      from: null,
      to: null,
      aToB: { quantityTonnes: null, valueUsd: null, records: 0, byCommodity: [], series: [] },
      meetings: [],
      reports: [],
      timeline: [],
    });
  });

  it("runs the same number of SQL statements whatever the amount of data", async () => {
    const small = await bilateral(`a: "IL", b: "AZ"`);
    const large = await bilateral(`a: "FR", b: "DE"`);
    expect(large.body.errors).toBeUndefined();
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it("runs only what the fields asked for need", async () => {
    const { statements } = await bilateral(`a: "FR", b: "DE", from: "2023-11", to: "2024-01"`, `a { code } b { code } meetings { title }`);
    // The meetings (the two countries come from the in-memory reference data).
    expect(statements).toBe(1);
  });

  it("sums both directions by month and by commodity in one statement", async () => {
    const { body, statements } = await server.gql<Pair>(
      `{ bilateral(a: "FR", b: "DE", from: "2023-11", to: "2024-01") {
          a { code } b { code } aToB { ...direction } bToA { ...direction } meetings { title } reports { title } } } ${DIRECTION}`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.bilateral.aToB).toMatchObject({ records: 3, valueUsd: 1_450_000 });
    // Trade (both directions, by month and by commodity), meetings, reports; the countries are in memory.
    expect(statements).toBe(3);
  });
});

describe("bilateral: bad input", () => {
  it.each([
    ["the same country twice", `a: "IL", b: "isr"`, "SAME_COUNTRY", "b"],
    ["a malformed country code", `a: "1", b: "AZ"`, "INVALID_COUNTRY_CODE", "a"],
    ["an unassigned country code", `a: "IL", b: "QQ"`, "UNKNOWN_COUNTRY", "b"],
    ["a malformed month", `a: "IL", b: "AZ", from: "2024-13"`, "INVALID_PERIOD", "from"],
    ["a reversed range", `a: "IL", b: "AZ", from: "2024-02", to: "2024-01"`, "INVALID_PERIOD_RANGE", "from"],
    ["a range over 50 years", `a: "IL", b: "AZ", from: "1950-01", to: "2024-01"`, "BAD_USER_INPUT", "from"],
  ])("rejects %s with a clear code", async (_name, args, code, field) => {
    const { body } = await bilateral(args, `a { code }`);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code, field });
  });
});
