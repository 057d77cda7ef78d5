import { countryTable, meetingTable, reportFindingTable, reportTable } from "@tradegraph/db/sql";
import type { Context } from "../server/context";
import { ErrorCode, userInputError } from "../server/errors";
import { join, queryRows, sql, type Sql } from "../sql";
import { MAX_SEARCH_HITS, MAX_SEARCH_TEXT, type SearchArgs } from "./search.args";
import { SearchHit, SearchType } from "./search.type";

type Deps = Pick<Context, "db" | "loaders">;

/**
 * One SELECT per searchable type, each giving type, key, rank, the query it matched, and the text a snippet is cut
 * from. Meetings and reports use the 'english' configuration of their generated search vectors, countries 'simple'.
 */
const m = (key: keyof typeof meetingTable.spec) => meetingTable.column("m", key);
const r = (key: keyof typeof reportTable.spec) => reportTable.column("r", key);
const f = (key: keyof typeof reportFindingTable.spec) => reportFindingTable.column("f", key);
const c = (key: keyof typeof countryTable.spec) => countryTable.column("c", key);

const BRANCHES: Record<SearchType, Sql> = {
  [SearchType.MEETING]: sql`
    SELECT 'MEETING' AS type, ${m("id")}::text AS key, ts_rank_cd(${m("searchVector")}, q.english) AS rank, q.english AS query,
           'english'::regconfig AS config, concat_ws(' · ', ${m("title")}, ${m("event")}, ${m("place")}, ${m("summary")}) AS document
    FROM ${meetingTable.from("m")}, q WHERE ${m("searchVector")} @@ q.english`,
  // A report matches on its own vector or through a finding; its best finding adds to its rank and gives the snippet.
  [SearchType.REPORT]: sql`
    SELECT 'REPORT' AS type, ${r("id")}::text AS key, COALESCE(rh.rank, 0) + COALESCE(bf.rank, 0) AS rank, q.english AS query,
           'english'::regconfig AS config,
           COALESCE(bf.text, concat_ws(' · ', ${r("title")}, ${r("publisher")}, array_to_string(${r("topics")}, ', '))) AS document
    FROM q, report_hits rh FULL JOIN best_findings bf ON bf.report_id = rh.id JOIN ${reportTable.from("r")} ON ${r("id")} = COALESCE(rh.id, bf.report_id)`,
  [SearchType.COUNTRY]: sql`
    SELECT 'COUNTRY' AS type, ${c("code")} AS key, ts_rank_cd(${c("searchVector")}, q.simple) AS rank, q.simple AS query,
           'simple'::regconfig AS config, concat_ws(' · ', ${c("name")}, NULLIF(${c("officialName")}, ${c("name")})) AS document
    FROM ${countryTable.from("c")}, q WHERE ${c("searchVector")} @@ q.simple`,
};

/** Up to two fragments of at most 12 words around the matches. */
const HEADLINE_OPTIONS = 'MaxWords=12, MinWords=4, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "';

function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") throw userInputError(ErrorCode.INVALID_SEARCH_TEXT, "`text` is blank: give at least one word to search for.", "text");
  const length = [...trimmed].length;
  if (length > MAX_SEARCH_TEXT) {
    throw userInputError(ErrorCode.INVALID_SEARCH_TEXT, `\`text\` is ${length} characters long; at most ${MAX_SEARCH_TEXT}.`, "text");
  }
  return trimmed;
}

/**
 * Full-text search over meetings, reports (with their findings) and countries: the ranked hits and their snippets
 * in one statement (snippets cut for the returned hits only), then the nodes through the loaders.
 */
export async function search({ db, loaders }: Deps, args: SearchArgs): Promise<SearchHit[]> {
  const text = searchText(args.text);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_SEARCH_HITS) {
    throw userInputError(ErrorCode.INVALID_PAGINATION, `\`first\` must be between 1 and ${MAX_SEARCH_HITS}, got ${args.first}.`, "first");
  }
  if (args.types?.length === 0) {
    throw userInputError(ErrorCode.BAD_USER_INPUT, "`types` is empty: list at least one type, or leave it out for all.", "types");
  }
  const types = new Set(args.types ?? Object.values(SearchType));
  const branches = Object.values(SearchType).filter((type) => types.has(type)).map((type) => BRANCHES[type]);

  const rows = await queryRows<{ type: SearchType; key: string; rank: number; snippet: string | null }>(
    db.pool,
    sql`WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS english, websearch_to_tsquery('simple', ${text}) AS simple),
        report_hits AS (
          SELECT ${r("id")} AS id, ts_rank_cd(${r("searchVector")}, q.english) AS rank FROM ${reportTable.from("r")}, q WHERE ${r("searchVector")} @@ q.english
        ),
        best_findings AS (
          SELECT DISTINCT ON (${f("reportId")}) ${f("reportId")} AS report_id, ${f("text")} AS text, ts_rank_cd(${f("searchVector")}, q.english) AS rank
          FROM ${reportFindingTable.from("f")}, q WHERE ${f("searchVector")} @@ q.english
          ORDER BY ${f("reportId")}, rank DESC, ${f("position")}
        ),
        hits AS (${join(branches, " UNION ALL ")}),
        top AS (SELECT * FROM hits ORDER BY rank DESC, type, key LIMIT ${args.first})
        SELECT type, key, rank,
               NULLIF(ts_headline(config, replace(replace(replace(document, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), query, ${HEADLINE_OPTIONS}), '') AS snippet
        FROM top ORDER BY rank DESC, type, key`,
  );

  const nodes = await Promise.all(
    rows.map(async ({ type, key }): Promise<SearchHit["node"] | null> => {
      if (type === SearchType.COUNTRY) return loaders.country.load(key);
      if (type === SearchType.MEETING) return loaders.meeting.load(Number(key));
      return loaders.report.load(Number(key));
    }),
  );
  // A node deleted between the two statements is left out.
  return rows.flatMap((row, index) => {
    const node = nodes[index];
    return node ? [Object.assign(new SearchHit(), { rank: row.rank, node, snippet: row.snippet })] : [];
  });
}
