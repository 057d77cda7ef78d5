import { ArgsType, Field } from "type-graphql";

@ArgsType()
export class BilateralArgs {
  @Field(() => String, { description: "One country, ISO alpha-2 or alpha-3, any case." })
  a!: string;

  @Field(() => String, { description: "The other country (not `a`), ISO alpha-2 or alpha-3, any case." })
  b!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "First month, YYYY-MM. Default: the first month with trade recorded between the two, either way. " +
      "When given, meetings and dated reports before it are left out.",
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Last month, YYYY-MM. Default: the last month with trade recorded between the two, either way. " +
      "When given, meetings and dated reports after it are left out.",
  })
  to?: string | null;
}
