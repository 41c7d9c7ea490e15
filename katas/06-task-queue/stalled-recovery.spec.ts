import { describe, expect, test, vi } from '../../harness/test.js';
import { createReliableQueue } from './reliable-queue.js';
import { startSweeper } from './stalled-recovery.js';
import type { Job } from './task-queue.js';
import { startWorker } from './worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step 6 · stalled-job recovery: a job whose worker died comes back', () => {
  test('a job not acked within visibilityMs goes back to the front of its level', async ({ redis, prefix }) => {
    // 500 ms: the first recoverStalled falls inside it even on a busy machine.
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs: 500 });
    await queue.enqueue({ id: 'stalled', data: '' });
    await queue.takeNow(); // …and the worker dies
    await queue.enqueue({ id: 'newer', data: '' });
    expect(await queue.recoverStalled(), 'recovered before the deadline').toBe(0);
    await sleep(550);
    expect(await queue.recoverStalled(), 'recovered once 550 ms more had passed, for visibilityMs 500').toBe(1);
    expect(await queue.get('stalled')).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(await redis.lLen(queue.keys.processing)).toBe(0);
    expect(await redis.zCard(queue.keys.deadlines)).toBe(0);
    expect((await queue.takeNow())?.id, 'taken first: it waited longest').toBe('stalled');
  });

  test('a job that stalled on its last attempt goes to the dead letters, saying so', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs: 50, maxAttempts: 1 });
    await queue.enqueue({ id: 'poison', data: '' });
    await queue.takeNow();
    await sleep(100);
    await queue.recoverStalled();
    expect(await queue.get('poison')).toMatchObject({
      state: 'dead',
      attempts: 1,
      error: expect.stringMatching(/stalled/),
    });
    expect(await redis.lRange(queue.keys.dead, 0, -1)).toEqual(['poison']);
  });

  test('two servers sweeping at once recover a job once', async ({ redis, prefix, connect }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs: 50 });
    const other = createReliableQueue({ redis: connect(), namespace: prefix, visibilityMs: 50 });
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    await sleep(100);
    const counts = await Promise.all([queue.recoverStalled(), other.recoverStalled(), queue.recoverStalled()]);
    expect(
      counts.reduce((sum, count) => sum + count, 0),
      'recoveries',
    ).toBe(1);
    expect(await redis.lRange(queue.keys.waiting('normal'), 0, -1)).toEqual(['a']);
  });

  test('the sweeper brings back a job whose worker died within visibilityMs + 1 s, and it completes', async ({
    redis,
    prefix,
    connect,
  }) => {
    const visibilityMs = 300;
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs });
    // A worker in another app instance takes the job and dies mid-job.
    const doomed = connect();
    const doomedQueue = createReliableQueue({ redis: doomed, namespace: prefix, visibilityMs });
    await queue.enqueue({ id: 'a', data: '' });
    expect((await doomedQueue.takeNow())?.id).toBe('a');
    await doomed.close();
    const diedAt = performance.now();
    // visibilityMs + 1 s as this process sees it: a timer armed now. On a busy machine it
    // fires late, and the sweeper and the worker run late, by the same amount.
    const limitEndedAfterMs = new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now() - diedAt), visibilityMs + 1000),
    );

    const sweeper = startSweeper({ queue, intervalMs: 50 });
    const worker = startWorker<Job>({
      redis,
      take: (connection, seconds) => queue.take(connection, seconds),
      handle: (job) => queue.process(job, async () => undefined).then(() => undefined),
      blockSeconds: 0.1,
    });
    try {
      await expect.poll(() => queue.get('a'), { timeout: 5000, interval: 20 }).toMatchObject({ state: 'completed' });
      const completedAfterMs = performance.now() - diedAt;
      const limitEnded = await limitEndedAfterMs;
      expect(
        completedAfterMs,
        `ms from the death to completion, for visibilityMs + 1 s that ended after ${Math.round(limitEnded)} ms`,
      ).toBeLessThan(limitEnded);
      expect((await queue.get('a'))?.attempts, 'attempts: the lost one and this one').toBe(2);
    } finally {
      await worker.close();
      await sweeper.close();
    }
  });

  test('the sweeper also moves due retries back, with no worker taking', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 50 });
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    await queue.fail('a', 'x');
    const sweeper = startSweeper({ queue, intervalMs: 50 });
    try {
      await expect.poll(() => redis.lLen(queue.keys.waiting('normal')), { timeout: 3000 }).toBe(1);
    } finally {
      await sweeper.close();
    }
  });

  test('a Redis outage under the sweeper is logged, and it sweeps again once Redis is back', async ({
    outage,
    prefix,
  }) => {
    const queue = createReliableQueue({ redis: outage.redis, namespace: prefix, visibilityMs: 50 });
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    const sweeper = startSweeper({ queue, intervalMs: 50, logger });
    try {
      await outage.goDown();
      await expect.poll(() => logger.warn.mock.calls.length, { timeout: 3000 }).toBeGreaterThan(0);
      await outage.comeBack();
      await expect.poll(() => queue.get('a').catch(() => null), { timeout: 5000 }).toMatchObject({ state: 'waiting' });
    } finally {
      await sweeper.close();
    }
  });

  test('close() stops the sweeper: nothing is recovered after it', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs: 50 });
    const sweeper = startSweeper({ queue, intervalMs: 20 });
    await sweeper.close();
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    await sleep(200);
    expect((await queue.get('a'))?.state).toBe('processing');
  });
});
