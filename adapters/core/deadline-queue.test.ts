import { describe, expect, it } from 'vitest';
import { createDeadlineQueue, type Deadline } from './deadline-queue.js';
import { realNow } from './real-timers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createDeadlineQueue', () => {
  it('expires each entry once its own deadline has passed, oldest first', async () => {
    const expired: string[] = [];
    const queue = createDeadlineQueue<Deadline & { name: string }>((entry) => expired.push(entry.name));
    const now = realNow();
    queue.add({ name: 'first', deadline: now + 20 });
    queue.add({ name: 'second', deadline: now + 60 });
    await sleep(40);
    expect(expired, 'after 40 ms only the 20 ms entry is due').toEqual(['first']);
    await sleep(60);
    expect(expired).toEqual(['first', 'second']);
  });

  it('never expires an entry deleted in time', async () => {
    const expired: unknown[] = [];
    const queue = createDeadlineQueue<Deadline>((entry) => expired.push(entry));
    const entry = { deadline: realNow() + 20 };
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
    const early = { name: 'early', deadline: now + 20 };
    queue.add(early);
    queue.add({ name: 'late', deadline: now + 40 });
    queue.delete(early);
    await sleep(80);
    expect(expired).toEqual(['late']);
  });

  it('lists the entries not settled yet, oldest first', () => {
    const queue = createDeadlineQueue<Deadline>(() => {});
    const a = { deadline: realNow() + 1000 };
    const b = { deadline: realNow() + 2000 };
    queue.add(a);
    queue.add(b);
    expect(queue.oldest()).toBe(a);
    expect(queue.entries()).toEqual([a, b]);
    queue.delete(a);
    queue.delete(b);
  });
});
