import { randomBytes } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  errorFrame,
  errorFrameOf,
  isMessageFrame,
  messageSchema,
  presenceFrame,
} from '../../katas/07-pubsub-chat/chat-frames.js';
import {
  historyLimitSchema,
  messageInputSchema,
  readSocketFrame,
  roomPatternSchema,
  roomSchema,
  userSchema,
} from '../../katas/07-pubsub-chat/chat-input.js';
import { CHAT_PAGE } from '../../katas/07-pubsub-chat/chat-page.js';
import type { Leave, ServerOptions } from '../../katas/07-pubsub-chat/chat-types.js';
import { createSocketSessions } from '../../katas/07-pubsub-chat/socket-sessions.js';
import { createKataServer, errorResponses } from '../../server-kit/index.js';
import { createHistory } from './history.js';
import { createPresence } from './presence.js';
import { createRoomHub } from './room-hub.js';

export type { ServerOptions };

/** The largest frame a socket may send, in bytes: 2000 characters of text, JSON-escaped, fit. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Steps 5 and 6. The chat over HTTP and WebSockets. Every instance holds one subscriber
 * connection (the hub) for all its sockets, so two instances on one Redis share every
 * room. A heartbeat refreshes presence and notices Redis trouble: sockets get an error
 * frame, and when Redis is back the hub subscribes again on a fresh connection.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix: namespace = 'kata:07-pubsub-chat:', heartbeatMs = 5000, pingMs = 2000 } = options;
  const instanceId = randomBytes(6).toString('hex');
  const hub = createRoomHub({ redis, namespace });
  const history = createHistory({ redis, namespace });
  const presence = createPresence({ redis, namespace, instanceId, ttlMs: options.presenceTtlMs ?? 30_000 });

  const app = await createKataServer({
    redis,
    title: '07 · pub/sub chat',
    description:
      'Chat rooms over WebSockets, fanned out through Redis pub/sub so that several instances share every room, with a bounded history and presence. WebSocket routes: GET /ws/chat/{room}?user= and GET /ws/watch?pattern=.',
    logger: options.logger,
  });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  const sessions = createSocketSessions({ pingMs, log: app.log });

  let redisUp = true;
  let beating = false;
  async function beat() {
    if (beating) return; // the previous beat still waits on a slow Redis
    beating = true;
    try {
      await presence.heartbeat();
      if (!redisUp) {
        await hub.resubscribe();
        redisUp = true;
        app.log.info('Redis is back: rooms subscribed again');
      }
    } catch (error) {
      if (redisUp) sessions.broadcast(errorFrameOf(error));
      redisUp = false;
      app.log.warn({ err: error }, 'heartbeat failed');
    } finally {
      beating = false;
    }
  }
  const heartbeat = setInterval(() => void beat(), heartbeatMs);
  heartbeat.unref();

  const chatParams = z.object({ room: roomSchema });
  const chatQuery = z.object({ user: userSchema });
  app.get(
    '/ws/chat/:room',
    {
      websocket: true,
      schema: { params: chatParams, querystring: chatQuery },
      async preHandler(request) {
        const { room } = chatParams.parse(request.params);
        const { user } = chatQuery.parse(request.query);
        // The connection may close while these are in flight: leaving waits for them, and
        // undoes only what worked.
        let joining: Promise<Leave> | undefined;
        let entering: Promise<boolean> | undefined;
        const deliver = sessions.open(request, async () => {
          const leaveRoom = await joining?.catch(() => undefined);
          await leaveRoom?.();
          const entered = await entering?.then(
            () => true,
            () => false,
          );
          if (entered && (await presence.leave(room, user))) await hub.publish(room, presenceFrame(room, user, false));
        });
        joining = hub.join(room, deliver);
        await joining;
        entering = presence.enter(room, user);
        if (await entering) await hub.publish(room, presenceFrame(room, user, true));
      },
    },
    (socket, request) => {
      sessions.attach(request, socket);
      const { room } = chatParams.parse(request.params);
      const { user } = chatQuery.parse(request.query);
      let sending = Promise.resolve();
      socket.on('message', (data) => {
        const frame = readSocketFrame(String(data));
        if (!frame.ok) {
          socket.send(errorFrame('validation_error', frame.problem));
          return;
        }
        // One at a time per socket, so that a sender's messages keep their order.
        sending = sending.then(() =>
          history.send({ room, user, text: frame.text }).then(
            () => undefined,
            (error) => socket.send(errorFrameOf(error)),
          ),
        );
      });
    },
  );

  const watchQuery = z.object({ pattern: roomPatternSchema });
  app.get(
    '/ws/watch',
    {
      websocket: true,
      schema: { querystring: watchQuery },
      async preHandler(request) {
        const { pattern } = watchQuery.parse(request.query);
        let watching: Promise<Leave> | undefined;
        const deliver = sessions.open(request, async () => (await watching?.catch(() => undefined))?.());
        watching = hub.watch(pattern, (frame) => {
          if (isMessageFrame(frame)) deliver(frame);
        });
        await watching;
      },
    },
    (socket, request) => {
      sessions.attach(request, socket);
      const readOnly = errorFrame('read_only', 'This socket only watches; send messages on /ws/chat/:room.');
      socket.on('message', () => socket.send(readOnly));
    },
  );

  app.post(
    '/chat/message',
    {
      schema: {
        summary: 'Send a message to a room: stored in its history and published to every socket in it',
        tags: ['chat'],
        body: messageInputSchema,
        response: { 201: messageSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => reply.code(201).send(await history.send(request.body)),
  );

  app.get(
    '/chat/rooms',
    {
      schema: {
        summary: 'The rooms with at least one user online',
        tags: ['chat'],
        response: { 200: z.object({ rooms: z.array(z.object({ room: z.string(), online: z.number().int() })) }) },
      },
    },
    async () => ({ rooms: await presence.rooms() }),
  );

  app.get(
    '/chat/rooms/:room/history',
    {
      schema: {
        summary: "A room's last messages (limit 1–100, default 50), oldest first",
        tags: ['chat'],
        params: chatParams,
        querystring: z.object({ limit: historyLimitSchema }),
        response: { 200: z.object({ room: z.string(), messages: z.array(messageSchema) }), ...errorResponses(400) },
      },
    },
    async (request) => ({
      room: request.params.room,
      messages: await history.read(request.params.room, request.query.limit),
    }),
  );

  app.get(
    '/chat/rooms/:room/online',
    {
      schema: {
        summary: 'The users online in a room, sorted',
        tags: ['chat'],
        params: chatParams,
        response: { 200: z.object({ room: z.string(), users: z.array(z.string()) }), ...errorResponses(400) },
      },
    },
    async (request) => ({ room: request.params.room, users: await presence.online(request.params.room) }),
  );

  app.get('/', { schema: { summary: 'The chat page', tags: ['page'] } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(CHAT_PAGE),
  );

  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    await sessions.closeAll();
    await hub.close();
  });

  return app;
}
