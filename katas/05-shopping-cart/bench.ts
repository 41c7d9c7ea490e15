/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's number: checkouts per second under contention, WATCH/MULTI with retries
 * against one Lua script, on both real clients.
 *
 *   npx tsx katas/05-shopping-cart/bench.ts --solution [--carts 1000] [--racers 8] [--in-flight 64] [--rounds 3]
 *
 * (`pnpm bench 05` runs it on the solution.) Without `--solution` it measures your code
 * in katas/ (it needs steps 2 and 5). It runs on REDIS_URL when set, else on a
 * redis-server it starts on a free port (and stops). The workload: `--carts` carts of 3
 * lines each; every cart is checked out by 1 caller (no contention), then by `--racers`
 * callers at once (contention), with at most `--in-flight` checkouts in flight. Every
 * cart must end up in exactly one order or left whole, with every unit: the "exact" column
 * checks it; a call that fails with a Redis error is counted under "failed calls".
 * Round trips and WATCH attempts come from the adapter's command monitor. The median of
 * `--rounds` rounds. Every key is written under a fresh `bench:05:<random>:` prefix and
 * deleted afterwards. The mock is left out: its Lua runs in fengari, milliseconds a call.
 */
import { randomBytes } from 'node:crypto';
import { Redis as IORedis } from 'ioredis';
import type { CommandMonitor } from '../../adapters/core/command-monitor.js';
import type { BackendName, RedisAdapter } from '../../adapters/redis-adapter.js';
import { createBackendAdapter } from '../../harness/backends.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import { CHECKOUT_STRATEGIES, type CheckoutStrategy } from './cart.js';
import { cartKey, newOrderId, orderKey } from './keys.js';

const carts = option('--carts', 1000);
const racers = option('--racers', 8);
const inFlight = option('--in-flight', 64);
const rounds = option('--rounds', 3);
const LINES: [string, number][] = [
  ['TEA-GREEN', 2],
  ['KETTLE', 1],
  ['FILTER-50', 3],
];
const WARM_UP = 200;
const noop = () => undefined;
const UNITS_PER_CART = LINES.reduce((sum, [, quantity]) => sum + quantity, 0);
const folder = process.argv.includes('--solution') ? '../../solutions/05-shopping-cart' : '.';
const { createCheckout } = (await import(`${folder}/checkout.js`)) as typeof import('./checkout.js');
const { createCartStore } = (await import(`${folder}/cart-store.js`)) as typeof import('./cart-store.js');

interface Sample {
  callsPerSecond: number;
  ordersPerSecond: number;
  /** No cart in two orders, no unit lost: each order holds a whole cart, and orders + carts left = carts. */
  exact: boolean;
  /** Checkout calls that failed (a Redis error, e.g. a new WATCH connection not ready within 1 s). */
  errors: number;
  roundTripsPerCall: number;
  watchesPerCall: number;
}

/** The kata's two strategies, and WATCH/MULTI on long-lived connections (raw ioredis, no adapter) for reference. */
type Variant = CheckoutStrategy | 'watch, pooled';

