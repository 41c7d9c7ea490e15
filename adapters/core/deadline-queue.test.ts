import { describe, expect, it } from 'vitest';
import { createDeadlineQueue, type Deadline } from './deadline-queue.js';
import { realNow } from './real-timers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const endOfTick = () => new Promise((resolve) => process.nextTick(resolve));
const entry = <Extra extends object>(extra: Extra) => ({ ...extra, deadline: 0, settled: false });

describe('createDeadlineQueue', () => {
  it('expires each entry once its duration has passed since it was added, oldest first', async () => {
    const expired: string[] = [];
    const queue = createDeadlineQueue<Deadline & { name: string }>(40, (due) => expired.push(due.name));
    queue.add(entry({ name: 'first' }));
    await sleep(30);
    queue.add(entry({ name: 'second' }));
    await sleep(25);
    expect(expired, 'after 55 ms only the entry added at 0 ms is due').toEqual(['first']);
    await sleep(40);
    expect(expired).toEqual(['first', 'second']);
  });

  it('gives the entries of one tick one deadline at the end of the tick, never less than the duration', async () => {
    const queue = createDeadlineQueue<Deadline>(1000, () => {});
    const addedAt = realNow();
    const [a, b] = [entry({}), entry({})];
    queue.add(a);
    queue.add(b);
    expect(a.deadline, 'not stamped within the tick').toBe(Number.POSITIVE_INFINITY);
    expect(queue.oldestWaitedMs(), 'an entry of this tick has not waited').toBe(0);
    await endOfTick();
    expect(b.deadline).toBe(a.deadline);
    expect(a.deadline - addedAt, 'ms from add to deadline').toBeGreaterThanOrEqual(1000);
    queue.delete(a);
    queue.delete(b);
  });

  it('tells how long the oldest entry has waited', async () => {
    const queue = createDeadlineQueue<Deadline>(1000, () => {});
    const oldest = entry({});
    queue.add(oldest);
    await sleep(30);
    queue.add(entry({}));
    expect(queue.oldestWaitedMs(), 'ms waited by the entry added 30 ms ago').toBeGreaterThanOrEqual(25);
    for (const left of queue.entries()) queue.delete(left);
    expect(queue.oldestWaitedMs(), 'none left').toBe(0);
  });

  it('never expires an entry deleted in time', async () => {
    const expired: unknown[] = [];
    const queue = createDeadlineQueue<Deadline>(20, (due) => expired.push(due));
    const only = entry({});
    queue.add(only);
    queue.delete(only);
    await sleep(50);
    expect(expired).toEqual([]);
    expect(queue.oldest()).toBeUndefined();
  });

  it('re-arms for the next entry when the oldest settled early', async () => {
    const expired: string[] = [];
    const queue = createDeadlineQueue<Deadline & { name: string }>(20, (due) => expired.push(due.name));
    const early = entry({ name: 'early' });
    queue.add(early);
    await sleep(10);
    queue.add(entry({ name: 'late' }));
    queue.delete(early);
    await sleep(80);
    expect(expired).toEqual(['late']);
  });

  it('lists the entries not settled yet, oldest first', () => {
    const queue = createDeadlineQueue<Deadline>(1000, () => {});
    const [a, b] = [entry({}), entry({})];
    queue.add(a);
    queue.add(b);
    expect(queue.oldest()).toBe(a);
    expect(queue.entries()).toEqual([a, b]);
    queue.delete(a);
    queue.delete(b);
  });

  it('skips an entry settled out of order, and empties once every entry is settled', () => {
    const expired: unknown[] = [];
    const queue = createDeadlineQueue<Deadline>(1000, (due) => expired.push(due));
    const [a, b, c] = [entry({ n: 1 }), entry({ n: 2 }), entry({ n: 3 })];
    for (const added of [a, b, c]) queue.add(added);
    queue.delete(b);
    expect(queue.entries(), 'b settled first').toEqual([a, c]);
    queue.delete(a);
    expect(queue.oldest(), 'a settled: c is the oldest left').toBe(c);
    queue.delete(c);
    expect(queue.entries()).toEqual([]);
    expect(queue.oldest()).toBeUndefined();
    expect(expired).toEqual([]);
  });
});
