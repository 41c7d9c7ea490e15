import { describe, expect, test } from '../../harness/test.js';
import { createPriorityQueue } from './priority-queue.js';

describe('step 2 · priorities: one list per level', () => {
  test('high leaves before normal, normal before low, whatever the arrival order', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    await queue.push('low-1', 'low');
    await queue.push('normal-1', 'normal');
    await queue.push('high-1', 'high');
    const popped = [await queue.pop(), await queue.pop(), await queue.pop()];
    expect(popped).toEqual([
      { value: 'high-1', priority: 'high' },
      { value: 'normal-1', priority: 'normal' },
      { value: 'low-1', priority: 'low' },
    ]);
  });

  test('within a level, values keep their arrival order (FIFO)', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    for (const value of ['h1', 'h2', 'h3']) await queue.push(value, 'high');
    const values = [];
    for (let i = 0; i < 3; i += 1) values.push((await queue.pop())?.value);
    expect(values).toEqual(['h1', 'h2', 'h3']);
  });

  test('the default priority is normal', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    await queue.push('x');
    expect(await redis.lRange(queue.keyFor('normal'), 0, -1)).toEqual(['x']);
  });

  test('pop on empty levels resolves with null', async ({ redis, prefix }) => {
    expect(await createPriorityQueue({ redis, namespace: prefix }).pop()).toBeNull();
  });

  test('each level is its own list, and the levels share the queue’s hash tag {tasks}', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    for (const priority of ['high', 'normal', 'low'] as const) await queue.push(`a ${priority} value`, priority);
    for (const priority of ['high', 'normal', 'low'] as const) {
      expect(queue.keyFor(priority)).toBe(`${prefix}{tasks}:waiting:${priority}`);
      expect(await redis.lRange(`${prefix}{tasks}:waiting:${priority}`, 0, -1)).toEqual([`a ${priority} value`]);
    }
  });

  test('pop is one round trip, even when it has to look past empty levels', async ({ redis, prefix, commandLog }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    await queue.push('only-low', 'low');
    await queue.pop(); // warms up a script, if you use one
    await queue.push('only-low', 'low');
    commandLog.clear();
    expect(await queue.pop()).toEqual({ value: 'only-low', priority: 'low' });
    expect(commandLog.roundTrips, 'commands sent for one pop').toHaveLength(1);
  });

  test('peek lists every value in pop order, and removes none', async ({ redis, prefix }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    await queue.push('n1');
    await queue.push('l1', 'low');
    await queue.push('h1', 'high');
    await queue.push('n2');
    const expected = [
      { value: 'h1', priority: 'high' },
      { value: 'n1', priority: 'normal' },
      { value: 'n2', priority: 'normal' },
      { value: 'l1', priority: 'low' },
    ];
    expect(await queue.peek()).toEqual(expected);
    const popped = [];
    for (let i = 0; i < 4; i += 1) popped.push(await queue.pop());
    expect(popped).toEqual(expected);
  });

  test('concurrent pops from two clients take each value once', async ({ redis, prefix, connect }) => {
    const queue = createPriorityQueue({ redis, namespace: prefix });
    const other = createPriorityQueue({ redis: connect(), namespace: prefix });
    for (let i = 0; i < 30; i += 1) await queue.push(`v${i}`, (['high', 'normal', 'low'] as const)[i % 3]);
    const popped = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? queue : other).pop()));
    const values = popped.flatMap((item) => (item ? [item.value] : []));
    expect(new Set(values).size, 'distinct values popped').toBe(30);
  });
});
