import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const appRoot = path.resolve(__dirname, "..", "..", "..");
const viteBin = path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js");

export interface Preview {
  /** The page's address, e.g. http://127.0.0.1:41234/. */
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Serves the built app (dist/, from `npm run build`) with `vite preview`, forwarding /graphql to `apiOrigin`. */
export async function startPreview(apiOrigin: string): Promise<Preview> {
  if (!existsSync(path.join(appRoot, "dist", "index.html"))) {
    throw new Error(`${appRoot}/dist is missing: run \`npx turbo run build --filter=@tradegraph/example-web\` first.`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [viteBin, "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: appRoot,
    env: { ...process.env, TRADEGRAPH_API_PROXY: apiOrigin },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(url).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`vite preview did not answer at ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
