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

describe('coalesceWrites', () => {
  it('corks once for every write of a tick and uncorks on the next tick', async () => {
    const { stream, calls } = fakeStream();
    const beforeWrite = coalesceWrites(() => stream);
    beforeWrite();
    beforeWrite();
    beforeWrite();
    expect(calls).toEqual(['cork']);
    await nextTick();
    expect(calls).toEqual(['cork', 'uncork']);
  });

  it('corks again in a later tick', async () => {
    const { stream, calls } = fakeStream();
    const beforeWrite = coalesceWrites(() => stream);
    beforeWrite();
    await nextTick();
    beforeWrite();
    await nextTick();
    expect(calls).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });

  it('leaves a stream that is not writable, or missing, alone', async () => {
    const { stream, calls } = fakeStream(false);
    coalesceWrites(() => stream)();
    coalesceWrites(() => undefined)();
    await nextTick();
    expect(calls).toEqual([]);
  });
});
