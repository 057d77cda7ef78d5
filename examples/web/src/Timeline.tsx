import { useQuery } from "@apollo/client/react";
import { BilateralDocument, type BilateralQuery } from "@tradegraph/sdk";
import { PAIR } from "./config";
import { tonnes } from "./format";

type Entry = BilateralQuery["bilateral"]["timeline"][number];

function describe(item: Entry["item"]): string {
  switch (item.__typename) {
    case "TradeMonth":
      return `${item.exporter.code} → ${item.importer.code}, ${item.period}: ${tonnes(item.quantityTonnes)}`;
    case "Meeting":
    case "Report":
      return item.title;
    default:
      return "";
  }
}

/** Trade, meetings and reports between the pair, oldest first. */
export function Timeline() {
  const { data, loading, error } = useQuery(BilateralDocument, { variables: PAIR });
  if (loading) return <p>Loading the timeline…</p>;
  if (error || !data) return <p role="alert">Could not load the timeline: {error?.message}</p>;

  const { a, b, timeline } = data.bilateral;
  return (
    <section>
      <h2>
        {a.name} and {b.name}: timeline
      </h2>
      <ol data-testid="timeline">
        {timeline.map((entry, index) => (
          <li key={index} data-kind={entry.kind}>
            <time>{entry.date ?? "undated"}</time> <strong>{entry.kind}</strong> {describe(entry.item)}
          </li>
        ))}
      </ol>
    </section>
  );
}
