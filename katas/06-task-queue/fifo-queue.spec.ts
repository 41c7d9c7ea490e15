import { describe, expect, test } from '../../harness/test.js';
import { createFifoQueue } from './fifo-queue.js';

describe('step 1 · FIFO with LPUSH and RPOP', () => {
  test('values leave in the order they came: first in, first out', async ({ redis, prefix }) => {
    const queue = createFifoQueue({ redis, namespace: prefix });
    for (const value of ['a', 'b', 'c']) await queue.push(value);
    expect([await queue.pop(), await queue.pop(), await queue.pop()]).toEqual(['a', 'b', 'c']);
  });

  test('pop on an empty queue resolves with null', async ({ redis, prefix }) => {
    const queue = createFifoQueue({ redis, namespace: prefix });
    expect(await queue.pop()).toBeNull();
  });

  test('push resolves with the new length, and length counts what waits', async ({ redis, prefix }) => {
    const queue = createFifoQueue({ redis, namespace: prefix });
    expect(await queue.push('a')).toBe(1);
    expect(await queue.push('b')).toBe(2);
    await queue.pop();
    expect(await queue.length()).toBe(1);
  });

  test('the queue is one list under the namespace: LPUSH at the left, RPOP from the right', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const queue = createFifoQueue({ redis, namespace: prefix });
    expect(queue.key).toBe(`${prefix}fifo`);
    commandLog.clear();
    await queue.push('a');
    await queue.push('b');
    expect(await redis.lRange(`${prefix}fifo`, 0, -1), 'newest at the left').toEqual(['b', 'a']);
    commandLog.clear();
    await queue.pop();
    expect(commandLog.roundTrips, 'pop is one command').toEqual([[['RPOP', `${prefix}fifo`]]]);
  });

  test('two consumers popping at once never get the same value', async ({ redis, prefix, connect }) => {
    const queue = createFifoQueue({ redis, namespace: prefix });
    const other = createFifoQueue({ redis: connect(), namespace: prefix });
    for (let i = 0; i < 50; i += 1) await queue.push(`job-${i}`);
    const popped = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? queue : other).pop()));
    const values = popped.filter((value) => value !== null);
    expect(values).toHaveLength(50);
    expect(new Set(values).size, 'each value popped exactly once').toBe(50);
  });
});
