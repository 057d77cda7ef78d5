import { useQuery } from "@apollo/client/react";
import { TopPartnersDocument } from "@tradegraph/sdk";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { TOP_BUYERS } from "./config";
import { dollars, share, tonnes } from "./format";

/** The exporter's buyers of the commodity in the month, ranked: a table and a bar chart of tonnes. */
export function TopBuyers() {
  const { data, loading, error } = useQuery(TopPartnersDocument, { variables: TOP_BUYERS });
  if (loading) return <p>Loading buyers…</p>;
  if (error || !data) return <p role="alert">Could not load the buyers: {error?.message}</p>;

  const { exporter, commodity, partners, total } = data.topPartners;
  // A buyer the source names without a quantity keeps its place on the axis, without a bar.
  const chart = partners.map((line) => ({ name: line.partner.name, tonnes: line.quantityTonnes }));
  return (
    <section>
      <h2>
        {exporter.name}'s buyers of {commodity.description} (HS {commodity.hsCode}), {TOP_BUYERS.period}
      </h2>
      <table data-testid="top-buyers">
        <thead>
          <tr>
            <th>Rank</th>
            <th>Buyer</th>
            <th>Quantity</th>
            <th>Value</th>
            <th>Share</th>
            <th>USD per tonne</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((line) => (
            <tr key={line.partner.code}>
              <td>{line.rank ?? "–"}</td>
              <td>{line.partner.name}</td>
              <td>{tonnes(line.quantityTonnes)}</td>
              <td>{dollars(line.valueUsd)}</td>
              <td>{share(line.share)}</td>
              <td>{dollars(line.unitPriceUsdPerTonne)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total.complete ? null : (
        // A share of 100% is all that was recorded, not all of it: say what the total misses.
        <p data-testid="top-buyers-completeness">
          Shares are of the recorded total only, which is known to be incomplete
          {total.partnersWithoutFigures.length > 0 ? `: named without figures: ${total.partnersWithoutFigures.map((c) => c.name).join(", ")}` : ""}
          {total.missingReportedRanks.length > 0 ? `${total.partnersWithoutFigures.length > 0 ? ";" : ":"} buyers ranked but not recorded: ranks ${total.missingReportedRanks.join(", ")}` : ""}.
        </p>
      )}
      <div data-testid="top-buyers-chart">
        <BarChart width={720} height={320} data={chart} margin={{ top: 16, right: 16, bottom: 8, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis tickFormatter={(value: number) => `${value / 1000}k`} />
          <Tooltip formatter={(value) => tonnes(Number(value))} />
          <Bar dataKey="tonnes" name="Tonnes" fill="#2f6f9f" isAnimationActive={false} />
        </BarChart>
      </div>
    </section>
  );
}
