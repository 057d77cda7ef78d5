import type { SourceRow } from "@tradegraph/db/sql";
import { Directive, Field, ObjectType } from "type-graphql";
import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: "Where a fact comes from. What the source doesn't say stays null." })
export class Source extends Node {
  /** Database key, for services. */
  key!: number;

  @Field(() => String, { description: "Who published it, e.g. The Jerusalem Post." })
  publisher!: string;

  @Field(() => String, { description: "The article's, table's or data set's title." })
  title!: string;

  @Field(() => GraphQLDate, { nullable: true, description: "Publication day; null when unknown." })
  publishedOn!: Date | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL; null when none is known." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "How and when the source was obtained." })
  retrievalNote!: string | null;

  @Field(() => Boolean, { description: "Generated data (benchmarks, demos), never real statistics." })
  synthetic!: boolean;

  @Field(() => GraphQLDateTime, { description: "When the source was stored (ISO 8601, UTC)." })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: "When the source last changed (ISO 8601, UTC)." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created the source (API key, importer, seed)." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed the source." })
  updatedBy!: string | null;

  static from(row: SourceRow): Source {
    return Object.assign(new Source(), { ...row, key: row.id, id: toGlobalId("Source", row.id) });
  }
}
