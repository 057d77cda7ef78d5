import type { ReportFindingRow, ReportRow } from "@tradegraph/db/sql";
import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@ObjectType({ description: "A statement a report makes, in the report's order." })
export class Finding {
  @Field(() => String, { description: "The statement, quoted or paraphrased (see isQuote)." })
  text!: string;

  @Field(() => Boolean, { description: "The text quotes the report word for word; otherwise it is the source's paraphrase." })
  isQuote!: boolean;

  static from(row: Pick<ReportFindingRow, "text" | "isQuote">): Finding {
    return Object.assign(new Finding(), { text: row.text, isQuote: row.isQuote });
  }
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: "A report an institution published about countries, with its findings and source." })
export class Report extends Node {
  /** Database key, for services and loaders. */
  key!: number;
  sourceKey!: number;
  publisherCountryCode!: string | null;

  @Field(() => String, { description: "The report's title as published." })
  title!: string;

  @Field(() => String, { description: "The institution, e.g. Diaspora Ministry." })
  publisher!: string;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day; null when the source doesn't give it." })
  publishedOn!: Date | null;

  @Field(() => [String], { description: "What the report is about, as the source words it." })
  topics!: string[];

  @Field(() => GraphQLDateTime, { description: "When the report was stored (ISO 8601, UTC)." })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: "When the report last changed (ISO 8601, UTC)." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created the report (API key, importer, seed)." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed the report." })
  updatedBy!: string | null;

  static from(row: ReportRow): Report {
    return Object.assign(new Report(), {
      id: toGlobalId("Report", row.id),
      key: row.id,
      sourceKey: row.sourceId,
      publisherCountryCode: row.publisherCountryCode,
      title: row.title,
      publisher: row.publisher,
      publishedOn: row.publishedOn,
      topics: row.topics,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      createdBy: row.createdBy,
      updatedBy: row.updatedBy,
    });
  }
}
