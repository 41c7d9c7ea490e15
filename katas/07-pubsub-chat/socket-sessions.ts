/**
 * Provided: you do not need to edit this file. The bookkeeping between a WebSocket
 * handshake and its socket (step 5). A room is joined in a `preHandler`, before the
 * upgrade, so that a socket that is open is already subscribed: frames heard before the
 * upgrade wait, and go out once the socket is there. Leaving runs once, when the
 * connection closes, however it closed, and also when the upgrade never happened.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { FrameListener } from './chat-types.js';
import { createFrameSender } from './frame-sender.js';
import { keepAlive } from './keep-alive.js';

export interface SocketSessions {
  /**
   * In a `preHandler`: starts the session of `request`. `leave` runs once, when its
   * connection closes (its errors are logged). Returns the listener to give the hub.
   */
  open(request: FastifyRequest, leave: () => Promise<void>): FrameListener;
  /** In the WebSocket handler: the socket gets its waiting frames, is pinged, and its close ends the session. */
  attach(request: FastifyRequest, socket: WebSocket): void;
  /** Sends `frame` to every open socket. */
  broadcast(frame: string): void;
  /** Terminates every socket and waits until every session has left (for `onClose`). */
  closeAll(): Promise<void>;
}

interface Session {
  socket: WebSocket | null;
  /** The TCP connection under the socket: the upgraded request's. */
  connection: Socket;
  pending: string[];
}

export interface SocketSessionsOptions {
  /** How often each socket is pinged (`keep-alive.ts`). */
  pingMs: number;
  log: FastifyBaseLogger;
}

export function createSocketSessions({ pingMs, log }: SocketSessionsOptions): SocketSessions {
  const sessions = new WeakMap<FastifyRequest, Session>();
  /** Every open socket, with its TCP connection. */
  const sockets = new Map<WebSocket, Socket>();
  const sender = createFrameSender();
  const leaving = new Set<Promise<void>>();

  return {
    open(request, leave) {
      const session: Session = { socket: null, connection: request.raw.socket, pending: [] };
      sessions.set(request, session);
      request.raw.socket.once('close', () => {
        const left = leave().catch((error: unknown) => log.warn({ err: error }, 'leaving a room failed'));
        leaving.add(left);
        void left.then(() => leaving.delete(left));
      });
      return (frame) => {
        if (session.socket) sender.send(session.socket, session.connection, frame);
        else session.pending.push(frame);
      };
    },
    attach(request, socket) {
      const session = sessions.get(request);
      if (!session) throw new Error('A socket arrived without its session: open it in a preHandler first.');
      session.socket = socket;
      for (const frame of session.pending.splice(0)) sender.send(socket, session.connection, frame);
      sockets.set(socket, session.connection);
      socket.once('close', () => sockets.delete(socket));
      keepAlive(socket, pingMs);
    },
    broadcast(frame) {
      for (const [socket, connection] of sockets) sender.send(socket, connection, frame);
    },
    async closeAll() {
      const closed = [...sockets.keys()].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
      for (const socket of sockets.keys()) socket.terminate();
      await Promise.all(closed); // each connection's own close (and its `leave`) has run by then
      await Promise.allSettled([...leaving]);
    },
  };
}
