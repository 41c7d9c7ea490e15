/**
 * Provided: you do not need to edit this file. Notices sockets that vanished without a
 * close (a laptop lid shut, a cable pulled): pings each socket every `pingMs`; one that has
 * not answered the previous ping by the next is terminated, which fires its `close` event.
 * So a dead peer is closed within two pings.
 */
import type { WebSocket } from 'ws';

/** Starts pinging `socket`; stops by itself when it closes. */
export function keepAlive(socket: WebSocket, pingMs: number): void {
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, pingMs);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}
