/**
 * A WebSocket client for specs (the `ws` package): open a socket, wait for the next frame
 * that matches, close. Every wait has a deadline, and its error says what was awaited
 * and which frames arrived instead.
 *
 *   const socket = await openSocket(`${ws}/ws/chat/general?user=ada`);
 *   const frame = await socket.next((f) => f.type === 'message', 'a message frame');
 */
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';

/** A frame the server sent, parsed from JSON (`{ raw }` when it was not JSON). */
export type Frame = Record<string, unknown>;

export interface TestSocket {
  readonly socket: WebSocket;
  /** Every frame received so far, in order. */
  readonly frames: readonly Frame[];
  /** Sends `value` as JSON (a string is sent as it is). */
  send(value: unknown): void;
  /**
   * The first frame not taken yet that matches `match`, waiting up to `timeoutMs`
   * (default 5000). `what` names it in the error: "a message frame from ada".
   */
  next(match: (frame: Frame) => boolean, what: string, timeoutMs?: number): Promise<Frame>;
  /** Resolves with the close code and reason once the socket is closed. */
  closed(): Promise<{ code: number; reason: string }>;
  /** Closes the socket (code 1000) and waits until it is closed. Idempotent. */
  close(): Promise<void>;
  /** Drops the connection without a close frame, as a crashed client would. */
  terminate(): void;
}

/** The server refused the handshake with an HTTP answer. */
export class HandshakeRefusedError extends Error {
  override name = 'HandshakeRefusedError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`The server refused the WebSocket handshake with HTTP ${status}: ${body}`);
  }
}

const waitMs = 5000;

export interface OpenOptions {
  /** How long the handshake may take, in ms. Default 5000. */
  timeoutMs?: number;
  /** Answer the server's pings (default). `false` plays a peer that vanished without closing. */
  autoPong?: boolean;
}

/** Opens a socket to `url` (`ws://…`); rejects with `HandshakeRefusedError` on an HTTP answer. */
export function openSocket(
  url: string,
  { timeoutMs = waitMs, autoPong = true }: OpenOptions = {},
): Promise<TestSocket> {
  const socket = new WebSocket(url, { autoPong });
  const frames: Frame[] = [];
  const taken = new Set<number>();
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(parseFrame(String(data)));
    for (const wake of waiters) wake();
  });
  const closing = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  socket.on('error', () => undefined); // reported through `open`'s rejection or `closed()`

  function take(match: (frame: Frame) => boolean): Frame | undefined {
    const index = frames.findIndex((frame, at) => !taken.has(at) && match(frame));
    if (index === -1) return undefined;
    taken.add(index);
    return frames[index];
  }

  const client: TestSocket = {
    socket,
    frames,
    send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
    next(match, what, ms = waitMs) {
      const found = take(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`Waited ${ms} ms for ${what}; received ${describeFrames(frames)}.`));
        }, ms);
        const wake = () => {
          const frame = take(match);
          if (!frame) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(frame);
        };
        waiters.add(wake);
      });
    },
    closed: () => closing,
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000);
      await closing;
    },
    terminate: () => socket.terminate(),
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`The WebSocket to ${url} did not open within ${timeoutMs} ms.`));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += String(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        socket.terminate();
        reject(new HandshakeRefusedError(response.statusCode ?? 0, body));
      });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The refusal of a handshake that must fail; fails the test when the socket opens instead. */
export async function refusedHandshake(url: string): Promise<HandshakeRefusedError> {
  try {
    const socket = await openSocket(url);
    await socket.close();
  } catch (error) {
    if (error instanceof HandshakeRefusedError) return error;
    throw error;
  }
  throw new Error(`Expected the handshake to ${url} to be refused, but the socket opened.`);
}

/** Listens on a free port of 127.0.0.1; the base URLs for HTTP and WebSockets. */
export async function listenOnFreePort(app: FastifyInstance): Promise<{ http: string; ws: string }> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { http: address, ws: address.replace(/^http/, 'ws') };
}

function parseFrame(text: string): Frame {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Frame) : { raw: text };
  } catch {
    return { raw: text };
  }
}

function describeFrames(frames: readonly Frame[]): string {
  if (frames.length === 0) return 'no frame at all';
  const shown = frames.slice(-5).map((frame) => JSON.stringify(frame));
  return `${frames.length} frame(s), the last: ${shown.join(', ')}`;
}
