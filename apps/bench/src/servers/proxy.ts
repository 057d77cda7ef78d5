/** The bench's own load balancer for --replicas: a round-robin TCP proxy on loopback, one backend per connection. */
import net from "node:net";

export interface RoundRobinProxy {
  /** http://127.0.0.1:port */
  origin: string;
  close(): Promise<void>;
}

export function startRoundRobinProxy(backendPorts: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const port = backendPorts[next++ % backendPorts.length]!;
    const backend = net.connect(port, "127.0.0.1");
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.once("close", () => sockets.delete(socket));
    }
    client.pipe(backend).pipe(client);
    client.once("error", () => backend.destroy());
    backend.once("error", () => client.destroy());
    client.once("close", () => backend.destroy());
    backend.once("close", () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
