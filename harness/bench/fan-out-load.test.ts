import { describe, expect, it } from 'vitest';
import { type FanOutClient, runFanOut } from './fan-out-load.js';

/**
 * A room in memory: a text sent by any client reaches every client on a later turn of the
 * event loop, except the clients in `deaf`. It counts what the load does.
 */
function fakeRoom(size: number, deaf: ReadonlySet<number> = new Set()) {
  const handlers: ((text: string) => void)[] = [];
  const sentBy = new Array<number>(size).fill(0);
  const texts: string[] = [];
  let sent = 0;
  let heardEverywhere = 0;
  let mostInFlight = 0;
  const clients: FanOutClient[] = Array.from({ length: size }, (_, index) => ({
    send(text) {
      sentBy[index] = (sentBy[index] ?? 0) + 1;
      sent += 1;
      mostInFlight = Math.max(mostInFlight, sent - heardEverywhere);
      texts.push(text);
      setImmediate(() => {
        const receivers = handlers.filter((_, receiver) => !deaf.has(receiver));
        for (const [position, handler] of receivers.entries()) {
          // The load sends its next message from the last receiver's handler: count this one as arrived first.
          if (position === receivers.length - 1 && receivers.length === size) heardEverywhere += 1;
          handler(text);
        }
      });
    },
    onText(handler) {
      handlers[index] = handler;
    },
  }));
  return { clients, sentBy, texts, mostInFlight: () => mostInFlight };
}

describe('the fan-out load', () => {
  it('delivers every message to every socket, the sender included, and measures each delivery', async () => {
    const room = fakeRoom(5);
    const result = await runFanOut(room.clients, { messages: 40, publishers: 2, inFlight: 4, timeLimitMs: 5000 });
    expect(result.deliveries).toBe(200);
    expect(result.deliveriesPerSecond).toBeGreaterThan(0);
    expect(result.p50Ms).toBeGreaterThanOrEqual(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  });

  it('lets the first publishers take turns, and the others only listen', async () => {
    const room = fakeRoom(4);
    await runFanOut(room.clients, { messages: 30, publishers: 3, inFlight: 5, timeLimitMs: 5000 });
    expect(room.sentBy).toEqual([10, 10, 10, 0]);
  });

  it('never has more than inFlight messages not yet delivered everywhere', async () => {
    const room = fakeRoom(3);
    await runFanOut(room.clients, { messages: 50, publishers: 3, inFlight: 4, timeLimitMs: 5000 });
    expect(room.mostInFlight()).toBe(4);
  });

  it('gives up after its time limit, saying how many deliveries arrived', async () => {
    const room = fakeRoom(3, new Set([2]));
    await expect(
      runFanOut(room.clients, { messages: 10, publishers: 1, inFlight: 2, timeLimitMs: 50 }),
    ).rejects.toThrow(/gave up after 50 ms: 4 of 30 deliveries arrived, 0 of 10 messages reached every socket/);
  });

  it('ignores the stragglers of an earlier run', async () => {
    const room = fakeRoom(2);
    await runFanOut(room.clients, { messages: 20, publishers: 1, inFlight: 5, timeLimitMs: 5000 });
    const straggler = room.texts.at(-1) ?? '';
    const second = runFanOut(room.clients, { messages: 5, publishers: 1, inFlight: 1, timeLimitMs: 5000 });
    room.clients[1]?.send(straggler);
    expect((await second).deliveries, 'deliveries of the second run, 5 messages to 2 sockets').toBe(10);
  });
});
