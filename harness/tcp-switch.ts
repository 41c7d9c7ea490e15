import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { findFreePort } from './redis-source/free-port.js';

/**
 * A TCP relay in front of a real Redis, with an off switch: `cut()` drops every connection
 * and refuses new ones, as a crashed server would; `stall()` keeps every connection open
 * but forwards nothing either way, as a hung server would (SIGSTOP, a stuck script);
 * `restore()` relays again on the same port. The Redis behind it is never touched.
 */
export interface TcpSwitch {
  /** `redis://127.0.0.1:<port>` of the relay. */
  readonly url: string;
  cut(): Promise<void>;
  /** Connections stay open, new ones are accepted, but no byte goes through until `restore()`. */
  stall(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function createTcpSwitch(upstreamUrl: string): Promise<TcpSwitch> {
  const upstream = new URL(upstreamUrl);
  const port = await findFreePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let stalled = false;

  const relay = (client: Socket) => {
    const backend = createConnection({ host: upstream.hostname, port: Number(upstream.port || 6379) });
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      if (stalled) socket.pause();
      socket.on('error', () => {
        client.destroy();
        backend.destroy();
      });
    }
    // Not pipe(): pipe() resumes a paused source on its own; a stall must hold until restore().
    const forward = (from: Socket, to: Socket) => from.on('data', (chunk) => to.write(chunk));
    forward(client, backend);
    forward(backend, client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(relay);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        resolve();
      });
    });

  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return {
    url: `${upstream.protocol}//${upstream.username ? `${upstream.username}:${upstream.password}@` : ''}127.0.0.1:${port}`,
    cut,
    stall: async () => {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    restore: async () => {
      stalled = false;
      for (const socket of sockets) socket.resume();
      if (!server) await listen();
    },
    close: cut,
  };
}
