import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startLiveApi, type LiveApi } from "./live-api.js";

const run = promisify(execFile);
const sdkRoot = path.resolve(__dirname, "..", "..");
const repoLock = path.resolve(sdkRoot, "..", "..", "package-lock.json");
const tsc = require.resolve("typescript/bin/tsc");

/** The environment of a command run outside the workspace: npm's own variables from `npm test` left out. */
function outsideEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(package|lifecycle|config_(workspace|prefix|global))/i.test(name)));
}

async function exec(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env: outsideEnv(), maxBuffer: 10 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}: ${message}\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

/** A consumer's typed query, compiled by TypeScript as ESM (.mts) or CommonJS (.cts) and then run by Node. */
function consumerSource(kind: "esm" | "cjs", url: string): string {
  const body = `
  const client = createClient({ url: ${JSON.stringify(url)} });
  const { topPartners } = await client.topPartners({ exporter: "AZ", commodity: "2709", period: "2024-01" });
  const first: TopPartnersQuery["topPartners"]["partners"][number] | undefined = topPartners.partners[0];
  const viaDocument = await client.request(TopPartnersDocument, { exporter: "AZE", commodity: "2709", period: "2024-01", limit: 1 });
  let errorCode = "none";
  try {
    await client.country({ code: "XX" });
  } catch (error) {
    if (error instanceof TradegraphError) errorCode = error.code;
  }
  console.log(JSON.stringify({
    kind: ${JSON.stringify(kind)},
    partner: first?.partner.name,
    tonnes: first?.quantityTonnes,
    viaDocument: viaDocument.topPartners.partners.map((line) => line.partner.code),
    errorCode,
  }));

  // Never called: proves the types are real (not any) in the installed package.
  function typeErrors() {
    // @ts-expect-error period is a YYYY-MM string, not a number
    void client.topPartners({ exporter: "AZ", commodity: "2709", period: 202401 });
    // @ts-expect-error the result has no field partnerz
    void topPartners.partnerz;
  }
  void typeErrors;`;
  return `import { createClient, TopPartnersDocument, TradegraphError, type TopPartnersQuery } from "@tradegraph/sdk";
${kind === "esm" ? body : `async function main() {${body}\n}\nvoid main();`}
`;
}

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

describe("@tradegraph/sdk as a package installed outside the repository", () => {
  let api: LiveApi;
  let project: string;
  let packed: PackResult;

  beforeAll(async () => {
    project = mkdtempSync(path.join(os.tmpdir(), "tradegraph-sdk-consumer-"));
    const [started, packs] = await Promise.all([
      startLiveApi(),
      exec("npm", ["pack", "--json", "--pack-destination", project], sdkRoot).then((out) => JSON.parse(out) as PackResult[]),
    ]);
    api = started;
    packed = packs[0]!;
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it("ships only the builds, the README and the licence, with graphql as a peer", () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths.filter((p) => !p.startsWith("dist/")).sort()).toEqual(["LICENSE", "README.md", "package.json"]);
    expect(paths).toEqual(expect.arrayContaining(["dist/esm/index.js", "dist/esm/index.d.ts", "dist/cjs/index.js", "dist/cjs/index.d.ts"]));
    expect(paths.filter((p) => /__tests__|\.map$|\.graphql$/.test(p))).toEqual([]);

    const manifest = JSON.parse(readFileSync(path.join(sdkRoot, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ version: "0.1.0", license: "MIT", peerDependencies: { graphql: "^16.0.0" } });
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).not.toContain("graphql");
  });

  it("installs from its tarball into a fresh project, type-checks, and runs a typed query from ESM and CommonJS", async () => {
    const tarball = readFileSync(path.join(project, packed.filename));
    const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
    const sdkSpec = `file:${packed.filename}`;
    // The third-party packages as the repository's lockfile pins them, so npm takes them from its cache.
    const repoPackages = JSON.parse(readFileSync(repoLock, "utf8")).packages as Record<string, object>;
    const dependencies = { "@tradegraph/sdk": sdkSpec, graphql: "16.15.0" };
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "sdk-consumer", version: "1.0.0", private: true, dependencies }, null, 2));
    writeFileSync(
      path.join(project, "package-lock.json"),
      JSON.stringify(
        {
          name: "sdk-consumer",
          version: "1.0.0",
          lockfileVersion: 3,
          requires: true,
          packages: {
            "": { name: "sdk-consumer", version: "1.0.0", dependencies },
            "node_modules/@tradegraph/sdk": {
              version: "0.1.0",
              resolved: sdkSpec,
              integrity,
              dependencies: { "@graphql-typed-document-node/core": "3.2.0" },
              peerDependencies: { graphql: "^16.0.0" },
            },
            "node_modules/@graphql-typed-document-node/core": repoPackages["node_modules/@graphql-typed-document-node/core"],
            "node_modules/graphql": repoPackages["node_modules/graphql"],
          },
        },
        null,
        2,
      ),
    );
    const install = ["ci", "--no-audit", "--no-fund", "--ignore-scripts"];
    // Offline from npm's cache; a machine whose cache lacks a package fetches it once.
    await exec("npm", [...install, "--offline"], project).catch(() => exec("npm", [...install, "--prefer-offline"], project));
    // graphql is the app's own copy (a peer), not a second one inside the SDK.
    expect(existsSync(path.join(project, "node_modules", "@tradegraph", "sdk", "node_modules"))).toBe(false);

    writeFileSync(path.join(project, "esm.mts"), consumerSource("esm", api.url));
    writeFileSync(path.join(project, "cjs.cts"), consumerSource("cjs", api.url));
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], types: [], strict: true, outDir: "out" },
        files: ["esm.mts", "cjs.cts"],
      }),
    );
    await exec(process.execPath, [tsc, "-p", "tsconfig.json"], project);
    expect(readFileSync(path.join(project, "out", "cjs.cjs"), "utf8")).toContain('require("@tradegraph/sdk")');

    for (const [kind, script] of [["esm", "out/esm.mjs"], ["cjs", "out/cjs.cjs"]] as const) {
      const output = JSON.parse(await exec(process.execPath, [script], project));
      expect(output).toEqual({ kind, partner: "Israel", tonnes: 523_500, viaDocument: ["IL"], errorCode: "UNKNOWN_COUNTRY" });
    }
  }, 120_000);
});
