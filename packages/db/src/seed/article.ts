/**
 * Every fact of the first story, the Jerusalem Post article kept in shared/source-article.txt.
 * Nothing is added: what the article does not say (its date, its URL, the report's title and date, other
 * buyers' figures) stays null.
 */
export const ARTICLE_SOURCE = {
  publisher: "The Jerusalem Post",
  title: "Israel becomes Azerbaijan’s leading oil customer with $300 million imported in January",
  publishedOn: null,
  url: null,
  retrievalNote:
    "Article text as kept in shared/source-article.txt; it reports Azerbaijan's oil export data for January 2024, " +
    "published during the Munich Security Conference (16–18 February 2024).",
} as const;

export interface ArticleExport {
  exporter: string;
  importer: string;
  commodity: string;
  period: string;
  quantityTonnes: number | null;
  valueUsd: number | null;
  quantityApproximate: boolean;
  valueApproximate: boolean;
  reportedRank: number | null;
}

export const ARTICLE_EXPORTS: readonly ArticleExport[] = [
  // "the export to Israel was 523.5 thousand tons with a value of about 297 million dollars"; "Israel ranks first".
  {
    exporter: "AZ",
    importer: "IL",
    commodity: "2709",
    period: "2024-01",
    quantityTonnes: 523_500,
    valueUsd: 297_000_000,
    quantityApproximate: false,
    valueApproximate: true,
    reportedRank: 1,
  },
  // "other countries importing oil from Azerbaijan, such as Thailand, Italy": named, no figures.
  ...["TH", "IT"].map((importer) => ({
    exporter: "AZ",
    importer,
    commodity: "2709",
    period: "2024-01",
    quantityTonnes: null,
    valueUsd: null,
    quantityApproximate: false,
    valueApproximate: false,
    reportedRank: null,
  })),
];

export const ARTICLE_MEETING = {
  title: "Meeting of Presidents Isaac Herzog and Ilham Aliyev",
  event: "Munich Security Conference 2024",
  place: "Munich, Germany",
  startDate: "2024-02-16",
  endDate: "2024-02-18",
  topics: ["commercial", "economic", "cultural", "humanitarian"],
  summary:
    "Israeli President Isaac Herzog met Azerbaijani President Ilham Aliyev at the Munich Security Conference. " +
    "According to a statement from Aliyev's office in Baku, they discussed cooperation between Azerbaijan and " +
    "Israel in commercial, economic, cultural and humanitarian fields.",
  participants: [
    { person: "Isaac Herzog", role: "President of Israel", country: "IL" },
    { person: "Ilham Aliyev", role: "President of the Republic of Azerbaijan", country: "AZ" },
  ],
} as const;

export const ARTICLE_REPORT = {
  // The article names no title; this describes the report as the article does.
  title: "Report on the state of antisemitism in the world",
  publisher: "Diaspora Ministry",
  publisherCountry: "IL",
  publishedOn: null,
  subjectCountries: ["AM", "AZ", "IL"],
  topics: ["antisemitism", "Israel–Azerbaijan relations", "defense exports", "Nagorno-Karabakh"],
  findings: [
    {
      text:
        "A very alarming increase in the rates of attacks and overt antisemitism in the world, even in countries " +
        "considered friendly to Israel, such as Armenia.",
      isQuote: false,
    },
    {
      text:
        "Antisemitic discourse in Armenia is largely influenced by the relations between Israel and Azerbaijan and " +
        "the Israeli defense exports to it.",
      isQuote: true,
    },
    {
      text:
        "These relations arouse great anger in the Armenian society against the background of the intensification " +
        "of the Nagorno-Karabakh war between (Armenia and Azerbaijan). However, the fact that the Armenians chose to " +
        "focus specifically on Israel and not necessarily on other countries that also support them Azerbaijan shows " +
        "that the antisemitic attitudes in Armenia are much deeper and may even be influenced by external factors.",
      isQuote: true,
    },
  ],
} as const;
