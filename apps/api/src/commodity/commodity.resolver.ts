import { parseHsCode } from "@tradegraph/domain";
import { commodityTable } from "@tradegraph/db/sql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { commodityOf } from "../reference-data";
import type { Context } from "../server/context";
import { ErrorCode, parseInput, userInputError } from "../server/errors";
import { join, queryRows, sql, type Sql } from "../sql";
import { CommoditiesArgs } from "./commodity.args";
import { Commodity, HsSection } from "./commodity.type";

const column = (key: keyof typeof commodityTable.spec) => commodityTable.column("c", key);

@Resolver(() => Commodity)
export class CommodityResolver {
  @Query(() => [Commodity], {
    description:
      "HS 2022 codes in code order, at most `first`. Without `level`, `parent` or `search`: the 97 chapters (walk down with `children` or `parent`).",
  })
  async commodities(@Args(() => CommoditiesArgs) args: CommoditiesArgs, @Ctx() context: Context): Promise<Commodity[]> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 1000) {
      throw userInputError(ErrorCode.BAD_USER_INPUT, `\`first\` must be between 1 and 1000, got ${args.first}.`, "first");
    }
    const conditions: Sql[] = [];
    if (args.level != null) {
      if (![2, 4, 6].includes(args.level)) throw userInputError(ErrorCode.BAD_USER_INPUT, `\`level\` is 2, 4 or 6, got ${args.level}.`, "level");
      conditions.push(sql`${column("level")} = ${args.level}`);
    }
    if (args.parent != null) {
      const parent = parseInput("parent", () => parseHsCode(args.parent!));
      if (!(await commodityOf(context, parent))) {
        throw userInputError("UNKNOWN_COMMODITY", `No commodity with HS code ${parent} is known.`, "parent");
      }
      conditions.push(sql`${column("parentCode")} = ${parent}`);
    }
    const search = args.search?.trim();
    if (search) {
      conditions.push(sql`(left(${column("hsCode")}, ${search.length}) = ${search} OR strpos(lower(${column("description")}), lower(${search})) > 0)`);
    }
    if (conditions.length === 0) conditions.push(sql`${column("level")} = 2`);
    const rows = await queryRows<Record<string, unknown>>(
      context.db.pool,
      sql`SELECT ${commodityTable.columns("c")} FROM ${commodityTable.from("c")} WHERE ${join(conditions, " AND ")}
          ORDER BY ${column("hsCode")} LIMIT ${args.first}`,
    );
    return rows.map((row) => Commodity.from(commodityTable.decode(row)));
  }

  @Query(() => Commodity, { nullable: true, description: "One HS code (2, 4 or 6 digits), or null when it is not in the nomenclature." })
  async commodity(@Arg("hsCode", () => String, { description: "An HS 2022 code, e.g. 27, 2709 or 270900." }) hsCode: string, @Ctx() context: Context) {
    const code = parseInput("hsCode", () => parseHsCode(hsCode));
    return (await commodityOf(context, code)) ?? null;
  }

  @FieldResolver(() => Commodity, { nullable: true, description: "The code one level up (a heading's chapter, a subheading's heading); null for a chapter." })
  parent(@Root() commodity: Commodity, @Ctx() context: Context) {
    return commodity.parentCode === null ? null : commodityOf(context, commodity.parentCode);
  }

  @FieldResolver(() => [Commodity], { description: "The codes one level down (a chapter's headings, a heading's subheadings), in code order; empty for a subheading." })
  async children(@Root() commodity: Commodity, @Ctx() { reference }: Context): Promise<readonly Commodity[]> {
    return (reference.commodities.current ?? (await reference.commodities())).childrenOf(commodity.hsCode);
  }

  @FieldResolver(() => HsSection, { nullable: true, description: "The HS section the code belongs to; null for chapter 99 (not specified according to kind)." })
  async section(@Root() commodity: Commodity, @Ctx() { reference }: Context): Promise<HsSection | null> {
    if (commodity.sectionCode === null) return null;
    return (reference.commodities.current ?? (await reference.commodities())).sections.get(commodity.sectionCode) ?? null;
  }
}
