import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { ApiKeyResolver } from "./auth/api-key.resolver";
import { authChecker } from "./auth/auth-checker";
import { BilateralResolver } from "./bilateral/bilateral.resolver";
import "./common/node.registrations";
import { NodeResolver } from "./common/node.resolver";
import { ImportResolver } from "./import/import.resolver";
import { CommodityResolver } from "./commodity/commodity.resolver";
import { CountryResolver } from "./country/country.resolver";
import { ExportRecordMutationResolver } from "./export-record/export-record.mutation.resolver";
import { ExportRecordResolver } from "./export-record/export-record.resolver";
import "./meeting/meeting.node";
import { FlowObservationsResolver, MirrorFlowsResolver, MirrorReportResolver } from "./mirror/mirror.resolver";
import { MeetingMutationResolver } from "./meeting/meeting.mutation.resolver";
import { CountryMeetingsResolver, MeetingResolver, ParticipantResolver } from "./meeting/meeting.resolver";
import "./report/report.node";
import { ReportMutationResolver } from "./report/report.mutation.resolver";
import { CountryReportsResolver, ReportResolver } from "./report/report.resolver";
import { SearchResolver } from "./search/search.resolver";
import { SourceMutationResolver } from "./source/source.mutation.resolver";
import { PartnerShareResolver, PartnerTotalResolver, TradeResolver } from "./trade/trade.resolver";

/** Every resolver class of the API. A new feature adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the resolver list type of type-graphql
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  CountryResolver,
  CommodityResolver,
  ExportRecordResolver,
  TradeResolver,
  PartnerShareResolver,
  PartnerTotalResolver,
  MirrorFlowsResolver,
  FlowObservationsResolver,
  MirrorReportResolver,
  MeetingResolver,
  ParticipantResolver,
  CountryMeetingsResolver,
  ReportResolver,
  CountryReportsResolver,
  BilateralResolver,
  SearchResolver,
  ExportRecordMutationResolver,
  SourceMutationResolver,
  MeetingMutationResolver,
  ReportMutationResolver,
  ApiKeyResolver,
  ImportResolver,
];

const ROOT_DESCRIPTIONS = {
  query: "Reads: trade flows, meetings, reports and reference data. No API key needed unless the server requires one for reads.",
  mutation: "Writes. Each needs an API key with the role it names; refused input comes back as `userErrors` and writes nothing.",
};

/** type-graphql has no option for the root types' descriptions: they are set on the built schema. */
async function buildDescribedSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, authChecker, validate: false });
  schema.getQueryType()!.description = ROOT_DESCRIPTIONS.query;
  schema.getMutationType()!.description = ROOT_DESCRIPTIONS.mutation;
  return schema;
}

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built from the decorated classes once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildDescribedSchema();
  return built;
}
