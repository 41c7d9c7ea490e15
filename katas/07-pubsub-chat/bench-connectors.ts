/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark's clients, one socket each, already in the room when connected: a `ws`
 * socket on the kata's `/ws/chat/:room?user=` (sends `{"text"}`, reads `{type:"message"}`
 * frames), or a socket.io-client socket on the peer (WebSocket transport, as ours).
 */
import { io as connectSocketIo } from 'socket.io-client';
import WebSocket from 'ws';
import type { FanOutClient } from '../../harness/bench/fan-out-load.js';

/** Which server a client talks to. */
export type ClientKind = 'ws' | 'socket.io';

export interface ConnectedClient extends FanOutClient {
  close(): void;
}

/** A socket in `room` as `user` on the server at `port`, open. */
export function connectClient(kind: ClientKind, port: number, room: string, user: string): Promise<ConnectedClient> {
  return kind === 'ws' ? connectChatClient(port, room, user) : connectSocketIoClient(port, room, user);
}

async function connectChatClient(port: number, room: string, user: string): Promise<ConnectedClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws/chat/${room}?user=${encodeURIComponent(user)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', (error) => reject(new Error(`WebSocket client could not connect: ${error.message}`)));
  });
  let handler: (text: string) => void = () => {};
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; text?: string };
    if (frame.type === 'message' && frame.text !== undefined) handler(frame.text);
  });
  return {
    send: (text) => socket.send(JSON.stringify({ text })),
    onText: (next) => {
      handler = next;
    },
    close: () => socket.close(),
  };
}

async function connectSocketIoClient(port: number, room: string, user: string): Promise<ConnectedClient> {
  const socket = connectSocketIo(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    query: { room, user },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`socket.io client could not connect: ${error.message}`)));
  });
  let handler: (text: string) => void = () => {};
  socket.on('message', (message: { text: string }) => handler(message.text));
  return {
    send: (text) => socket.emit('chat', { text }),
    onText: (next) => {
      handler = next;
    },
    close: () => socket.close(),
  };
}
