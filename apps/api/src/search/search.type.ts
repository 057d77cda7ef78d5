import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { Report } from "../report/report.type";

export enum SearchType {
  MEETING = "MEETING",
  REPORT = "REPORT",
  COUNTRY = "COUNTRY",
}
registerEnumType(SearchType, {
  name: "SearchType",
  description: "A kind of object `search` looks through.",
  valuesConfig: {
    MEETING: { description: "Meetings: title, event, topics, place and summary." },
    REPORT: { description: "Reports: title, publisher, topics and findings." },
    COUNTRY: { description: "Countries: names, codes, region and subregion." },
  },
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "An object `search` can find.",
  types: () => [Meeting, Report, Country] as const,
});

@ObjectType({ description: "One object matching a search, with how well it matches." })
export class SearchHit {
  @Field(() => Float, {
    description:
      "Relevance (PostgreSQL ts_rank_cd; title and name words weigh most). Higher is better; comparable within a type, " +
      "roughly across types. A report's rank adds its best-matching finding's to its own.",
  })
  rank!: number;

  @Field(() => SearchResult, { description: "The object found: a Meeting, Report or Country." })
  node!: Meeting | Report | Country;

  @Field(() => String, {
    nullable: true,
    description:
      "A short excerpt around the matches, the matched words in <b>…</b>; the rest of the text is HTML-escaped. " +
      "For a report found through a finding, an excerpt of that finding.",
  })
  snippet!: string | null;
}
