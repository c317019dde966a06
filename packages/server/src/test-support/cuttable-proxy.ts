import net from "node:net";

/** A TCP proxy a test can cut and restore, to play a database outage without stopping the database. */
export interface CuttableProxy {
  port: number;
  /** Drops every open connection and refuses new ones (ECONNREFUSED), like a stopped server. */
  cut(): Promise<void>;
  /**
   * Keeps every connection open but passes no more bytes, and accepts new ones without
   * answering: a database that hangs (or a network that black-holes packets).
   */
  stall(): void;
  /** Accepts connections again on the same port (stalled connections are dropped). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/**
 * Forwards 127.0.0.1:<port> to `target`. Shared servers stay untouched: only the
 * connections through the proxy see the outage.
 *
 * @example
 * const proxy = await startCuttableProxy({ host: "127.0.0.1", port: 5432 });
 * await proxy.cut(); // … assert the outage … ; await proxy.restore();
 */
export async function startCuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;
  const makeServer = () =>
    net.createServer((client) => {
      sockets.add(client);
      client.on("close", () => sockets.delete(client));
      client.on("error", () => client.destroy());
      if (stalled) return;
      const upstream = net.connect(target.port, target.host);
      const pair: [net.Socket, net.Socket] = [client, upstream];
      pairs.add(pair);
      client.on("close", () => pairs.delete(pair));
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  let server = makeServer();
  const port = await listen(server, 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return {
    port,
    cut: stop,
    stall() {
      stalled = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async restore() {
      if (stalled) {
        stalled = false;
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        pairs.clear();
      }
      if (server.listening) return;
      server = makeServer();
      await listen(server, port);
    },
    close: stop,
  };
}

/** The same PostgreSQL URL, reached through the proxy. */
export function throughProxy(url: string, proxy: CuttableProxy): string {
  const proxied = new URL(url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return proxied.toString();
}
