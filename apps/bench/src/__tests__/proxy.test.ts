import http from "node:http";
import type { AddressInfo } from "node:net";
import { startRoundRobinProxy } from "../servers/proxy";

describe("the bench's round-robin proxy", () => {
  it("hands each new connection to the next backend, and passes requests through", async () => {
    const backends = await Promise.all(
      ["one", "two"].map(
        (name) =>
          new Promise<http.Server>((resolve) => {
            const server = http.createServer((_req, res) => res.end(name));
            server.listen(0, "127.0.0.1", () => resolve(server));
          }),
      ),
    );
    const proxy = await startRoundRobinProxy(backends.map((b) => (b.address() as AddressInfo).port));
    try {
      const answers: string[] = [];
      for (let i = 0; i < 4; i++) {
        // A new connection each time (no keep-alive agent).
        const response = await fetch(proxy.origin, { headers: { connection: "close" } });
        answers.push(await response.text());
      }
      expect(answers).toEqual(["one", "two", "one", "two"]);
    } finally {
      await proxy.close();
      await Promise.all(backends.map((b) => new Promise((r) => b.close(r))));
    }
  });
});
