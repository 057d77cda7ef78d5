import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

describe("src/generated", () => {
  it("is what GraphQL Code Generator makes from apps/api/schema.graphql and src/operations (run `npm run generate`)", () => {
    const cli = path.join(root, "..", "..", "node_modules", ".bin", "graphql-codegen");
    const result = spawnSync(cli, ["--config", "codegen.yml", "--check"], { cwd: root, encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/stale files/i);
    expect(result.status).toBe(0);
  }, 60_000);
});
