import type { SourceRow } from "@tradegraph/db/sql";
import { Field, ObjectType } from "type-graphql";
import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { toGlobalId } from "../common/global-id";
import { Node } from "../common/node.type";

@ObjectType({ implements: Node, description: "Where a fact comes from. What the source doesn't say stays null." })
export class Source extends Node {
  /** Database key, for services. */
  key!: number;

  @Field(() => String)
  publisher!: string;

  @Field(() => String)
  title!: string;

  @Field(() => GraphQLDate, { nullable: true })
  publishedOn!: Date | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  retrievalNote!: string | null;

  @Field(() => Boolean, { description: "Generated data (benchmarks, demos), never real statistics." })
  synthetic!: boolean;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLDateTime)
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created the source (API key, importer, seed)." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed the source." })
  updatedBy!: string | null;

  static from(row: SourceRow): Source {
    return Object.assign(new Source(), { ...row, key: row.id, id: toGlobalId("Source", row.id) });
  }
}
