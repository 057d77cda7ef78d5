// Compiled (not run) by types.test.ts.
import { createClient, type UserErrorCode } from "../index.js";

export async function checks(): Promise<void> {
  const client = createClient({ url: "http://127.0.0.1:4000/graphql" });

  const { topPartners } = await client.topPartners({ exporter: "AZ", commodity: "2709", period: "2024-01", limit: 5 });
  const rank: number | null = topPartners.partners[0]!.rank;
  void rank;

  // @ts-expect-error limit is an Int, not a string
  await client.topPartners({ exporter: "AZ", commodity: "2709", limit: "5" });

  // @ts-expect-error exporter is required
  await client.topPartners({ commodity: "2709" });

  // @ts-expect-error misspelt result field
  void topPartners.partners[0]!.valueUSD;

  // @ts-expect-error the result has no such field
  void topPartners.exporterName;

  // @ts-expect-error misspelt variable
  await client.country({ cdoe: "AZ" });

  const { createExportRecord } = await client.createExportRecord({
    input: { exporter: "AZ", importer: "IL", commodity: "2709", period: "2024-01", source: "id" },
  });
  const code: UserErrorCode | undefined = createExportRecord.userErrors[0]?.code;
  // @ts-expect-error userErrors codes are a closed set
  const unknownCode: UserErrorCode = "NOT_A_CODE";
  void code;
  void unknownCode;

  // @ts-expect-error input fields are typed too
  await client.createExportRecord({ input: { exporter: "AZ", importer: "IL", commodity: "2709", period: "2024-01", source: "id", valueUsd: "1" } });
}
