/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark's peer: socket.io with `@socket.io/redis-adapter`, the way production chats
 * fan out across instances, doing the same work per message as the kata's server: check
 * the text, make `{type, id, room, user, text, ts}`, store it in the room's last-100 list
 * (MULTI LPUSH + LTRIM, one round trip) and broadcast it to the room on every instance
 * (the adapter PUBLISHes it once; each instance's subscriber hands it to its sockets).
 * WebSocket transport only, as our clients use. Its clients are in `bench-connectors.ts`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis as IORedis } from 'ioredis';
import { Server } from 'socket.io';

export interface SocketIoInstance {
  port: number;
  close(): Promise<void>;
}

const HISTORY_LENGTH = 100;

/** One socket.io server on a free port, its adapter and history on the Redis at `url`. */
export async function startSocketIoInstance(url: string, namespace: string): Promise<SocketIoInstance> {
  const pub = new IORedis(url);
  const sub = pub.duplicate();
  const http = createServer();
  const io = new Server(http, {
    adapter: createAdapter(pub, sub, { key: `${namespace}socket.io` }),
    transports: ['websocket'],
    serveClient: false,
  });
  io.on('connection', (socket) => {
    const room = String(socket.handshake.query.room ?? '');
    const user = String(socket.handshake.query.user ?? '');
    socket.join(room);
    socket.on('chat', async (body: { text?: unknown }) => {
      const text = typeof body?.text === 'string' ? body.text.trim() : '';
      if (text.length < 1 || text.length > 2000) return;
      const message = { type: 'message', id: randomUUID(), room, user, text, ts: Date.now() };
      const history = `${namespace}chat:{${room}}:history`;
      await pub
        .multi()
        .lpush(history, JSON.stringify(message))
        .ltrim(history, 0, HISTORY_LENGTH - 1)
        .exec();
      io.to(room).emit('message', message);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    async close() {
      await io.close();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
