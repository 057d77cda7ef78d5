/**
 * The raw floor: node:http, hand-written SQL with pg and JSON.stringify — what Node and PostgreSQL do for the
 * same questions with no GraphQL at all. One POST endpoint per scenario, parameters in a JSON body.
 * Run as a child of the bench: node dist/servers/raw.js '{"databaseUrl", "port", "poolSize"}'.
 */
import http from "node:http";
import type pg from "pg";
import { monthsBetween } from "../scenarios";
import { childConfig, countStatements, createPool, type ChildConfig } from "./child";

type Params = Record<string, string | number>;
type Handler = (pool: pg.Pool, params: Params) => Promise<unknown>;

const RECORD_COLUMNS = `to_char(er.period, 'YYYY-MM') AS period, er.value_usd::float8 AS "valueUsd",
  er.quantity_tonnes::float8 AS "quantityTonnes", i.code AS "importerCode", i.name AS "importerName",
  cm.hs_code AS "hsCode", cm.description`;

const RECORD_JOINS = `JOIN country i ON i.code = er.importer_code JOIN commodity cm ON cm.hs_code = er.commodity_code`;

interface RecordRow {
  period: string;
  valueUsd: number | null;
  quantityTonnes: number | null;
  importerCode: string;
  importerName: string;
  hsCode: string;
  description: string;
  exporterCode?: string;
  exporterName?: string;
}

const toRecord = (r: RecordRow) => ({
  period: r.period,
  valueUsd: r.valueUsd,
  quantityTonnes: r.quantityTonnes,
  ...(r.exporterCode ? { exporter: { code: r.exporterCode, name: r.exporterName } } : {}),
  importer: { code: r.importerCode, name: r.importerName },
  commodity: { hsCode: r.hsCode, description: r.description },
});

