import { describe, expect, it } from 'vitest';
import { createDeadlineQueue, type Deadline } from './deadline-queue.js';
import { realNow } from './real-timers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createDeadlineQueue', () => {
  it('expires each entry once its own deadline has passed, oldest first', async () => {
    const expired: string[] = [];
    const queue = createDeadlineQueue<Deadline & { name: string }>((entry) => expired.push(entry.name));
    const now = realNow();
    queue.add({ name: 'first', deadline: now + 20, settled: false });
    queue.add({ name: 'second', deadline: now + 60, settled: false });
    await sleep(40);
    expect(expired, 'after 40 ms only the 20 ms entry is due').toEqual(['first']);
    await sleep(60);
    expect(expired).toEqual(['first', 'second']);
  });

  it('never expires an entry deleted in time', async () => {
    const expired: unknown[] = [];
    const queue = createDeadlineQueue<Deadline>((entry) => expired.push(entry));
    const entry = { deadline: realNow() + 20, settled: false };
    queue.add(entry);
    queue.delete(entry);
    await sleep(50);
    expect(expired).toEqual([]);
    expect(queue.oldest()).toBeUndefined();
  });

  it('re-arms for the next entry when the oldest settled early', async () => {
    const expired: string[] = [];
    const queue = createDeadlineQueue<Deadline & { name: string }>((entry) => expired.push(entry.name));
    const now = realNow();
    const early = { name: 'early', deadline: now + 20, settled: false };
    queue.add(early);
    queue.add({ name: 'late', deadline: now + 40, settled: false });
    queue.delete(early);
    await sleep(80);
    expect(expired).toEqual(['late']);
  });

  it('lists the entries not settled yet, oldest first', () => {
    const queue = createDeadlineQueue<Deadline>(() => {});
    const a = { deadline: realNow() + 1000, settled: false };
    const b = { deadline: realNow() + 2000, settled: false };
    queue.add(a);
    queue.add(b);
    expect(queue.oldest()).toBe(a);
    expect(queue.entries()).toEqual([a, b]);
    queue.delete(a);
    queue.delete(b);
  });

  it('skips an entry settled out of order, and empties once every entry is settled', () => {
    const expired: unknown[] = [];
    const queue = createDeadlineQueue<Deadline>((entry) => expired.push(entry));
    const [a, b, c] = [1, 2, 3].map((n) => ({ deadline: realNow() + 1000 * n, settled: false }));
    for (const entry of [a, b, c]) queue.add(entry as Deadline);
    queue.delete(b as Deadline);
    expect(queue.entries(), 'b settled first').toEqual([a, c]);
    queue.delete(a as Deadline);
    expect(queue.oldest(), 'a settled: c is the oldest left').toBe(c);
    queue.delete(c as Deadline);
    expect(queue.entries()).toEqual([]);
    expect(queue.oldest()).toBeUndefined();
    expect(expired).toEqual([]);
  });
});
