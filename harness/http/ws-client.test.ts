import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { openSocket, refusedHandshake } from './ws-client.js';

/** A server that sends each new socket three frames, and refuses `/refuse` with a 400. */
let url = '';
const server = createServer((_request, response) => response.end());
const sockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  if (request.url === '/refuse') {
    socket.end(
      'HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 17\r\n\r\n{"error":"nope"}\n',
    );
    return;
  }
  sockets.handleUpgrade(request, socket, head, (ws) => {
    for (const frame of [{ type: 'hello' }, { type: 'message', n: 1 }, { type: 'message', n: 2 }])
      ws.send(JSON.stringify(frame));
    ws.send('not json');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of sockets.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

describe('ws-client', () => {
  it('next takes each matching frame once, in arrival order', async () => {
    const socket = await openSocket(`${url}/`);
    const isMessage = (frame: Record<string, unknown>) => frame.type === 'message';
    expect(await socket.next(isMessage, 'a message')).toEqual({ type: 'message', n: 1 });
    expect(await socket.next(isMessage, 'another message')).toEqual({ type: 'message', n: 2 });
    expect(await socket.next((frame) => 'raw' in frame, 'the text frame')).toEqual({ raw: 'not json' });
    await socket.close();
  });

  it('next rejects after its timeout, naming what it awaited and what arrived', async () => {
    const socket = await openSocket(`${url}/`);
    await socket.next((frame) => 'raw' in frame, 'the last frame');
    await expect(socket.next((frame) => frame.type === 'bye', 'a bye frame', 50)).rejects.toThrow(
      /Waited 50 ms for a bye frame; received 4 frame\(s\), the last: .*"type":"hello"/,
    );
    await socket.close();
  });

  it('refusedHandshake returns the HTTP status and body of a refusal', async () => {
    const refusal = await refusedHandshake(`${url}/refuse`);
    expect(refusal.status).toBe(400);
    expect(refusal.body).toContain('"error":"nope"');
  });

  it('refusedHandshake fails when the socket opens instead', async () => {
    await expect(refusedHandshake(`${url}/`)).rejects.toThrow(/Expected the handshake .* to be refused/);
  });
});
