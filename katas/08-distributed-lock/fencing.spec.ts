import { keysUnder } from '../../harness/redis-keys.js';
import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { runContestedTrials } from './contested-trials.js';
import { createFencedStore, createFencingTokens } from './fencing.js';
import { createRedisLock } from './redis-lock.js';
import { withLock } from './with-lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step 5 · fencing tokens', () => {
  test('tokens come from INCR on <namespace>fence:<resource>: 1, 2, 3, per resource', async ({ redis, prefix }) => {
    const tokens = createFencingTokens({ redis, namespace: prefix });
    expect(tokens.keyFor('a')).toBe(`${prefix}fence:a`);
    expect([await tokens.next('a'), await tokens.next('a'), await tokens.next('b'), await tokens.next('a')]).toEqual([
      1, 2, 1, 3,
    ]);
    expect(await redis.get(`${prefix}fence:a`)).toBe('3');
  });

  test('the store keys share the hash tag {resource}: one script touches both', async ({ redis, prefix }) => {
    const store = createFencedStore({ redis, namespace: prefix });
    expect(store.keyFor('a')).toBe(`${prefix}store:{a}`);
    expect(store.logKeyFor('a')).toBe(`${prefix}store:{a}:log`);
  });

  test('the store accepts increasing tokens and refuses a stale one, which changes nothing', async ({
    redis,
    prefix,
  }) => {
    const store = createFencedStore({ redis, namespace: prefix });
    expect(await store.write('a', 33, 'first')).toBe(true);
    expect(await store.write('a', 34, 'second')).toBe(true);
    expect(await store.write('a', 33, 'late')).toBe(false);
    expect(await store.write('a', 34, 'again')).toBe(false);
    expect(await store.read('a')).toEqual({ token: 34, value: 'second' });
    expect(await store.writes('a')).toEqual([
      { token: 33, value: 'first' },
      { token: 34, value: 'second' },
    ]);
  });

  test('read answers null before the first write', async ({ redis, prefix }) => {
    expect(await createFencedStore({ redis, namespace: prefix }).read('a')).toBeNull();
  });

  test('a write is one round trip: the check and the write run in one script', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const store = createFencedStore({ redis, namespace: prefix });
    await store.write('a', 1, 'warm');
    commandLog.clear();
    await store.write('a', 2, 'x');
    expect(commandLog.roundTrips, 'round trips for one fenced write').toHaveLength(1);
  });

  test.for([0, -1, 1.5])(
    'refuses the token %s with a RangeError and writes nothing',
    async (token, { redis, prefix }) => {
      const store = createFencedStore({ redis, namespace: prefix });
      const refusal = await rejectionOf(store.write('a', token, 'x'));
      expect(refusal, `what write('a', ${token}, …) rejected with`).toBeInstanceOf(RangeError);
      expect(await keysUnder(redis, prefix)).toEqual([]);
    },
  );

  test('a holder paused past its TTL is refused by the store: the new holder’s write stands', async ({
    redis,
    prefix,
    connect,
  }) => {
    const tokens = createFencingTokens({ redis, namespace: prefix });
    const store = createFencedStore({ redis, namespace: prefix });
    const slow = createRedisLock({ redis, namespace: prefix });
    const fast = createRedisLock({ redis: connect(), namespace: prefix });
    expect(await slow.tryAcquire('a', 80)).not.toBeNull();
    const slowToken = await tokens.next('a');
    await sleep(150); // a GC pause: the lock expires meanwhile
    expect(await fast.tryAcquire('a', 5_000)).not.toBeNull();
    const fastToken = await tokens.next('a');
    expect(await store.write('a', fastToken, 'fast')).toBe(true);
    expect(await store.write('a', slowToken, 'slow'), 'the paused holder’s late write').toBe(false);
    expect(await store.read('a')).toEqual({ token: fastToken, value: 'fast' });
  });

  test('200 contested trials by 50 clients: no two holders overlap, every write is accepted in token order', async ({
    redis,
    prefix,
    connect,
  }) => {
    const connections = [redis, connect(), connect(), connect(), connect()];
    const store = createFencedStore({ redis, namespace: prefix });
    const result = await runContestedTrials({
      locks: connections.map((connection) => createRedisLock({ redis: connection, namespace: prefix })),
      tokens: createFencingTokens({ redis, namespace: prefix }),
      store,
      withLock,
      resource: 'contested',
      trials: 200,
      clients: 50,
    });
    expect(result.overlaps, 'times two clients held the lock at once').toBe(0);
    expect(result.refused, 'writes refused as stale').toBe(0);
    const tokens = (await store.writes('contested')).map((write) => write.token);
    expect(tokens.length, 'accepted writes').toBe(result.accepted);
    expect(tokens.length).toBeGreaterThanOrEqual(200);
    expect(tokens, 'tokens of accepted writes, in order').toEqual([...tokens].sort((a, b) => a - b));
    expect(new Set(tokens).size, 'distinct tokens').toBe(tokens.length);
  }, 30_000);
});
