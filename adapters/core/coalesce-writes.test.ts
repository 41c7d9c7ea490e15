import { describe, expect, it } from 'vitest';
import { type CorkableStream, coalesceWrites } from './coalesce-writes.js';

function fakeStream(writable = true) {
  const calls: string[] = [];
  const stream: CorkableStream = {
    writable,
    cork: () => calls.push('cork'),
    uncork: () => calls.push('uncork'),
  };
  return { stream, calls };
}

const nextTick = () => new Promise((resolve) => process.nextTick(resolve));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceWrites', () => {
  it('corks once for every write of a turn of the event loop, across ticks, and uncorks at its end', async () => {
    const { stream, calls } = fakeStream();
    const beforeWrite = coalesceWrites(() => stream);
    beforeWrite();
    beforeWrite();
    await nextTick();
    beforeWrite();
    expect(calls).toEqual(['cork']);
    await nextTurn();
    expect(calls).toEqual(['cork', 'uncork']);
  });

  it('corks again in a later turn', async () => {
    const { stream, calls } = fakeStream();
    const beforeWrite = coalesceWrites(() => stream);
    beforeWrite();
    await nextTurn();
    beforeWrite();
    await nextTurn();
    expect(calls).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });

  it('leaves a stream that is not writable, or missing, alone', async () => {
    const { stream, calls } = fakeStream(false);
    coalesceWrites(() => stream)();
    coalesceWrites(() => undefined)();
    await nextTurn();
    expect(calls).toEqual([]);
  });
});
