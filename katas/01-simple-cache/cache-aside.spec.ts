import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, expectWithin, test, vi } from '../../harness/test.js';
import { createCache } from './cache.js';
import { createCacheAside } from './cache-aside.js';
import { createUserSource, type User } from './user-source.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A loader that answers `value` after `ms`, and counts its calls. */
function slowLoader<T>(value: T, ms = 30) {
  return vi.fn(async () => {
    await sleep(ms);
    return value;
  });
}

describe('step 2 · cache-aside over a slow data source', () => {
  test('the first read misses and calls the loader; the second hits without calling it', async ({ redis, prefix }) => {
    const aside = createCacheAside<{ n: number }>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const load = slowLoader({ n: 1 });
    expect(await aside.getOrLoad('k', load)).toEqual({ value: { n: 1 }, hit: false });
    expect(await aside.getOrLoad('k', load)).toEqual({ value: { n: 1 }, hit: true });
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a value survives the round trip through Redis as JSON', async ({ redis, prefix }) => {
    const aside = createCacheAside<User>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const source = createUserSource({ latencyMs: 5 });
    const loaded = await aside.getOrLoad('user:u1', () => source.get('u1'));
    const cached = await aside.getOrLoad('user:u1', () => source.get('u1'));
    expect(cached.value).toEqual(loaded.value);
    expect(JSON.parse((await redis.get(`${prefix}cache:user:u1`)) ?? 'null')).toEqual(loaded.value);
  });

  test('a loaded value is stored with ttlMs', async ({ redis, prefix }) => {
    const aside = createCacheAside({ cache: createCache({ redis, namespace: `${prefix}cache:` }), ttlMs: 60_000 });
    await aside.getOrLoad('k', slowLoader('v', 1));
    const ttl = await redis.pTtl(`${prefix}cache:k`);
    expectWithin(ttl, { above: 50_000, atMost: 60_000 }, 'the TTL in ms');
  });

  test('the default TTL of a loaded value is 5 minutes', async ({ redis, prefix }) => {
    const aside = createCacheAside({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    await aside.getOrLoad('k', slowLoader('v', 1));
    const ttl = await redis.ttl(`${prefix}cache:k`);
    expectWithin(ttl, { above: 290, atMost: 300 }, 'the TTL in seconds');
  });

  test('once the value expires, the next read loads it again', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    const aside = createCacheAside({ cache, ttlMs: 150 });
    const load = slowLoader('v', 1);
    await aside.getOrLoad('k', load);
    await expect.poll(() => cache.get('k'), { timeout: 2000, interval: 25 }).toBeNull();
    expect(await aside.getOrLoad('k', load)).toEqual({ value: 'v', hit: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('a hit does not wait for the slow source', async ({ redis, prefix }) => {
    const aside = createCacheAside<User>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    // A source of 1 s: a hit that waited for it could not answer in half that, however busy the machine.
    const source = createUserSource({ latencyMs: 1_000 });
    await aside.getOrLoad('user:u1', () => source.get('u1'));
    const started = performance.now();
    const { hit } = await aside.getOrLoad('user:u1', () => source.get('u1'));
    expect(hit).toBe(true);
    expectWithin(performance.now() - started, { below: 500 }, 'the time it took, in ms, with a source of 1 000 ms');
  });

  test('concurrent misses for one key call the loader once (single-flight)', async ({ redis, prefix }) => {
    const aside = createCacheAside<string>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const load = slowLoader('v', 50);
    const results = await Promise.all(Array.from({ length: 10 }, () => aside.getOrLoad('k', load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.value)).toEqual(Array(10).fill('v'));
  });

  test('concurrent misses for different keys each call their own loader', async ({ redis, prefix }) => {
    const aside = createCacheAside<string>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const loadA = slowLoader('a');
    const loadB = slowLoader('b');
    const [a, b] = await Promise.all([aside.getOrLoad('a', loadA), aside.getOrLoad('b', loadB)]);
    expect([a.value, b.value]).toEqual(['a', 'b']);
    expect(loadA).toHaveBeenCalledTimes(1);
    expect(loadB).toHaveBeenCalledTimes(1);
  });

  test('a loader error reaches the caller, is not cached, and the next read loads again', async ({ redis, prefix }) => {
    const aside = createCacheAside<string>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const failing = vi.fn(async () => {
      throw new Error('source down');
    });
    const error = await rejectionOf(aside.getOrLoad('k', failing));
    expect(error).toMatchObject({ message: 'source down' });
    expect(await redis.exists(`${prefix}cache:k`)).toBe(0);
    expect(await aside.getOrLoad('k', slowLoader('v', 1))).toEqual({ value: 'v', hit: false });
  });

  test('an id the source does not know is cached as missing: the loader runs once', async ({ redis, prefix }) => {
    const aside = createCacheAside<User>({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    const load = slowLoader<User | null>(null, 5);
    expect(await aside.getOrLoad('user:nobody', load)).toEqual({ value: null, hit: false });
    expect(await aside.getOrLoad('user:nobody', load)).toEqual({ value: null, hit: true });
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a missing entry lives missingTtlMs, much shorter than a value', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    const aside = createCacheAside({ cache, ttlMs: 60_000, missingTtlMs: 2_000 });
    await aside.getOrLoad('nobody', slowLoader(null, 1));
    const ttl = await redis.pTtl(`${prefix}cache:nobody`);
    expectWithin(ttl, { above: 0, atMost: 2_000 }, 'the TTL in ms');
  });

  test('the default missingTtlMs is 5 seconds', async ({ redis, prefix }) => {
    const aside = createCacheAside({ cache: createCache({ redis, namespace: `${prefix}cache:` }) });
    await aside.getOrLoad('nobody', slowLoader(null, 1));
    const ttl = await redis.pTtl(`${prefix}cache:nobody`);
    expectWithin(ttl, { above: 4_000, atMost: 5_000 }, 'the TTL in ms');
  });

  test('once a missing entry expires, a record created meanwhile is found', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    const aside = createCacheAside<string>({ cache, missingTtlMs: 150 });
    const load = vi.fn<() => Promise<string | null>>().mockResolvedValueOnce(null).mockResolvedValue('created');
    expect((await aside.getOrLoad('k', load)).value).toBeNull();
    await expect.poll(() => cache.get('k'), { timeout: 2000, interval: 25 }).toBeNull();
    expect(await aside.getOrLoad('k', load)).toEqual({ value: 'created', hit: false });
  });
});
