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
import { MeetingMutationResolver } from "./meeting/meeting.mutation.resolver";
import { CountryMeetingsResolver, MeetingResolver, ParticipantResolver } from "./meeting/meeting.resolver";
import "./report/report.node";
import { ReportMutationResolver } from "./report/report.mutation.resolver";
import { CountryReportsResolver, ReportResolver } from "./report/report.resolver";
import { SearchResolver } from "./search/search.resolver";
import { SourceMutationResolver } from "./source/source.mutation.resolver";
import { PartnerShareResolver, TradeResolver } from "./trade/trade.resolver";

/** Every resolver class of the API. A new feature adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the resolver list type of type-graphql
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  CountryResolver,
  CommodityResolver,
  ExportRecordResolver,
  TradeResolver,
  PartnerShareResolver,
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

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built from the decorated classes once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, authChecker, validate: false });
  return built;
}
