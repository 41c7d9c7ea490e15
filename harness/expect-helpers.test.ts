import { describe, expect, it } from 'vitest';
import { createCommandLog } from '../adapters/core/command-monitor.js';
import { expectRoundTrips } from './expect-round-trips.js';
import { expectSameList } from './expect-same-list.js';
import { expectWithin } from './expect-within.js';

describe('expectRoundTrips', () => {
  const log = createCommandLog();
  log.onRoundTrip([['SET', 't:1:a', '1', 'PX', '60000']]);
  log.onRoundTrip([['MULTI'], ['INCR', 'k'], ['PEXPIRE', 'k', '1000', 'NX'], ['EXEC']]);
  log.onRoundTrip([['GET', `t:1:${'x'.repeat(60)}`]]);

  it('passes on the expected number, or within at most', () => {
    expectRoundTrips(log, 3);
    expectRoundTrips(log, { atMost: 3 });
  });

  it('fails listing every round trip sent, a batch as one, long arguments cut', () => {
    expect(() => expectRoundTrips(log, 1)).toThrow(
      `expected 1 round trip, got 3: [SET t:1:a 1 PX 60000], [MULTI · INCR k · PEXPIRE k 1000 NX · EXEC], [GET t:1:${'x'.repeat(36)}…]`,
    );
  });

  it('says "at most" and what the operation was', () => {
    expect(() => expectRoundTrips(log, { atMost: 2 }, 'list of 5 sessions')).toThrow(
      'expected at most 2 round trips (list of 5 sessions), got 3: [SET',
    );
  });

  it('shows the first dozen round trips and counts the rest', () => {
    const busy = createCommandLog();
    for (let index = 0; index < 15; index++) busy.onRoundTrip([['GET', `k${index}`]]);
    expect(() => expectRoundTrips(busy, 1)).toThrow(/\[GET k11\], … and 3 more$/);
  });
});

describe('expectWithin', () => {
  it('passes inside the bounds', () => {
    expectWithin(60, { above: 50, atMost: 60 }, 'the TTL in seconds');
    expectWithin(0, { atLeast: 0, below: 1 }, 'the wait in ms');
  });

  it('fails naming what, its unit and both bounds', () => {
    expect(() => expectWithin(61, { above: 50, atMost: 60 }, 'the TTL in seconds')).toThrow(
      'expected the TTL in seconds to be > 50 and ≤ 60, got 61',
    );
  });

  it('fails on a value that is not a number', () => {
    expect(() => expectWithin(undefined, { atLeast: 1 }, 'Retry-After in seconds')).toThrow(
      'expected Retry-After in seconds to be ≥ 1, got undefined',
    );
  });
});

describe('expectSameList', () => {
  const keys = Array.from({ length: 1200 }, (_, index) => `item:${String(index).padStart(4, '0')}`);

  it('passes on the same items in the same order', () => {
    expectSameList([...keys], keys, 'keys');
  });

  it('names what is missing, extra and repeated, and where the lists first differ, without the whole list', () => {
    const got = [...keys.slice(1, 1100), 'item:0005', 'other:1'];
    expect(() => expectSameList(got, keys, 'keys')).toThrow(
      'expected 1200 keys, got 1101: 101 missing (item:0000, item:1100, item:1101, item:1102, item:1103, …), ' +
        '1 extra (other:1), 1 twice (item:0005); first difference at index 0: item:0001 where item:0000 belongs',
    );
  });

  it('finds a difference in order alone', () => {
    expect(() => expectSameList(['b', 'a'], ['a', 'b'], 'keys')).toThrow(
      'expected 2 keys, got 2: none missing, none extra, none twice; first difference at index 0: b where a belongs',
    );
  });
});
