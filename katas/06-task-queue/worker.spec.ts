import { describe, expect, test, vi } from '../../harness/test.js';
import { createPriorityQueue } from './priority-queue.js';
import type { PrioritizedValue, WorkerLogger } from './task-queue.js';
import { startWorker } from './worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const silentLogger = (): WorkerLogger => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('step 3 · a blocking worker loop with graceful stop', () => {
  test('popBlocking waits for a value pushed after it started waiting', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const connection = await redis.blocking();
    try {
      const waiting = queue.popBlocking(connection, 5);
      await sleep(50);
      await queue.push('late', 'low');
      expect(await waiting).toEqual({ value: 'late', priority: 'low' });
    } finally {
      await connection.close();
    }
  });

  test('popBlocking keeps the priority order, and resolves with null after its timeout', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const connection = await redis.blocking();
    try {
      await queue.push('l', 'low');
      await queue.push('h', 'high');
      expect(await queue.popBlocking(connection, 1)).toEqual({ value: 'h', priority: 'high' });
      expect(await queue.popBlocking(connection, 1)).toEqual({ value: 'l', priority: 'low' });
      const started = performance.now();
      expect(await queue.popBlocking(connection, 0.2)).toBeNull();
      expect(performance.now() - started, 'ms waited for a 0.2 s timeout').toBeGreaterThanOrEqual(150);
    } finally {
      await connection.close();
    }
  });

  test('a worker handles every value, highest priority first', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    await queue.push('n', 'normal');
    await queue.push('l', 'low');
    await queue.push('h', 'high');
    const handled: string[] = [];
    const worker = startWorker<PrioritizedValue>({
      redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      handle: async ({ value }) => void handled.push(value),
      blockSeconds: 0.2,
    });
    try {
      await expect.poll(() => handled, { timeout: 3000 }).toEqual(['h', 'n', 'l']);
      expect(worker.handled).toBe(3);
    } finally {
      await worker.close();
    }
  });

  test('a waiting worker does not hold up the app: its wait is on a connection of its own', async ({
    redis,
    prefix,
  }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const worker = startWorker<PrioritizedValue>({
      redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      handle: async () => undefined,
      blockSeconds: 5,
    });
    try {
      await sleep(100); // the worker is now blocked for up to 5 s
      const started = performance.now();
      await redis.set(`${prefix}other`, 'work');
      // Queued behind the worker's wait, the SET would take the whole 5 s.
      expect(performance.now() - started, 'ms for a SET while a worker waits 5 s').toBeLessThan(2_500);
    } finally {
      await worker.close();
    }
  });

  test('close() lets the job in hand finish, then takes no new one', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const events: string[] = [];
    const worker = startWorker<PrioritizedValue>({
      redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      // 800 ms of work: the push and close below come while it runs, even on a busy machine.
      handle: async ({ value }) => {
        events.push(`start ${value}`);
        await sleep(800);
        events.push(`end ${value}`);
      },
      blockSeconds: 0.2,
    });
    await queue.push('first');
    await expect.poll(() => events, { timeout: 3000 }).toEqual(['start first']);
    await queue.push('second');
    await worker.close();
    events.push('closed');
    expect(events).toEqual(['start first', 'end first', 'closed']);
    await sleep(300);
    expect(await redis.lRange(queue.keyFor('normal'), 0, -1), 'the value pushed during close still waits').toEqual([
      'second',
    ]);
  });

  test('close() of an idle worker resolves at once, without waiting out its block', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const worker = startWorker<PrioritizedValue>({
      redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      handle: async () => undefined,
      blockSeconds: 10,
    });
    await sleep(100);
    const started = performance.now();
    await worker.close();
    // Waiting out the block would take the whole 10 s.
    expect(performance.now() - started, 'ms to close a worker blocked for 10 s').toBeLessThan(5_000);
  });

  test('a handler that throws is logged, and the loop goes on', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const logger = silentLogger();
    const handled: string[] = [];
    const worker = startWorker<PrioritizedValue>({
      redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      handle: async ({ value }) => {
        if (value === 'bad') throw new Error('boom');
        handled.push(value);
      },
      blockSeconds: 0.2,
      logger,
    });
    try {
      await queue.push('bad');
      await queue.push('good');
      await expect.poll(() => handled, { timeout: 3000 }).toEqual(['good']);
      expect(logger.error).toHaveBeenCalled();
    } finally {
      await worker.close();
    }
  });

  test('Redis going away under a blocked worker is a logged retry; the worker resumes when it is back', async ({
    outage,
    prefix,
  }) => {
    const queue = createPriorityQueue({ redis: outage.redis, namespace: prefix });
    const logger = silentLogger();
    const handled: string[] = [];
    const worker = startWorker<PrioritizedValue>({
      redis: outage.redis,
      take: (connection, seconds) => queue.popBlocking(connection, seconds),
      handle: async ({ value }) => void handled.push(value),
      blockSeconds: 0.5,
      retryDelayMs: 100,
      logger,
    });
    try {
      await sleep(100);
      await outage.goDown();
      await expect.poll(() => vi.mocked(logger.warn).mock.calls.length, { timeout: 5000 }).toBeGreaterThan(0);
      await outage.comeBack();
      await expect.poll(() => queue.push('after the outage'), { timeout: 5000 }).toBeGreaterThan(0);
      await expect.poll(() => handled, { timeout: 8000 }).toEqual(['after the outage']);
    } finally {
      await worker.close();
    }
  });
});
