import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { redisNowMs } from '../../harness/redis-keys.js';
import { describe, expect, expectWithin, test } from '../../harness/test.js';
import { createReliableQueue } from './reliable-queue.js';
import type { Job, JobHandler, ReliableQueue } from './task-queue.js';
import { startWorker } from './worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fails `id` and answers when its retry is due, as ms after Redis' clock read just before
 * the fail, with how long the fail took: the retry is due backoff ms after the fail ran,
 * somewhere in that span, however slow a busy machine makes it.
 */
async function failAndTimeRetry(redis: RedisAdapter, queue: ReliableQueue, id: string, error: string) {
  const before = await redisNowMs(redis);
  const outcome = await queue.fail(id, error);
  const after = await redisNowMs(redis);
  const due = (await redis.zScore(queue.keys.delayed, id)) ?? Number.NaN;
  // +1: a script may count its clock in fractions of a ms.
  return { outcome, dueAfterMs: due - before, failTookMs: after - before + 1 };
}

/** A worker that runs `handler` on each job through `queue.process` (ack or fail). */
function processingWorker(redis: RedisAdapter, queue: ReliableQueue, handler: JobHandler<Job>) {
  return startWorker<Job>({
    redis,
    take: (connection, seconds) => queue.take(connection, seconds),
    handle: async (job) => void (await queue.process(job, handler)),
    blockSeconds: 0.1,
  });
}

describe('step 5 · retries with backoff, then the dead letters', () => {
  test('a failed first attempt is delayed by backoffMs, with its error', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 100 });
    await queue.enqueue({ id: 'a', data: '' });
    await queue.takeNow();
    const retry = await failAndTimeRetry(redis, queue, 'a', 'timeout talking to the mail server');
    expect(retry.outcome).toBe('delayed');
    expect(await queue.get('a')).toMatchObject({
      state: 'delayed',
      attempts: 1,
      error: 'timeout talking to the mail server',
    });
    expect(await redis.lLen(queue.keys.processing), 'jobs left in processing').toBe(0);
    expectWithin(
      retry.dueAfterMs,
      { atLeast: 100, atMost: 100 + retry.failTookMs },
      `ms from the fail until the retry, for backoffMs 100 and a fail that took ${retry.failTookMs} ms`,
    );
  });

  test('each retry waits twice as long as the one before', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 1000, maxAttempts: 5 });
    await queue.enqueue({ id: 'a', data: '' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      // From the second attempt on, make the retry due now: the take promotes it.
      if (attempt > 1) await redis.zAdd(queue.keys.delayed, [{ member: 'a', score: 0 }]);
      expect((await queue.takeNow())?.attempts).toBe(attempt);
      const retry = await failAndTimeRetry(redis, queue, 'a', 'still failing');
      const backoff = 1000 * 2 ** (attempt - 1);
      expectWithin(
        retry.dueAfterMs,
        { atLeast: backoff, atMost: backoff + retry.failTookMs },
        `ms from the fail until the retry after attempt ${attempt} (${backoff} expected; the fail took ${retry.failTookMs} ms)`,
      );
    }
  });

  test('the last attempt’s failure puts the job in the dead letters with its error and attempts', async ({
    redis,
    prefix,
  }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, maxAttempts: 1 });
    await queue.enqueue({ id: 'a', data: 'd' });
    await queue.takeNow();
    expect(await queue.fail('a', 'no such user')).toBe('dead');
    expect(await redis.lRange(queue.keys.dead, 0, -1)).toEqual(['a']);
    expect(await redis.zScore(queue.keys.delayed, 'a')).toBeNull();
    expect(await queue.deadLetters()).toEqual([
      { id: 'a', priority: 'normal', data: 'd', state: 'dead', attempts: 1, error: 'no such user' },
    ]);
  });

  test('fail of a job that is not processing resolves null and changes nothing', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.enqueue({ id: 'a', data: '' });
    expect(await queue.fail('a', 'x')).toBeNull();
    expect(await queue.get('a')).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(await redis.zCard(queue.keys.delayed)).toBe(0);
  });

  test('a due retry goes back to its level: by promoteDue, and by the next take', async ({ redis, prefix }) => {
    // 400 ms: the checks up to the first promoteDue fall inside it even on a busy machine.
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 400 });
    for (const id of ['a', 'b']) {
      await queue.enqueue({ id, priority: 'low', data: '' });
      await queue.takeNow();
      await queue.fail(id, 'x');
    }
    expect(await queue.promoteDue(), 'promoted before the backoff ran out').toBe(0);
    await sleep(450);
    expect(await queue.promoteDue(), 'promoted 450 ms after both failed, for backoffMs 400').toBe(2);
    expect(await redis.lLen(queue.keys.waiting('low'))).toBe(2);
    expect((await queue.get('a'))?.state).toBe('waiting');
    await queue.takeNow();
    await queue.fail('a', 'again');
    await sleep(900); // the second retry waits 800 ms
    expect((await queue.takeNow())?.id, 'the take after the due retry').toBeDefined();
  });

  test('process acks a job whose handler resolves, and fails one whose handler throws', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix });
    await queue.enqueue({ id: 'ok', data: '' });
    await queue.enqueue({ id: 'bad', data: '' });
    const ok = await queue.takeNow();
    const bad = await queue.takeNow();
    if (!ok || !bad) throw new Error('expected two jobs to take');
    expect(await queue.process(ok, async () => undefined)).toBe('completed');
    expect(
      await queue.process(bad, async () => {
        throw new Error('card declined');
      }),
    ).toBe('delayed');
    expect((await queue.get('bad'))?.error).toBe('card declined');
  });

  test('a worker whose handler always throws ends in the dead letters after 3 attempts', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 50 });
    const worker = processingWorker(redis, queue, async (job) => {
      throw new Error(`attempt ${job.attempts} failed`);
    });
    try {
      await queue.enqueue({ id: 'doomed', data: '' });
      await expect.poll(() => queue.get('doomed'), { timeout: 5000 }).toMatchObject({ state: 'dead' });
      expect(await queue.get('doomed')).toMatchObject({ attempts: 3, error: 'attempt 3 failed' });
    } finally {
      await worker.close();
    }
  });

  test('a job that fails twice and then succeeds is completed after 3 attempts', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, backoffMs: 50 });
    const worker = processingWorker(redis, queue, async (job) => {
      if (job.attempts < 3) throw new Error('flaky');
    });
    try {
      await queue.enqueue({ id: 'flaky', data: '' });
      await expect.poll(() => queue.get('flaky'), { timeout: 5000 }).toMatchObject({ state: 'completed' });
      expect((await queue.get('flaky'))?.attempts).toBe(3);
    } finally {
      await worker.close();
    }
  });

  test('retryDead puts a dead job back in its level with attempts reset and no error', async ({ redis, prefix }) => {
    const queue = createReliableQueue({ redis, namespace: prefix, maxAttempts: 1 });
    await queue.enqueue({ id: 'a', priority: 'high', data: '' });
    await queue.takeNow();
    await queue.fail('a', 'x');
    expect(await queue.retryDead('a')).toBe(true);
    expect(await queue.get('a')).toEqual({ id: 'a', priority: 'high', data: '', state: 'waiting', attempts: 0 });
    expect(await redis.lRange(queue.keys.waiting('high'), 0, -1)).toEqual(['a']);
    expect(await queue.deadLetters()).toEqual([]);
    expect(await queue.retryDead('a'), 'a job that is not dead').toBe(false);
  });
});
