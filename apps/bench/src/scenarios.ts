/**
 * The five questions asked of every server, each in that server's own idiom (tradegraph's schema, PostGraphile's
 * generated schema with filter and aggregates, the raw floor's JSON endpoints), and the normalisers that turn
 * each server's answer into one canonical shape so that the correctness pass can compare values.
 */
import { competitionRanks, toNumber } from "./stats";

export const SERVERS = ["tradegraph", "postgraphile", "raw"] as const;
export type ServerName = (typeof SERVERS)[number];

export const SCENARIO_IDS = ["S1", "S2", "S3", "S4", "S5"] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Every request is a POST with a JSON body; GraphQL servers get {query, variables}. */
export interface HttpRequest {
  path: string;
  body: string;
}

/** One concrete question (a scenario with its parameters), ready to send to each server and compare. */
export interface Variant {
  label: string;
  request: Record<ServerName, HttpRequest>;
  /** Turns a server's parsed response body into the canonical answer; throws on GraphQL errors. */
  normalise: Record<ServerName, (body: unknown) => unknown>;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  variants: Variant[];
  /** Rows in a canonical answer (records, partners, flows): the parameters come from the data, so 0 is wrong. */
  rowsOf: (answer: Json) => number;
}

/** Parameters picked from the loaded dataset (see dataset.ts). */
export interface BenchParams {
  /** S1: countries whose 20 latest exports are listed. */
  countries: string[];
  /** S2: exporter, commodity and month of the ranking. */
  topPartners: Array<{ exporter: string; commodity: string; period: string }>;
  /** S3: the filter of the 100-row page (commodity, month range, minimum value in USD). */
  page: Array<{ commodity: string; from: string; to: string; minValueUsd: number }>;
  /** S4: country pairs and the month range of their bilateral summary. */
  pairs: Array<{ a: string; b: string; from: string; to: string }>;
  /** S5: export_record ids to look up, with PostGraphile's global id for each (tradegraph's is derived here). */
  records: Array<{ rowId: number; postgraphileId: string }>;
}

// Responses are checked by comparing their canonical forms, so the normalisers read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The `data` of a GraphQL response; throws with the first error's message and code when there are errors. */
export function graphqlData(body: unknown): Json {
  const response = body as { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  if (response?.errors?.length) {
    const [first] = response.errors;
    throw new Error(`GraphQL error${first?.extensions?.code ? ` ${first.extensions.code}` : ""}: ${first?.message}`);
  }
  if (response?.data == null) throw new Error(`No data in response: ${JSON.stringify(body).slice(0, 200)}`);
  return response.data;
}

const graphql = (query: string, variables: Record<string, unknown>): HttpRequest => ({
  path: "/graphql",
  body: JSON.stringify({ query: query.replace(/\s+/g, " ").trim(), variables }),
});

const raw = (path: string, params: Record<string, unknown>): HttpRequest => ({ path, body: JSON.stringify(params) });

/** tradegraph's global ID: base64url of "Type:key" (apps/api/src/common/global-id.ts). */
export function tradegraphId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

const month = (date: string): string => date.slice(0, 7);
const firstDay = (period: string): string => `${period}-01`;

/** The last day of a YYYY-MM month, YYYY-MM-DD. */
export function lastDay(period: string): string {
  const [year, monthNumber] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** Every month from `from` to `to`, both YYYY-MM, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, monthNumber] = from.split("-").map(Number) as [number, number];
  for (let period = from; period <= to; ) {
    months.push(period);
    monthNumber += 1;
    if (monthNumber > 12) [year, monthNumber] = [year + 1, 1];
    period = `${year}-${String(monthNumber).padStart(2, "0")}`;
  }
  return months;
}

const country = (c: Json) => ({ code: c.code, name: c.name });
const commodity = (c: Json) => ({ hsCode: c.hsCode, description: c.description });

/** The canonical export record of S1, S3 and S5. */
function record(r: Json, sides: { exporter?: Json; importer: Json; commodity: Json }) {
  return {
    // The stored first month: tradegraph names an annual period "2023", the peers give its date (2023-01-01).
    period: String(r.period).length === 4 ? `${r.period}-01` : month(r.period),
    valueUsd: toNumber(r.valueUsd),
    quantityTonnes: toNumber(r.quantityTonnes),
    ...(sides.exporter ? { exporter: country(sides.exporter) } : {}),
    importer: country(sides.importer),
    commodity: commodity(sides.commodity),
  };
}

