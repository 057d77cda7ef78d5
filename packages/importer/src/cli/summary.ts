import type { ImportSummary, SkipReason } from "../types";
import { formatDuration } from "./progress";

const number = new Intl.NumberFormat("en-US");
const REASONS: Record<SkipReason, string> = {
  world: "World",
  notCountry: "not a country",
  otherFlow: "other flows",
  breakdown: "breakdowns",
  sameCountry: "reporter = partner",
};

/** The end-of-run report, as lines for a person. */
export function formatSummary(summary: ImportSummary, what: string): string[] {
  const lines: string[] = [];
  const source = summary.source ? `source "${summary.source.publisher}, ${summary.source.title}"${summary.source.synthetic ? " (synthetic)" : ""}` : "";
  if (summary.ok && !summary.dryRun) lines.push(`Imported ${what}${source ? ` under ${source}` : ""}.`);
  else if (summary.ok) lines.push(`Dry run of ${what}: nothing was written; the counts say what an import would do.`);
  else if (summary.errorCount > 0 && summary.read > 0 && summary.mode === "strict" && summary.errors[0]?.line !== 0) {
    lines.push(
      `Nothing was written: ${summary.complete ? "" : "at least "}${number.format(summary.errorCount)} ${summary.errorCount === 1 ? "row has an error" : "problems"} (strict mode;` +
        " --mode lenient writes the good rows and sets the bad ones aside).",
    );
  } else lines.push(`Nothing was written: ${what} cannot be imported.`);

  const skipped = Object.entries(summary.skippedBy)
    .map(([reason, count]) => `${REASONS[reason as SkipReason]} ${number.format(count)}`)
    .join(", ");
  const codes = Object.entries(summary.skippedCodes)
    .map(([code, count]) => `${code} ×${number.format(count)}`)
    .join(", ");
  const rows: Array<[string, number, string?]> = [
    ["read", summary.read],
    [summary.dryRun ? "would insert" : "inserted", summary.inserted],
    [summary.dryRun ? "would update" : "updated", summary.updated],
    ["unchanged", summary.unchanged],
    ["skipped", summary.skipped, skipped || undefined],
    ["rejected", summary.rejected],
  ];
  for (const [label, count, note] of rows) {
    lines.push(`  ${label.padEnd(13)}${number.format(count).padStart(12)}${note ? `  ${note}` : ""}`);
    if (label === "skipped" && codes) lines.push(`  ${"".padEnd(25)}  ${codes}`);
  }
  lines.push(`  ${"time".padEnd(13)}${formatDuration(summary.seconds).padStart(12)}  ${number.format(summary.rowsPerSecond)} rows/s`);

  if (summary.errors.length > 0) {
    lines.push(summary.errorCount > summary.errors.length ? `First ${summary.errors.length} of ${number.format(summary.errorCount)} problems:` : "Problems:");
    for (const issue of summary.errors) {
      lines.push(`  ${issue.line > 0 ? `line ${issue.line}` : "file"}  ${issue.code}  ${issue.message}`);
    }
  }
  return lines;
}
