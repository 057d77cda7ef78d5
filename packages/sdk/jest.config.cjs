module.exports = {
  ...require("../../jest.preset.js"),
  // Sources import siblings as "./x.js" (ESM); tests run the TypeScript files.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};
