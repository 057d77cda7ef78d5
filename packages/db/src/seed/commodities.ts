import type { Commodity } from "@tradegraph/domain";

/** HS 2022 headings of chapter 27 (mineral fuels) that the first stories need. */
export const COMMODITIES: readonly Commodity[] = [
  { hsCode: "2701", description: "Coal; briquettes, ovoids and similar solid fuels manufactured from coal" },
  { hsCode: "2709", description: "Petroleum oils and oils obtained from bituminous minerals, crude" },
  {
    hsCode: "2710",
    description: "Petroleum oils and oils obtained from bituminous minerals, other than crude; preparations thereof; waste oils",
  },
  { hsCode: "2711", description: "Petroleum gases and other gaseous hydrocarbons (natural gas, LNG, LPG)" },
  { hsCode: "2716", description: "Electrical energy" },
];
