import path from "node:path";
import ts from "typescript";

// Compiles types.check.ts, whose every `@ts-expect-error` marks a mistake the SDK's types must reject.
// An expected error that does not happen is itself an error (TS2578), so zero diagnostics proves them all.
describe("compile-time checks", () => {
  it("rejects wrong variable types, missing variables and misspelt result fields", () => {
    const file = path.join(__dirname, "types.check.ts");
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
