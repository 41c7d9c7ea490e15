import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpSwitch, type TcpSwitch } from './tcp-switch.js';

/** A tiny TCP echo server standing in for Redis. */
async function startEcho(): Promise<{ port: number; close(): void }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, close: () => server.close() };
}

async function roundTrip(url: string): Promise<string> {
  const { port } = new URL(url);
  const { createConnection } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port: Number(port) }, () => socket.write('ping'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(String(data));
    });
    socket.once('error', reject);
  });
}

describe('createTcpSwitch', () => {
  let relay: TcpSwitch | undefined;
  let echo: { close(): void } | undefined;
  afterEach(async () => {
    await relay?.close();
    echo?.close();
  });

  it('relays traffic, refuses it while cut, and relays again after restore', async () => {
    const upstream = await startEcho();
    echo = upstream;
    relay = await createTcpSwitch(`redis://127.0.0.1:${upstream.port}`);
    expect(await roundTrip(relay.url)).toBe('ping');
    await relay.cut();
    await expect(roundTrip(relay.url)).rejects.toThrow(/ECONNREFUSED/);
    await relay.restore();
    expect(await roundTrip(relay.url)).toBe('ping');
  });

  it('holds every byte while stalled, new connections included, and relays again after restore', async () => {
    const upstream = await startEcho();
    echo = upstream;
    relay = await createTcpSwitch(`redis://127.0.0.1:${upstream.port}`);
    await relay.stall();
    const answer = roundTrip(relay.url);
    const unanswered = await Promise.race([
      answer,
      new Promise((resolve) => setTimeout(() => resolve('silence'), 200)),
    ]);
    expect(unanswered).toBe('silence');
    await relay.restore();
    expect(await answer).toBe('ping');
  });
});