interface Row extends Omit<Sample, 'exact' | 'errors'> {
  backend: string;
  strategy: Variant;
  racersPerCart: number;
  exact: string;
  errors: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Counts round trips, and WATCHes (one per WATCH/MULTI attempt), of one adapter. */
function monitor(): CommandMonitor & { roundTrips: number; watches: number } {
  return {
    roundTrips: 0,
    watches: 0,
    onRoundTrip(commands) {
      this.roundTrips += 1;
      if (commands[0]?.[0]?.toUpperCase() === 'WATCH') this.watches += 1;
    },
  };
}

/** Runs `tasks` with at most `limit` in flight at once. */
async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/**
 * WATCH/MULTI with retries on a pool of `inFlight` open ioredis connections: the same
 * algorithm as the solution's `'watch'`, without opening a connection per attempt.
 * Resolves with the units ordered, or `null` for an empty cart.
 */
function pooledWatchCheckout(url: string, namespace: string, counted: { roundTrips: number; watches: number }) {
  const idle = Array.from({ length: inFlight }, () => new IORedis(url));
  const attempt = async (connection: IORedis, cartId: string): Promise<number | null | 'conflict'> => {
    const key = cartKey(namespace, cartId);
    // Three round trips, as with the adapter: WATCH, HGETALL, then MULTI…EXEC (or UNWATCH).
    counted.watches += 1;
    counted.roundTrips += 3;
    await connection.watch(key);
    const fields = await connection.hgetall(key);
    if (Object.keys(fields).length === 0) {
      await connection.unwatch();
      return null;
    }
    const result = await connection
      .multi()
      .hset(orderKey(namespace, newOrderId(cartId)), fields)
      .del(key)
      .exec();
    return result === null ? 'conflict' : Object.values(fields).reduce((sum, units) => sum + Number(units), 0);
  };
  return {
    async checkout(cartId: string): Promise<number | null> {
      const connection = idle.pop();
      if (!connection) throw new Error('The pool is empty: more checkouts in flight than connections.');
      try {
        for (;;) {
          const outcome = await attempt(connection, cartId);
          if (outcome !== 'conflict') return outcome;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
        }
      } finally {
        idle.push(connection);
      }
    },
    close: async () => {
      for (const connection of idle) connection.disconnect();
    },
  };
}

/** Fills `carts` carts, then checks each out `racersPerCart` times at once; one sample. */
async function sample(backend: BackendName, url: string, variant: Variant, racersPerCart: number) {
  const prefix = `bench:05:${randomBytes(4).toString('hex')}:`;
  const counted = monitor();
  const redis = createBackendAdapter(backend, url, { monitor: counted });
  const store = createCartStore({ redis, namespace: prefix });
  const pooled = variant === 'watch, pooled' ? pooledWatchCheckout(url, prefix, counted) : null;
  const ours =
    variant === 'watch, pooled'
      ? null
      : createCheckout({ redis, namespace: prefix, strategy: variant, maxAttempts: 1000 });
  const unitsOf = async (cartId: string): Promise<number | null> =>
    pooled ? pooled.checkout(cartId) : (((await ours?.checkout(cartId)) ?? null)?.count ?? null);
  try {
    const ids = Array.from({ length: carts }, (_, i) => `cart-${i}`);
    await runLimited(
      ids.flatMap((id) =>
        LINES.map(
          ([sku, quantity]) =>
            () =>
              store.add(id, sku, quantity).then(() => undefined),
        ),
      ),
      inFlight,
    );
    // Warm-up on carts of their own: script loaded, connections open, the JIT warm.
    const warmUp = Array.from({ length: WARM_UP }, (_, i) => `warm-up-${i}`);
    await runLimited(
      warmUp.map((id) => () => store.add(id, 'KETTLE', 1).then(() => undefined)),
      inFlight,
    );
    await runLimited(
      warmUp.map((id) => () => unitsOf(id).then(noop, noop)),
      inFlight,
    );
    const before = { roundTrips: counted.roundTrips, watches: counted.watches };
    const unitsOrdered: number[] = [];
    let errors = 0;
    const calls = ids.flatMap((id) =>
      Array.from({ length: racersPerCart }, () => async () => {
        try {
          const units = await unitsOf(id);
          if (units !== null) unitsOrdered.push(units);
        } catch {
          errors += 1;
        }
      }),
    );
    const started = performance.now();
    await runLimited(calls, inFlight);
    const seconds = (performance.now() - started) / 1000;
    const left = await redis.exists(...ids.map((id) => store.keyFor(id)));
    return {
      callsPerSecond: calls.length / seconds,
      ordersPerSecond: unitsOrdered.length / seconds,
      exact: unitsOrdered.every((units) => units === UNITS_PER_CART) && unitsOrdered.length + left === carts,
      errors,
      roundTripsPerCall: (counted.roundTrips - before.roundTrips) / calls.length,
      watchesPerCall: (counted.watches - before.watches) / calls.length,
    } satisfies Sample;
  } finally {
    await pooled?.close();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.close();
  }
}

async function measure(backend: BackendName, url: string, strategy: Variant, racersPerCart: number) {
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round += 1) samples.push(await sample(backend, url, strategy, racersPerCart));
  return {
    backend,
    strategy,
    racersPerCart,
    callsPerSecond: median(samples.map((each) => each.callsPerSecond)),
    ordersPerSecond: median(samples.map((each) => each.ordersPerSecond)),
    exact: `${samples.filter((each) => each.exact).length}/${samples.length}`,
    errors: samples.reduce((sum, each) => sum + each.errors, 0),
    roundTripsPerCall: median(samples.map((each) => each.roundTripsPerCall)),
    watchesPerCall: median(samples.map((each) => each.watchesPerCall)),
  } satisfies Row;
}

const benchRedis = await provideRealRedis();
const { url } = benchRedis;
if (!url) throw new Error('Set REDIS_URL, or install redis-server: the benchmark needs a real Redis.');
const observer: RedisAdapter = createBackendAdapter('ioredis', url);
try {
  const version = /redis_version:(\S+)/.exec(String(await observer.sendCommand(['INFO', 'server'])))?.[1];
  const rows: Row[] = [];
  for (const backend of ['ioredis', 'node-redis'] as const) {
    for (const racersPerCart of [1, racers]) {
      for (const strategy of CHECKOUT_STRATEGIES) rows.push(await measure(backend, url, strategy, racersPerCart));
    }
  }
  for (const racersPerCart of [1, racers]) rows.push(await measure('ioredis', url, 'watch, pooled', racersPerCart));
  console.log(
    `\nKata 05 · ${folder === '.' ? 'katas/' : 'solutions/'} · Redis ${version} · ${carts} carts of ${UNITS_PER_CART} units, ${inFlight} checkouts in flight · median of ${rounds} · Node ${process.version}\n${benchRedis.description}\n`,
  );
  console.log(
    '| client | checkout | callers per cart | checkout calls/s | orders/s | exact | failed calls | round trips/call | WATCH attempts/call |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const number = (value: number) => Math.round(value).toLocaleString('en');
    console.log(
      `| ${row.backend} | ${row.strategy} | ${row.racersPerCart} | ${number(row.callsPerSecond)} | ${number(row.ordersPerSecond)} | ${row.exact} | ${row.errors} | ${row.roundTripsPerCall.toFixed(2)} | ${row.strategy === 'script' ? '—' : row.watchesPerCall.toFixed(2)} |`,
    );
  }
} finally {
  await observer.close();
  await benchRedis.stop();
}
