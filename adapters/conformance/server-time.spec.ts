import { describe, expect, test } from '../../harness/test.js';

describe('server', () => {
  test('time returns { seconds, microseconds } as integers', async ({ redis }) => {
    const time = await redis.time();
    expect(time).toEqual({ seconds: expect.any(Number), microseconds: expect.any(Number) });
    expect(Number.isInteger(time.seconds)).toBe(true);
    expect(Number.isInteger(time.microseconds)).toBe(true);
    expect(time.microseconds).toBeGreaterThanOrEqual(0);
    expect(time.microseconds).toBeLessThan(1_000_000);
  });

  test("time is the server's clock, close to this machine's", async ({ redis }) => {
    const { seconds, microseconds } = await redis.time();
    const serverMs = seconds * 1000 + microseconds / 1000;
    expect(Math.abs(serverMs - Date.now())).toBeLessThan(5000);
  });

  test('time moves forward between two calls', async ({ redis }) => {
    const first = await redis.time();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await redis.time();
    const micros = (time: { seconds: number; microseconds: number }) => time.seconds * 1e6 + time.microseconds;
    expect(micros(second)).toBeGreaterThan(micros(first));
  });

  test('ping returns PONG', async ({ redis }) => {
    expect(await redis.ping()).toBe('PONG');
  });

  test('sendCommand returns the raw reply', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.sendCommand(['GET', `${prefix}k`])).toBe('v');
    expect(await redis.sendCommand(['EXISTS', `${prefix}k`])).toBe(1);
  });

  test('close of the adapter is idempotent', async ({ connect }) => {
    const adapter = connect();
    await adapter.ping();
    await adapter.close();
    await expect(adapter.close()).resolves.toBeUndefined();
  });
});
