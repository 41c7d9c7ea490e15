import type { FencedStore, FencedWrite, FencingTokens, LockOptions } from '../../katas/08-distributed-lock/lock.js';

/**
 * Accepts a write only when its token is newer than the last one accepted. KEYS[1] (the
 * hash) and KEYS[2] (the log) share the hash tag `{resource}`: one script touches both,
 * so on Redis Cluster they must live in one slot.
 */
const FENCED_WRITE = `
local last = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
local token = tonumber(ARGV[1])
if token <= last then
  return 0
end
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'value', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[1] .. ':' .. ARGV[2])
return 1`;

/** INCR never hands out a number twice: each new holder gets a bigger token than every holder before. */
export function createFencingTokens({ redis, namespace }: LockOptions): FencingTokens {
  const keyFor = (resource: string) => `${namespace}fence:${resource}`;
  return {
    keyFor,
    next: (resource) => redis.incr(keyFor(resource)),
  };
}

function requireToken(token: number): void {
  if (!Number.isSafeInteger(token) || token < 1) {
    throw new RangeError(`A fencing token is an integer ≥ 1 from INCR, not ${token}.`);
  }
}

/** `"<token>:<value>"` from the log back into a write. */
function parseLogEntry(entry: string): FencedWrite {
  const colon = entry.indexOf(':');
  return { token: Number(entry.slice(0, colon)), value: entry.slice(colon + 1) };
}

/**
 * The resource a lock protects, made safe against holders that lost their lock without
 * knowing (a long GC pause, a slow network): it remembers the newest token it accepted and
 * refuses anything older. The check and the write happen in one script, so no write can
 * slip in between.
 */
export function createFencedStore({ redis, namespace }: LockOptions): FencedStore {
  const write = redis.defineScript(FENCED_WRITE);
  const keyFor = (resource: string) => `${namespace}store:{${resource}}`;
  const logKeyFor = (resource: string) => `${keyFor(resource)}:log`;

  return {
    keyFor,
    logKeyFor,
    async write(resource, token, value) {
      requireToken(token);
      return (await write.run([keyFor(resource), logKeyFor(resource)], [token, value])) === 1;
    },
    async read(resource) {
      const current = await redis.hGetAll(keyFor(resource));
      if (current.token === undefined || current.value === undefined) return null;
      return { token: Number(current.token), value: current.value };
    },
    async writes(resource) {
      return (await redis.lRange(logKeyFor(resource), 0, -1)).map(parseLogEntry);
    },
  };
}
