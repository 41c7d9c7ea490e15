import { keysUnder, redisNowMs } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { createReliableQueue } from './reliable-queue.js';
import type { Job } from './task-queue.js';
import { startWorker } from './worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step 4 · reliable processing: take into a processing list, ack removes it', () => {
  test('enqueue stores the job’s hash and pushes its id on its level', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    const id = await queue.enqueue({ id: 'job-1', priority: 'high', data: '{"n":1}' });
    expect(id).toBe('job-1');
    expect(await redis.lRange(queue.keys.waiting('high'), 0, -1)).toEqual(['job-1']);
    expect(await queue.get('job-1')).toEqual({
      id: 'job-1',
      priority: 'high',
      data: '{"n":1}',
      state: 'waiting',
      attempts: 0,
    });
  });

  test('enqueue without an id makes one up that a URL can carry', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    const id = await queue.enqueue({ data: 'x' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect((await queue.get(id))?.priority).toBe('normal');
  });

  test('enqueue of an id that exists rejects and changes nothing', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.enqueue({ id: 'dup', data: 'first' });
    await expect(queue.enqueue({ id: 'dup', data: 'second', priority: 'high' })).rejects.toThrow(/dup/);
    expect((await queue.get('dup'))?.data).toBe('first');
    expect(await redis.lLen(queue.keys.waiting('high'))).toBe(0);
  });

  test('takeNow moves the next job into the processing list, with its deadline, and counts the attempt', async ({
    redis,
    prefix,
  }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs: 60_000 });
    await queue.enqueue({ id: 'low-1', priority: 'low', data: 'l' });
    await queue.enqueue({ id: 'high-1', priority: 'high', data: 'h' });
    const job = await queue.takeNow();
    expect(job).toEqual({ id: 'high-1', priority: 'high', data: 'h', state: 'processing', attempts: 1 });
    expect(await redis.lRange(queue.keys.processing, 0, -1)).toEqual(['high-1']);
    expect(await redis.lLen(queue.keys.waiting('high'))).toBe(0);
    const deadline = (await redis.zScore(queue.keys.deadlines, 'high-1')) ?? 0;
    const expected = (await redisNowMs(redis)) + 60_000;
    expect(Math.abs(deadline - expected), 'ms between the deadline and Redis time + visibilityMs').toBeLessThan(2000);
    expect((await queue.get('high-1'))?.state).toBe('processing');
  });

  test('takeNow is one round trip (one script), and null when nothing waits', async ({ redis, prefix, commandLog }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.takeNow(); // warms up the script
    await queue.enqueue({ id: 'a', priority: 'low', data: '' });
    commandLog.clear();
    expect((await queue.takeNow())?.id).toBe('a');
    expect(commandLog.roundTrips, 'commands sent for one take').toHaveLength(1);
    expect(commandLog.roundTrips[0]?.[0]?.[0]).toMatch(/^EVAL/);
    expect(await queue.takeNow()).toBeNull();
  });

  test('ack removes the job from the processing list and marks it completed, with a TTL', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, completedTtlMs: 60_000 });
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    expect(await queue.ack('a')).toBe(true);
    expect(await redis.lLen(queue.keys.processing)).toBe(0);
    expect(await redis.zScore(queue.keys.deadlines, 'a')).toBeNull();
    expect((await queue.get('a'))?.state).toBe('completed');
    const ttl = await redis.pTtl(queue.keys.job('a'));
    expect(ttl, 'ms left on the completed job').toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test('ack of a job that is not processing resolves false and changes nothing', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.enqueue({ id: 'a', data: '' });
    expect(await queue.ack('a')).toBe(false);
    expect(await queue.ack('nobody')).toBe(false);
    expect((await queue.get('a'))?.state).toBe('waiting');
    await queue.takeNow();
    expect(await queue.ack('a')).toBe(true);
    expect(await queue.ack('a'), 'a second ack').toBe(false);
  });

  test('concurrent takes from two clients take each job exactly once', async ({ redis, prefix, connect }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    const other = createReliableQueue({ redis: connect(), namespace: prefix });
    for (let i = 0; i < 20; i += 1) await queue.enqueue({ id: `j${i}`, data: '' });
    const taken = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? queue : other).takeNow()));
    const ids = taken.flatMap((job) => (job ? [job.id] : []));
    expect(new Set(ids).size).toBe(20);
    expect(await redis.lLen(queue.keys.processing), 'jobs in the processing list').toBe(20);
  });

  test('take waits on its connection and gets a job enqueued while it waits', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    const connection = await redis.blocking();
    try {
      const taking = queue.take(connection, 5);
      await sleep(100);
      await queue.enqueue({ id: 'late', data: '' });
      expect((await taking)?.id).toBe('late');
    } finally {
      await connection.close();
    }
  });

  test('an idle take does not poll: it waits on one blocking pop', async ({ redis, prefix, commandLog }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    const connection = await redis.blocking();
    try {
      await queue.takeNow(); // warms up the script
      commandLog.clear();
      expect(await queue.take(connection, 0.5)).toBeNull();
      const sent = commandLog.roundTrips.flat().map((command) => command[0]);
      expect(sent.filter((name) => /^EVAL/.test(name ?? '')).length, 'scripts run in 0.5 s idle').toBeLessThanOrEqual(
        2,
      );
    } finally {
      await connection.close();
    }
  });

  test('workers acking what they take leave every job completed and the processing list empty', async ({
    redis,
    prefix,
  }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    for (let i = 0; i < 12; i += 1) await queue.enqueue({ id: `j${i}`, data: '' });
    const workers = [1, 2].map(() =>
      startWorker<Job>({
        redis,
        take: (connection, seconds) => queue.take(connection, seconds),
        handle: async (job) => void (await queue.ack(job.id)),
        blockSeconds: 0.2,
      }),
    );
    try {
      await expect.poll(() => workers.reduce((sum, worker) => sum + worker.handled, 0), { timeout: 5000 }).toBe(12);
      expect(await redis.lLen(queue.keys.processing)).toBe(0);
      for (let i = 0; i < 12; i += 1) expect((await queue.get(`j${i}`))?.state, `j${i}`).toBe('completed');
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });

  test('every key of the queue carries its hash tag {tasks}', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.enqueue({ id: 'a', data: '' });
    await queue.enqueue({ id: 'b', data: '' });
    await queue.takeNow();
    await queue.ack('b');
    const keys = await keysUnder(redis, prefix);
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) expect(key).toContain('{tasks}');
  });
});
