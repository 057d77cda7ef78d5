import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { authChecker } from "./auth/auth-checker";
import "./common/node.registrations";
import { NodeResolver } from "./common/node.resolver";
import { CommodityResolver } from "./commodity/commodity.resolver";
import { CountryResolver } from "./country/country.resolver";
import { ExportRecordResolver } from "./export-record/export-record.resolver";
import { PartnerShareResolver, TradeResolver } from "./trade/trade.resolver";

/** Every resolver class of the API. A new feature adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  CountryResolver,
  CommodityResolver,
  ExportRecordResolver,
  TradeResolver,
  PartnerShareResolver,
];

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built from the decorated classes once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, authChecker, validate: false });
  return built;
}