const COUNTRY = "code name";
const COMMODITY = "hsCode description";

// ---------------------------------------------------------------------------------------------------------------
// S1 — a country with its 20 latest exports (period, newest first; ties by id) and the partners' names.

function s1(code: string): Variant {
  return {
    label: code,
    request: {
      tradegraph: graphql(
        `query S1($code: String!) { country(code: $code) { code name exports(first: 20) {
           nodes { period valueUsd quantityTonnes importer { ${COUNTRY} } commodity { ${COMMODITY} } } } } }`,
        { code },
      ),
      postgraphile: graphql(
        `query S1($code: String!) { countryByCode(code: $code) { code name
           exportRecordsByExporterCode(first: 20, orderBy: [PERIOD_DESC, ROW_ID_DESC]) {
             nodes { period valueUsd quantityTonnes countryByImporterCode { ${COUNTRY} } commodityByCommodityCode { ${COMMODITY} } } } } }`,
        { code },
      ),
      raw: raw("/s1", { code }),
    },
    normalise: {
      tradegraph: (body) => {
        const c = graphqlData(body).country;
        return { ...country(c), exports: c.exports.nodes.map((r: Json) => record(r, r)) };
      },
      postgraphile: (body) => {
        const c = graphqlData(body).countryByCode;
        return {
          ...country(c),
          exports: c.exportRecordsByExporterCode.nodes.map((r: Json) =>
            record(r, { importer: r.countryByImporterCode, commodity: r.commodityByCommodityCode }),
          ),
        };
      },
      raw: (body) => {
        const c = (body as Json).country;
        return { ...country(c), exports: c.exports.map((r: Json) => record(r, r)) };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// S2 — an exporter's top 10 buyers of a commodity in a month: value, tonnes, competition rank, share of the total.

const TOP = 10;

interface PartnerFigures {
  code: string;
  name: string;
  valueUsd: number | null;
  quantityTonnes: number | null;
}

/** Ranks partners by value (highest first, ties by code), keeps the top ones and adds ranks and shares. */
export function rankPartners(partners: PartnerFigures[], totalValueUsd: number | null, limit = TOP) {
  const sorted = [...partners].sort(
    (x, y) => (y.valueUsd ?? -Infinity) - (x.valueUsd ?? -Infinity) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
  const ranks = competitionRanks(sorted.map((p) => p.valueUsd));
  return sorted.slice(0, limit).map((p, i) => ({
    ...p,
    rank: ranks[i]!,
    share: p.valueUsd == null || !totalValueUsd ? null : p.valueUsd / totalValueUsd,
  }));
}

/** A sum that PostGraphile's aggregates give as 0 when nothing is recorded and tradegraph as null: both read as 0. */
const sum = (value: unknown): number => toNumber(value) ?? 0;

function s2(params: BenchParams["topPartners"][number]): Variant {
  const { exporter, commodity: hsCode, period } = params;
  // Equalities go in `condition` (compared as the column's own type, so indexes apply); the connection filter
  // compares char(2) codes as text, which PostgreSQL can't answer from the indexes on export_record.
  const condition = `{ exporterCode: $exporter, commodityCode: $commodity, period: $period }`;
  const filter = `{ exporterCode: { equalTo: $exporter }, commodityCode: { equalTo: $commodity }, period: { equalTo: $period } }`;
  return {
    label: `${exporter} ${hsCode} ${period}`,
    request: {
      tradegraph: graphql(
        `query S2($exporter: String!, $commodity: String!, $period: String!) {
           topPartners(exporter: $exporter, commodity: $commodity, period: $period, by: VALUE, limit: ${TOP}) {
             totalValueUsd partnerCount partners { rank partner { ${COUNTRY} } valueUsd quantityTonnes share } } }`,
        { exporter, commodity: hsCode, period },
      ),
      // PostGraphile can't order or limit grouped aggregates: it returns every partner's sums, the client ranks.
      postgraphile: graphql(
        `query S2($exporter: String!, $commodity: String!, $period: Date!) {
           flows: allExportRecords(condition: ${condition}) {
             aggregates { sum { valueUsd } }
             groupedAggregates(groupBy: [IMPORTER_CODE]) { keys sum { valueUsd quantityTonnes } } }
           partners: allCountries(filter: { exportRecordsByImporterCode: { some: ${filter} } }) { nodes { ${COUNTRY} } } }`,
        { exporter, commodity: hsCode, period: firstDay(period) },
      ),
      raw: raw("/s2", { exporter, commodity: hsCode, period }),
    },
    normalise: {
      tradegraph: (body) => {
        const t = graphqlData(body).topPartners;
        return {
          totalValueUsd: sum(t.totalValueUsd),
          partnerCount: t.partnerCount,
          partners: t.partners.map((p: Json) => ({
            ...country(p.partner),
            valueUsd: sum(p.valueUsd),
            quantityTonnes: sum(p.quantityTonnes),
            rank: p.rank,
            share: p.share,
          })),
        };
      },
      postgraphile: (body) => {
        const { flows, partners } = graphqlData(body);
        const names = new Map<string, string>(partners.nodes.map((c: Json) => [c.code, c.name]));
        const totalValueUsd = sum(flows.aggregates.sum.valueUsd);
        const figures = flows.groupedAggregates.map((g: Json) => ({
          code: g.keys[0],
          name: names.get(g.keys[0]) ?? "?",
          valueUsd: sum(g.sum.valueUsd),
          quantityTonnes: sum(g.sum.quantityTonnes),
        }));
        return { totalValueUsd, partnerCount: figures.length, partners: rankPartners(figures, totalValueUsd) };
      },
      raw: (body) => {
        const t = body as Json;
        return {
          totalValueUsd: sum(t.totalValueUsd),
          partnerCount: t.partnerCount,
          partners: t.partners.map((p: Json) => ({ ...country(p), valueUsd: sum(p.valueUsd), quantityTonnes: sum(p.quantityTonnes), rank: p.rank, share: p.share })),
        };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// S3 — a 100-row page of export records filtered by commodity, months and minimum value, largest value first,
// with exporter, importer and commodity.

function s3(params: BenchParams["page"][number]): Variant {
  const { commodity: hsCode, from, to, minValueUsd } = params;
  return {
    label: `${hsCode} ${from}..${to} >= ${minValueUsd}`,
    request: {
      tradegraph: graphql(
        `query S3($filter: ExportRecordFilter!) {
           exportRecords(filter: $filter, orderBy: { field: VALUE, direction: DESC }, first: 100) {
             nodes { period valueUsd quantityTonnes exporter { ${COUNTRY} } importer { ${COUNTRY} } commodity { ${COMMODITY} } } } }`,
        { filter: { commodity: hsCode, period: { from, to }, valueUsd: { gte: minValueUsd } } },
      ),
      postgraphile: graphql(
        `query S3($commodity: String!, $from: Date!, $to: Date!, $minValue: BigFloat!) {
           allExportRecords(
             condition: { commodityCode: $commodity }
             filter: { period: { greaterThanOrEqualTo: $from, lessThanOrEqualTo: $to }, valueUsd: { greaterThanOrEqualTo: $minValue } }
             orderBy: [VALUE_USD_DESC, ROW_ID_DESC], first: 100) {
             nodes { period valueUsd quantityTonnes countryByExporterCode { ${COUNTRY} } countryByImporterCode { ${COUNTRY} }
                     commodityByCommodityCode { ${COMMODITY} } } } }`,
        { commodity: hsCode, from: firstDay(from), to: firstDay(to), minValue: String(minValueUsd) },
      ),
      raw: raw("/s3", { commodity: hsCode, from, to, minValueUsd }),
    },
    normalise: {
      tradegraph: (body) => graphqlData(body).exportRecords.nodes.map((r: Json) => record(r, r)),
      postgraphile: (body) =>
        graphqlData(body).allExportRecords.nodes.map((r: Json) =>
          record(r, { exporter: r.countryByExporterCode, importer: r.countryByImporterCode, commodity: r.commodityByCommodityCode }),
        ),
      raw: (body) => (body as Json).records.map((r: Json) => record(r, r)),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// S4 — the bilateral summary of two countries over a month range: trade each way (totals, by commodity, by
// month with empty months present), meetings with participants from both, reports about both.

interface DirectionCanonical {
  valueUsd: number;
  quantityTonnes: number;
  records: number;
  byCommodity: Array<{ hsCode: string; valueUsd: number; quantityTonnes: number; records: number }>;
  series: Array<{ period: string; valueUsd: number; quantityTonnes: number; records: number }>;
}

/** Canonical order of a direction's commodities: highest value first, then by HS code. */
function sortCommodities(lines: DirectionCanonical["byCommodity"]) {
  return [...lines].sort((x, y) => y.valueUsd - x.valueUsd || (x.hsCode < y.hsCode ? -1 : 1));
}

const DIRECTION_PG = `aggregates { sum { valueUsd quantityTonnes } } totalCount
  byMonth: groupedAggregates(groupBy: [PERIOD]) { keys sum { valueUsd quantityTonnes } distinctCount { rowId } }
  byCommodity: groupedAggregates(groupBy: [COMMODITY_CODE]) { keys sum { valueUsd quantityTonnes } distinctCount { rowId } }`;

const DIRECTION_TG = `valueUsd quantityTonnes records
  byCommodity { commodity { hsCode } valueUsd quantityTonnes records }
  series { bucket valueUsd quantityTonnes records }`;

function s4(params: BenchParams["pairs"][number]): Variant {
  const { a, b, from, to } = params;
  const months = monthsBetween(from, to);
  const days = { fromDay: firstDay(from), toDay: lastDay(to) };
  const flow = (x: string, y: string) =>
    `allExportRecords(condition: { exporterCode: ${x}, importerCode: ${y} },
       filter: { period: { greaterThanOrEqualTo: $fromMonth, lessThanOrEqualTo: $toMonth } }) { ${DIRECTION_PG} }`;
  const pgDirection = (d: Json): DirectionCanonical => {
    const byMonth = new Map<string, Json>(d.byMonth.map((g: Json) => [month(g.keys[0]), g]));
    return {
      valueUsd: sum(d.aggregates.sum.valueUsd),
      quantityTonnes: sum(d.aggregates.sum.quantityTonnes),
      records: d.totalCount,
      byCommodity: sortCommodities(
        d.byCommodity.map((g: Json) => ({
          hsCode: g.keys[0],
          valueUsd: sum(g.sum.valueUsd),
          quantityTonnes: sum(g.sum.quantityTonnes),
          records: Number(g.distinctCount.rowId),
        })),
      ),
      series: months.map((period) => {
        const g = byMonth.get(period);
        return {
          period,
          valueUsd: sum(g?.sum.valueUsd),
          quantityTonnes: sum(g?.sum.quantityTonnes),
          records: g ? Number(g.distinctCount.rowId) : 0,
        };
      }),
    };
  };
  const tgDirection = (d: Json): DirectionCanonical => ({
    valueUsd: sum(d.valueUsd),
    quantityTonnes: sum(d.quantityTonnes),
    records: d.records,
    byCommodity: sortCommodities(
      d.byCommodity.map((line: Json) => ({
        hsCode: line.commodity?.hsCode ?? line.hsCode,
        valueUsd: sum(line.valueUsd),
        quantityTonnes: sum(line.quantityTonnes),
        records: line.records,
      })),
    ),
    series: d.series.map((p: Json) => ({
      period: p.bucket ?? p.period,
      valueUsd: sum(p.valueUsd),
      quantityTonnes: sum(p.quantityTonnes),
      records: p.records,
    })),
  });
  const meeting = (m: Json) => ({ title: m.title, startDate: m.startDate });
  const report = (r: Json) => ({ title: r.title, publishedOn: r.publishedOn ?? null });
  return {
    label: `${a}-${b} ${from}..${to}`,
    request: {
      tradegraph: graphql(
        `query S4($a: String!, $b: String!, $from: String!, $to: String!) {
           bilateral(a: $a, b: $b, from: $from, to: $to) {
             a { ${COUNTRY} } b { ${COUNTRY} } aToB { ${DIRECTION_TG} } bToA { ${DIRECTION_TG} }
             meetings { title startDate } reports { title publishedOn } } }`,
        { a, b, from, to },
      ),
      postgraphile: graphql(
        `query S4($a: String!, $b: String!, $fromMonth: Date!, $toMonth: Date!, $fromDay: Date!, $toDay: Date!) {
           a: countryByCode(code: $a) { ${COUNTRY} }
           b: countryByCode(code: $b) { ${COUNTRY} }
           aToB: ${flow("$a", "$b")}
           bToA: ${flow("$b", "$a")}
           meetings: allMeetings(orderBy: [START_DATE_ASC, ROW_ID_ASC], filter: { and: [
             { meetingParticipantsByMeetingId: { some: { countryCode: { equalTo: $a } } } },
             { meetingParticipantsByMeetingId: { some: { countryCode: { equalTo: $b } } } },
             { startDate: { lessThanOrEqualTo: $toDay } },
             { or: [{ endDate: { greaterThanOrEqualTo: $fromDay } }, { endDate: { isNull: true }, startDate: { greaterThanOrEqualTo: $fromDay } }] } ] }) {
             nodes { title startDate } }
           reports: allReports(orderBy: [PUBLISHED_ON_ASC, ROW_ID_ASC], filter: { and: [
             { reportSubjectsByReportId: { some: { countryCode: { equalTo: $a } } } },
             { reportSubjectsByReportId: { some: { countryCode: { equalTo: $b } } } },
             { or: [{ publishedOn: { isNull: true } }, { publishedOn: { greaterThanOrEqualTo: $fromDay, lessThanOrEqualTo: $toDay } }] } ] }) {
             nodes { title publishedOn } } }`,
        { a, b, fromMonth: firstDay(from), toMonth: firstDay(to), ...days },
      ),
      raw: raw("/s4", { a, b, from, to }),
    },
    normalise: {
      tradegraph: (body) => {
        const d = graphqlData(body).bilateral;
        return {
          a: country(d.a),
          b: country(d.b),
          aToB: tgDirection(d.aToB),
          bToA: tgDirection(d.bToA),
          meetings: d.meetings.map(meeting),
          reports: d.reports.map(report),
        };
      },
      postgraphile: (body) => {
        const d = graphqlData(body);
        return {
          a: country(d.a),
          b: country(d.b),
          aToB: pgDirection(d.aToB),
          bToA: pgDirection(d.bToA),
          meetings: d.meetings.nodes.map(meeting),
          reports: d.reports.nodes.map(report),
        };
      },
      raw: (body) => {
        const d = body as Json;
        return {
          a: country(d.a),
          b: country(d.b),
          aToB: tgDirection(d.aToB),
          bToA: tgDirection(d.bToA),
          meetings: d.meetings.map(meeting),
          reports: d.reports.map(report),
        };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// S5 — an export record by its global ID, with exporter, importer and commodity.

function s5({ rowId, postgraphileId }: BenchParams["records"][number]): Variant {
  return {
    label: String(rowId),
    request: {
      tradegraph: graphql(
        `query S5($id: ID!) { node(id: $id) { ... on ExportRecord {
           period valueUsd quantityTonnes exporter { ${COUNTRY} } importer { ${COUNTRY} } commodity { ${COMMODITY} } } } }`,
        { id: tradegraphId("ExportRecord", rowId) },
      ),
      postgraphile: graphql(
        `query S5($id: ID!) { node(id: $id) { ... on ExportRecord {
           period valueUsd quantityTonnes countryByExporterCode { ${COUNTRY} } countryByImporterCode { ${COUNTRY} }
           commodityByCommodityCode { ${COMMODITY} } } } }`,
        { id: postgraphileId },
      ),
      raw: raw("/s5", { id: rowId }),
    },
    normalise: {
      tradegraph: (body) => record(graphqlData(body).node, graphqlData(body).node),
      postgraphile: (body) => {
        const r = graphqlData(body).node;
        return record(r, { exporter: r.countryByExporterCode, importer: r.countryByImporterCode, commodity: r.commodityByCommodityCode });
      },
      raw: (body) => record((body as Json).record, (body as Json).record),
    },
  };
}

/** The scenarios with their variants for the dataset's parameters, optionally only some of them. */
export function buildScenarios(params: BenchParams, only: readonly ScenarioId[] = SCENARIO_IDS): Scenario[] {
  const all: Scenario[] = [
    { id: "S1", title: "country with its 20 latest exports and partner names", variants: params.countries.map(s1), rowsOf: (a) => a.exports.length },
    { id: "S2", title: "top 10 partners of an exporter for a month (aggregate, shares)", variants: params.topPartners.map(s2), rowsOf: (a) => a.partners.length },
    { id: "S3", title: "100-row filtered page of export records with exporter, importer, commodity", variants: params.page.map(s3), rowsOf: (a) => a.length },
    {
      id: "S4",
      title: "bilateral summary of two countries (trade both ways, meetings, reports)",
      variants: params.pairs.map(s4),
      rowsOf: (a) => a.aToB.records + a.bToA.records,
    },
    { id: "S5", title: "node lookup by global id (export record with its relations)", variants: params.records.map(s5), rowsOf: (a) => (a?.period ? 1 : 0) },
  ];
  return all.filter((scenario) => only.includes(scenario.id));
}
