import type { ExportRecordRow } from "@tradegraph/db/sql";
import { unitPricePerBarrel, unitPricePerTonne } from "@tradegraph/domain";
import { GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";
import { Frequency, TradeFlow } from "./observation.type";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "One observation of a trade flow: an exporter's shipments of a commodity to an importer in a month or a year, as one reporter (the exporter or the importer) declares them.",
})
export class ExportRecord extends Node {
  key!: number;
  exporterCode!: string;
  importerCode!: string;
  commodityCode!: string;
  reporterCode!: string;
  sourceKey!: number;

  @Field(() => Frequency, { description: "Whether the figures are a month's (MONTHLY) or a year's (ANNUAL)." })
  frequency!: Frequency;

  @Field(() => String, { description: "The period observed: YYYY-MM for a monthly observation, YYYY for an annual one." })
  period!: string;

  @Field(() => TradeFlow, { description: "The flow as the reporter declares it (the record is always oriented exporter → importer)." })
  flow!: TradeFlow;

  @Field(() => Float, { nullable: true, description: "Metric tonnes; null when the source gives none." })
  quantityTonnes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The value in US dollars: `value` when `currency` is USD; null when the source gives none or states the value in another currency (no conversion is made).",
  })
  valueUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The trade value as the source states it, in `currency` (Comtrade's primaryValue); for a USD record it equals valueUsd. Null when the source gives none.",
  })
  value!: number | null;

  @Field(() => String, { description: "ISO 4217 code of `value`, `cifValue` and `fobValue`, e.g. USD or EUR." })
  currency!: string;

  @Field(() => Float, { nullable: true, description: "The value at the importer's border (cost, insurance, freight), in `currency`; null when the source gives none." })
  cifValue!: number | null;

  @Field(() => Float, { nullable: true, description: "The value at the exporter's border (free on board), in `currency`; null when the source gives none." })
  fobValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The quantity in `supplementaryUnit` (Comtrade's qty: units, litres, m² …), beside the weight in tonnes; null when the source gives none.",
  })
  supplementaryQuantity!: number | null;

  @Field(() => String, { nullable: true, description: "The unit of `supplementaryQuantity` as the source writes it (u, l, m², kg …); null without a quantity." })
  supplementaryUnit!: string | null;

  @Field(() => Boolean, { description: "The source marks the supplementary quantity as estimated." })
  supplementaryQuantityEstimated!: boolean;

  @Field(() => Boolean, { description: "The source gives the quantity as approximate (\"about\")." })
  quantityApproximate!: boolean;

  @Field(() => Boolean, { description: "The source gives the value as approximate (\"about\")." })
  valueApproximate!: boolean;

  @Field(() => Boolean, { description: "The source marks the quantity as estimated." })
  quantityEstimated!: boolean;

  @Field(() => Boolean, { description: "The source marks the value as estimated." })
  valueEstimated!: boolean;

  @Field(() => Int, { nullable: true, description: "The importer's rank among the exporter's buyers as the source states it." })
  reportedRank!: number | null;

  @Field(() => Float, { nullable: true, description: "USD per tonne, valueUsd / quantityTonnes; null when either is missing or zero." })
  unitPriceUsdPerTonne!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "USD per barrel for crude oil (HS 2709) at 7.33 barrels per tonne; null for other commodities.",
  })
  unitPriceUsdPerBarrel!: number | null;

  @Field(() => GraphQLDateTime, { description: "When the record was stored (ISO 8601, UTC)." })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: "When the record last changed (ISO 8601, UTC)." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created the record (API key name, importer, seed)." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed the record." })
  updatedBy!: string | null;
}

/** Maps a decoded export_record row (`exportRecordTable.decode`) to the GraphQL type. */
export function toExportRecord(row: ExportRecordRow): ExportRecord {
  const { quantityTonnes, valueUsd } = row;
  return Object.assign(new ExportRecord(), {
    id: toGlobalId("ExportRecord", row.id),
    key: row.id,
    exporterCode: row.exporterCode,
    importerCode: row.importerCode,
    commodityCode: row.commodityCode,
    reporterCode: row.reporterCode,
    sourceKey: row.sourceId,
    frequency: row.frequency as Frequency,
    period: row.period,
    flow: row.flow as TradeFlow,
    quantityTonnes,
    valueUsd,
    // A USD record written with value_usd alone (value null) states that value.
    value: row.value ?? (row.currency === "USD" ? valueUsd : null),
    currency: row.currency,
    cifValue: row.cifValue,
    fobValue: row.fobValue,
    supplementaryQuantity: row.supplementaryQuantity,
    supplementaryUnit: row.supplementaryUnit,
    supplementaryQuantityEstimated: row.supplementaryQuantityEstimated,
    quantityApproximate: row.quantityApproximate,
    valueApproximate: row.valueApproximate,
    quantityEstimated: row.quantityEstimated,
    valueEstimated: row.valueEstimated,
    reportedRank: row.reportedRank,
    unitPriceUsdPerTonne: unitPricePerTonne(valueUsd, quantityTonnes),
    unitPriceUsdPerBarrel: unitPricePerBarrel(valueUsd, quantityTonnes, row.commodityCode),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
  });
}
