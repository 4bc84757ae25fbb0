import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A loopback TCP proxy in front of the shared MariaDB that a test can cut and restore, so "the database
 * went away" is tested without stopping the database other runs use. `cut()` destroys every open
 * connection and refuses new ones (as a stopped server does); `restore()` accepts again. `delayMs`
 * holds every chunk from the database back that long (a slow database: requests stay in flight).
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  delayMs: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const proxy: TcpProxy = {
    get port() {
      return port;
    },
    delayMs: 0,
    cut: async () => {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    restore: async () => {
      if (!server) await listen(port);
    },
    close: () => proxy.cut(),
  };

  function listen(onPort: number): Promise<void> {
    const s = createServer((client) => {
      const upstream = connect(target.port, target.host);
      sockets.add(client);
      sockets.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk) => {
        if (proxy.delayMs <= 0) client.write(chunk);
        else setTimeout(() => client.writable && client.write(chunk), proxy.delayMs);
      });
    });
    return new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(onPort, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });
  }

  await listen(0);
  return proxy;
}
