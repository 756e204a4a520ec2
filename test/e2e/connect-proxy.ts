import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/**
 * An HTTP CONNECT proxy for Chromium (--proxy-server) that tunnels the hosts it is given to local
 * ports and refuses every other host. It lets the production build talk to "login.microsoftonline.com:443"
 * served by a test server on an unprivileged port: no root, no port 443, and the page's origin, the
 * certificate's name and the authority in the bundle stay what they are. Loopback addresses never go
 * through a proxy in Chromium, so the Graph test server and the site are reached directly.
 */
export interface ConnectProxy {
  readonly url: string;
  /** "host:port" requested through the proxy, in order, refused ones included. */
  readonly tunnels: readonly string[];
  close(): Promise<void>;
}

export async function startConnectProxy(routes: Readonly<Record<string, number>>): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    // Plain HTTP through the proxy: nothing in these tests is meant to leave in clear.
    response.writeHead(403).end();
  });
  server.on("connect", (request, client: Socket, head: Buffer) => {
    const target = request.url ?? "";
    tunnels.push(target);
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    const port = routes[target];
    if (port === undefined) {
      client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = connect(port, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
