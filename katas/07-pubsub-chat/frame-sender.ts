/**
 * Provided: you do not need to edit this file. Sends frames to sockets, cheaply when many
 * go out at once (step 5).
 *
 * A message to a room goes to every local socket of the room: one text, many sockets, and
 * often several messages from one read of the subscriber connection. Two savings, measured
 * by `pnpm bench 07` (the README's Benchmark section):
 * - the text becomes bytes once per frame, not once per socket;
 * - a connection is corked at its first frame of a tick and uncorked on the next tick, so
 *   the frames of one tick leave in one write system call, not one each (those calls were
 *   over half of the server's CPU time).
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

export interface FrameSender {
  /** Sends `frame` on `socket`, whose TCP connection is `connection` (the upgraded request's socket). */
  send(socket: WebSocket, connection: Socket, frame: string): void;
}

export function createFrameSender(): FrameSender {
  let lastFrame: string | null = null;
  let lastBytes = Buffer.alloc(0);
  const corked = new Set<Socket>();
  const uncorkAll = () => {
    for (const connection of corked) connection.uncork();
    corked.clear();
  };
  return {
    send(socket, connection, frame) {
      if (frame !== lastFrame) {
        lastFrame = frame;
        lastBytes = Buffer.from(frame);
      }
      if (!corked.has(connection)) {
        if (corked.size === 0) process.nextTick(uncorkAll);
        connection.cork();
        corked.add(connection);
      }
      socket.send(lastBytes, { binary: false });
    },
  };
}
