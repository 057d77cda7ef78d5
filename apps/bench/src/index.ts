export { parseOptions, USAGE } from "./options";
export type { BenchOptions } from "./options";
export { markdownTable, ratios, replaceResults, summarise } from "./report";
export type { RunRecord, StatementCounts, Summary } from "./report";
export { buildScenarios, graphqlData, monthsBetween, rankPartners, SCENARIO_IDS, SERVERS, tradegraphId } from "./scenarios";
export type { BenchParams, HttpRequest, Scenario, ScenarioId, ServerName, Variant } from "./scenarios";
export { competitionRanks, firstDifference, median, ratio, toNumber } from "./stats";
