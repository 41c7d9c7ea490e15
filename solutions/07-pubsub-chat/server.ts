import { randomBytes } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import {
  describeIssue,
  historyLimitSchema,
  messageInputSchema,
  roomPatternSchema,
  roomSchema,
  socketFrameSchema,
  userSchema,
} from '../../katas/07-pubsub-chat/chat-input.js';
import { CHAT_PAGE } from '../../katas/07-pubsub-chat/chat-page.js';
import type { ErrorFrame, Leave, PresenceFrame, ServerOptions } from '../../katas/07-pubsub-chat/chat-types.js';
import { keepAlive } from '../../katas/07-pubsub-chat/keep-alive.js';
import { createKataServer, errorResponses, toErrorAnswer } from '../../server-kit/index.js';
import { createHistory } from './history.js';
import { createPresence } from './presence.js';
import { createRoomHub } from './room-hub.js';

export type { ServerOptions };

/** The largest frame a socket may send, in bytes: 2000 characters of text, JSON-escaped, fit. */
const MAX_FRAME_BYTES = 64 * 1024;

const messageSchema = z.object({
  type: z.literal('message'),
  id: z.string(),
  room: z.string(),
  user: z.string(),
  text: z.string(),
  ts: z.number().int().describe('ms since the epoch'),
});

/**
 * A socket between the handshake and its close. Its room is joined before the upgrade
 * (so a frame published once the socket is open reaches it); frames heard before the
 * upgrade wait in `pending`.
 */
interface Session {
  socket: WebSocket | null;
  pending: string[];
  release: () => Promise<void>;
}

const sessions = new WeakMap<FastifyRequest, Session>();

const errorFrame = (error: unknown): string => {
  const { body } = toErrorAnswer(error);
  return JSON.stringify({ type: 'error', error: body.error, message: body.message } satisfies ErrorFrame);
};
const presenceFrame = (room: string, user: string, online: boolean) =>
  JSON.stringify({ type: 'presence', room, user, online } satisfies PresenceFrame);

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

  const sockets = new Set<WebSocket>();
  const releases = new Set<Promise<void>>();
  const broadcast = (frame: string) => {
    for (const socket of sockets) socket.send(frame);
  };

  let redisUp = true;
  async function beat() {
    try {
      await presence.heartbeat();
      if (!redisUp) {
        await hub.resubscribe();
        redisUp = true;
        app.log.info('Redis is back: rooms subscribed again');
      }
    } catch (error) {
      if (redisUp) broadcast(errorFrame(error));
      redisUp = false;
      app.log.warn({ err: error }, 'heartbeat failed');
    }
  }
  const heartbeat = setInterval(() => void beat(), heartbeatMs);
  heartbeat.unref();

  /** Opens a session whose `release` runs once, when the socket (or its failed upgrade) closes. */
  function openSession(request: FastifyRequest, leave: () => Promise<void>): Session {
    let released: Promise<void> | null = null;
    const session: Session = {
      socket: null,
      pending: [],
      release() {
        if (!released) {
          released = leave().catch((error) => app.log.warn({ err: error }, 'leaving failed'));
          releases.add(released);
          void released.then(() => releases.delete(released as Promise<void>));
        }
        return released;
      },
    };
    request.raw.socket.once('close', () => void session.release());
    sessions.set(request, session);
    return session;
  }
  const deliverTo = (session: Session) => (frame: string) => {
    if (session.socket) session.socket.send(frame);
    else session.pending.push(frame);
  };

  /** After the upgrade: the socket takes its frames, is pinged, and releases its session on close. */
  function attach(request: FastifyRequest, socket: WebSocket): Session {
    const session = sessions.get(request);
    if (!session) throw new Error('A socket arrived without its session.');
    session.socket = socket;
    for (const frame of session.pending.splice(0)) socket.send(frame);
    sockets.add(socket);
    keepAlive(socket, pingMs);
    socket.once('close', () => {
      sockets.delete(socket);
      void session.release();
    });
    return session;
  }

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
        let leaveRoom: Leave | null = null;
        let entered = false;
        const session = openSession(request, async () => {
          await leaveRoom?.();
          if (entered && (await presence.leave(room, user))) await hub.publish(room, presenceFrame(room, user, false));
        });
        leaveRoom = await hub.join(room, deliverTo(session));
        const cameOnline = await presence.enter(room, user);
        entered = true;
        if (cameOnline) await hub.publish(room, presenceFrame(room, user, true));
      },
    },
    (socket, request) => {
      attach(request, socket);
      const { room } = chatParams.parse(request.params);
      const { user } = chatQuery.parse(request.query);
      let sending = Promise.resolve();
      socket.on('message', (data) => {
        const parsed = socketFrameSchema.safeParse(parseJson(String(data)));
        if (!parsed.success) {
          socket.send(
            JSON.stringify({
              type: 'error',
              error: 'validation_error',
              message: `Send {"text": "…"}, 1–2000 characters: ${describeIssue(parsed.error)}.`,
            } satisfies ErrorFrame),
          );
          return;
        }
        // One at a time per socket, so that a sender's messages keep their order.
        sending = sending.then(() =>
          history.send({ room, user, text: parsed.data.text }).then(
            () => undefined,
            (error) => socket.send(errorFrame(error)),
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
        let stop: Leave | null = null;
        const session = openSession(request, async () => stop?.());
        const deliver = deliverTo(session);
        stop = await hub.watch(pattern, (frame) => {
          if (isMessageFrame(frame)) deliver(frame);
        });
      },
    },
    (socket, request) => {
      attach(request, socket);
      socket.on('message', () =>
        socket.send(
          JSON.stringify({
            type: 'error',
            error: 'read_only',
            message: 'This socket only watches; send messages on /ws/chat/:room.',
          } satisfies ErrorFrame),
        ),
      );
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
    for (const socket of sockets) socket.terminate();
    await Promise.allSettled([...releases]);
    await hub.close();
  });

  return app;
}

/** JSON text → value; not JSON → `undefined` (then the schema explains). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Watchers get chat messages only, not presence. */
function isMessageFrame(frame: string): boolean {
  return (parseJson(frame) as { type?: unknown } | undefined)?.type === 'message';
}
