module.exports = {
  ...require("../../jest.preset.js"),
  // Tests import siblings as "./x.js" (ESM); Jest runs the TypeScript files.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};