const handlers: Record<string, Handler> = {
  /** S1: a country and its 20 latest exports. */
  async "/s1"(pool, { code }) {
    const [country, exports] = await Promise.all([
      pool.query("SELECT code, name FROM country WHERE code = $1", [code]),
      pool.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM export_record er ${RECORD_JOINS}
         WHERE er.exporter_code = $1 ORDER BY er.period DESC, er.id DESC LIMIT 20`,
        [code],
      ),
    ]);
    return { country: country.rows[0] ? { ...country.rows[0], exports: exports.rows.map(toRecord) } : null };
  },

  /** S2: an exporter's top 10 buyers of a commodity in a month, with ranks and shares. */
  async "/s2"(pool, { exporter, commodity, period }) {
    const { rows } = await pool.query(
      `WITH flows AS (
         SELECT importer_code, sum(value_usd) AS value, sum(quantity_tonnes) AS quantity
         FROM export_record WHERE exporter_code = $1 AND commodity_code = $2 AND period = $3::date
         GROUP BY importer_code
       ), ranked AS (
         SELECT flows.*, rank() OVER (ORDER BY value DESC NULLS LAST) AS rank,
                sum(value) OVER () AS total_value, count(*) OVER () AS partner_count
         FROM flows
       )
       SELECT r.importer_code AS code, c.name, r.value::float8 AS "valueUsd", r.quantity::float8 AS "quantityTonnes",
              r.rank::int AS rank, (r.value / NULLIF(r.total_value, 0))::float8 AS share,
              r.total_value::float8 AS "totalValueUsd", r.partner_count::int AS "partnerCount"
       FROM ranked r JOIN country c ON c.code = r.importer_code
       ORDER BY r.value DESC NULLS LAST, r.importer_code LIMIT 10`,
      [exporter, commodity, `${period}-01`],
    );
    return {
      totalValueUsd: rows[0]?.totalValueUsd ?? null,
      partnerCount: rows[0]?.partnerCount ?? 0,
      partners: rows.map(({ code, name, valueUsd, quantityTonnes, rank, share }) => ({ code, name, valueUsd, quantityTonnes, rank, share })),
    };
  },

  /** S3: 100 records of a commodity in a month range above a value, largest first. */
  async "/s3"(pool, { commodity, from, to, minValueUsd }) {
    const { rows } = await pool.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS}, e.code AS "exporterCode", e.name AS "exporterName"
       FROM export_record er ${RECORD_JOINS} JOIN country e ON e.code = er.exporter_code
       WHERE er.commodity_code = $1 AND er.period BETWEEN $2::date AND $3::date AND er.value_usd >= $4
       ORDER BY er.value_usd DESC, er.id DESC LIMIT 100`,
      [commodity, `${from}-01`, `${to}-01`, minValueUsd],
    );
    return { records: rows.map(toRecord) };
  },

  /** S4: trade both ways by month and by commodity (one grouping-sets statement), meetings and reports. */
  async "/s4"(pool, { a, b, from, to }) {
    const fromDay = `${from}-01`;
    const toMonth = `${to}-01`;
    const [countries, trade, meetings, reports] = await Promise.all([
      pool.query("SELECT code, name FROM country WHERE code = ANY($1::text[])", [[a, b]]),
      pool.query<{ exporter: string; period: string | null; commodity: string | null; value: number | null; quantity: number | null; records: number }>(
        `SELECT exporter_code AS exporter, to_char(period, 'YYYY-MM') AS period, commodity_code AS commodity,
                sum(value_usd)::float8 AS value, sum(quantity_tonnes)::float8 AS quantity, count(*)::int AS records
         FROM export_record
         WHERE ((exporter_code = $1 AND importer_code = $2) OR (exporter_code = $2 AND importer_code = $1))
           AND period BETWEEN $3::date AND $4::date
         GROUP BY GROUPING SETS ((exporter_code, period), (exporter_code, commodity_code))`,
        [a, b, fromDay, toMonth],
      ),
      pool.query(
        `SELECT m.title, to_char(m.start_date, 'YYYY-MM-DD') AS "startDate" FROM meeting m
         WHERE EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.country_code = $1)
           AND EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.country_code = $2)
           AND COALESCE(m.end_date, m.start_date) >= $3::date AND m.start_date <= ($4::date + interval '1 month' - interval '1 day')
         ORDER BY m.start_date, m.id`,
        [a, b, fromDay, toMonth],
      ),
      pool.query(
        `SELECT r.title, to_char(r.published_on, 'YYYY-MM-DD') AS "publishedOn" FROM report r
         WHERE EXISTS (SELECT 1 FROM report_subject s WHERE s.report_id = r.id AND s.country_code = $1)
           AND EXISTS (SELECT 1 FROM report_subject s WHERE s.report_id = r.id AND s.country_code = $2)
           AND (r.published_on IS NULL OR r.published_on BETWEEN $3::date AND ($4::date + interval '1 month' - interval '1 day'))
         ORDER BY r.published_on NULLS LAST, r.id`,
        [a, b, fromDay, toMonth],
      ),
    ]);
    const months = monthsBetween(String(from), String(to));
    const direction = (exporter: unknown) => {
      const rows = trade.rows.filter((row) => row.exporter === exporter);
      const byMonth = new Map(rows.filter((row) => row.period).map((row) => [row.period, row]));
      const series = months.map((period) => {
        const row = byMonth.get(period);
        return { period, valueUsd: row?.value ?? null, quantityTonnes: row?.quantity ?? null, records: row?.records ?? 0 };
      });
      const total = (pick: (p: (typeof series)[number]) => number | null) =>
        series.reduce<number | null>((sum, point) => (pick(point) == null ? sum : (sum ?? 0) + pick(point)!), null);
      return {
        valueUsd: total((p) => p.valueUsd),
        quantityTonnes: total((p) => p.quantityTonnes),
        records: series.reduce((sum, point) => sum + point.records, 0),
        byCommodity: rows
          .filter((row) => row.commodity)
          .sort((x, y) => (y.value ?? -Infinity) - (x.value ?? -Infinity) || (x.commodity! < y.commodity! ? -1 : 1))
          .map((row) => ({ hsCode: row.commodity, valueUsd: row.value, quantityTonnes: row.quantity, records: row.records })),
        series,
      };
    };
    const byCode = new Map(countries.rows.map((row) => [row.code, row]));
    return {
      a: byCode.get(a) ?? null,
      b: byCode.get(b) ?? null,
      aToB: direction(a),
      bToA: direction(b),
      meetings: meetings.rows,
      reports: reports.rows,
    };
  },

  /** S5: one export record by id with its exporter, importer and commodity. */
  async "/s5"(pool, { id }) {
    const { rows } = await pool.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS}, e.code AS "exporterCode", e.name AS "exporterName"
       FROM export_record er ${RECORD_JOINS} JOIN country e ON e.code = er.exporter_code WHERE er.id = $1`,
      [id],
    );
    return { record: rows[0] ? toRecord(rows[0]) : null };
  },
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function startRawServer(config: ChildConfig): http.Server {
  const pool = createPool(config, "bench-raw");
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") return send(res, 200, { status: "ok" });
    const handler = req.method === "POST" ? handlers[req.url ?? ""] : undefined;
    if (!handler) return send(res, 404, { error: "not found" });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let params: Params;
      try {
        params = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Params;
      } catch {
        return send(res, 400, { error: "invalid JSON" });
      }
      handler(pool, params).then(
        (body) => send(res, 200, body),
        (error: Error) => send(res, 500, { error: error.message }),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, "127.0.0.1");
  return server;
}

if (require.main === module) {
  countStatements();
  startRawServer(childConfig());
}
