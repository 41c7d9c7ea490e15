import { randomUUID } from 'node:crypto';
import { queueKeys } from '../../katas/06-task-queue/queue-keys.js';
import {
  type Job,
  type JobState,
  PRIORITIES,
  type Priority,
  type QueueOptions,
  type ReliabilityOptions,
  type ReliableQueue,
} from '../../katas/06-task-queue/task-queue.js';

/** Redis' clock in ms, inside a script: every server's workers share it. */
const NOW_MS = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;

/** Pushes a wake-up for idle workers, unless one is already there. */
const wakeUp = (wakeKey: string) => `
if redis.call('LLEN', ${wakeKey}) == 0 then redis.call('LPUSH', ${wakeKey}, '1') end
`;

/** KEYS[1..3] are the levels, high first; `levelOf(priority)` picks one. */
const LEVEL_OF = `
local function levelOf(priority)
  if priority == 'high' then return KEYS[1] elseif priority == 'low' then return KEYS[3] end
  return KEYS[2]
end
`;

/**
 * Moves due retries from the delayed set to the back of their level. Needs NOW_MS,
 * LEVEL_OF and ARGV[1] = the job hash prefix. Sets `promoted`.
 */
const promoteDue = (delayedKey: string) => `
local promoted = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', ${delayedKey}, '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', ${delayedKey}, id)
  local job = ARGV[1] .. id
  redis.call('LPUSH', levelOf(redis.call('HGET', job, 'priority')), id)
  redis.call('HSET', job, 'state', 'waiting')
  promoted = promoted + 1
end
`;

// KEYS: high, normal, low, processing, deadlines, delayed, wake · ARGV: job prefix, visibility ms
const TAKE = `${NOW_MS}${LEVEL_OF}${promoteDue('KEYS[6]')}
for i = 1, 3 do
  local id = redis.call('LMOVE', KEYS[i], KEYS[4], 'RIGHT', 'LEFT')
  if id then
    local job = ARGV[1] .. id
    local attempts = redis.call('HINCRBY', job, 'attempts', 1)
    redis.call('HSET', job, 'state', 'processing')
    redis.call('ZADD', KEYS[5], now + tonumber(ARGV[2]), id)
    -- More work waits: wake the next idle worker too.
    if redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2]) + redis.call('LLEN', KEYS[3]) > 0 then
      ${wakeUp('KEYS[7]')}
    end
    return { id, redis.call('HGET', job, 'priority'), redis.call('HGET', job, 'data'), attempts }
  end
end
return false
`;

// KEYS: high, normal, low, job, wake · ARGV: id, priority, data
const ENQUEUE = `${LEVEL_OF}
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
redis.call('HSET', KEYS[4], 'priority', ARGV[2], 'data', ARGV[3], 'state', 'waiting', 'attempts', 0)
redis.call('LPUSH', levelOf(ARGV[2]), ARGV[1])
${wakeUp('KEYS[5]')}
return 1
`;

// KEYS: processing, deadlines, job, completed · ARGV: id, completed TTL ms
const ACK = `${NOW_MS}
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], 'state', 'completed')
redis.call('HDEL', KEYS[3], 'error')
redis.call('PEXPIRE', KEYS[3], ARGV[2])
redis.call('ZADD', KEYS[4], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[4], ARGV[2])
return 1
`;

// KEYS: processing, deadlines, job, delayed, dead · ARGV: id, error, max attempts, backoff ms
const FAIL = `${NOW_MS}
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], 'error', ARGV[2])
local attempts = tonumber(redis.call('HGET', KEYS[3], 'attempts'))
if attempts >= tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[3], 'state', 'dead')
  redis.call('LPUSH', KEYS[5], ARGV[1])
  return 'dead'
end
-- 100, 200, 400 … ms: each retry waits twice as long as the one before.
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]) * 2 ^ (attempts - 1), ARGV[1])
redis.call('HSET', KEYS[3], 'state', 'delayed')
return 'delayed'
`;

// KEYS: high, normal, low, dead, job, wake · ARGV: id
const RETRY_DEAD = `${LEVEL_OF}
if redis.call('LREM', KEYS[4], 1, ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[5], 'state', 'waiting', 'attempts', 0)
redis.call('HDEL', KEYS[5], 'error')
redis.call('LPUSH', levelOf(redis.call('HGET', KEYS[5], 'priority')), ARGV[1])
${wakeUp('KEYS[6]')}
return 1
`;

// KEYS: high, normal, low, delayed, wake · ARGV: job prefix
const PROMOTE = `${NOW_MS}${LEVEL_OF}${promoteDue('KEYS[4]')}
if promoted > 0 then ${wakeUp('KEYS[5]')} end
return promoted
`;

// KEYS: high, normal, low, processing, deadlines, dead, wake · ARGV: job prefix, max attempts
const RECOVER = `${NOW_MS}${LEVEL_OF}
local recovered = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', KEYS[5], id)
  if redis.call('LREM', KEYS[4], 1, id) > 0 then
    local job = ARGV[1] .. id
    if tonumber(redis.call('HGET', job, 'attempts')) >= tonumber(ARGV[2]) then
      -- It stopped its worker on every attempt: a poison job, not a bad day.
      redis.call('HSET', job, 'state', 'dead', 'error', 'stalled: its worker stopped before acknowledging it')
      redis.call('LPUSH', KEYS[6], id)
    else
      -- Back at the front of its level: it has waited longest.
      redis.call('RPUSH', levelOf(redis.call('HGET', job, 'priority')), id)
      redis.call('HSET', job, 'state', 'waiting')
      recovered = recovered + 1
    end
  end
end
if recovered > 0 then ${wakeUp('KEYS[7]')} end
return recovered
`;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A job hash as the queue stores it → a `Job`; `null` for a missing hash. */
export function toJob(id: string, hash: Record<string, string>): Job | null {
  if (!hash.state) return null;
  const priority = (PRIORITIES as readonly string[]).includes(hash.priority ?? '')
    ? (hash.priority as Priority)
    : 'normal';
  const job: Job = {
    id,
    priority,
    data: hash.data ?? '',
    state: hash.state as JobState,
    attempts: Number(hash.attempts ?? 0),
  };
  if (hash.error !== undefined) job.error = hash.error;
  return job;
}

/**
 * Steps 4–6. A reliable queue: a job is always in exactly one place (a level, the
 * processing list, the delayed set, the dead letters) or completed, because every move
 * is one Lua script. A worker that dies leaves its job in the processing list with a
 * deadline; the sweeper puts it back. Delivery is therefore at least once.
 */
export function createReliableQueue(options: QueueOptions & ReliabilityOptions): ReliableQueue {
  const { redis, namespace, name, maxAttempts = 3, backoffMs = 100, visibilityMs = 30_000 } = options;
  const { completedTtlMs = 86_400_000 } = options;
  const keys = queueKeys(namespace, name);
  const jobPrefix = keys.job('');
  const levels = PRIORITIES.map((priority) => keys.waiting(priority));
  const scripts = {
    enqueue: redis.defineScript(ENQUEUE),
    take: redis.defineScript(TAKE),
    ack: redis.defineScript(ACK),
    fail: redis.defineScript(FAIL),
    retryDead: redis.defineScript(RETRY_DEAD),
    promote: redis.defineScript(PROMOTE),
    recover: redis.defineScript(RECOVER),
  };

  const queue: ReliableQueue = {
    keys,

    async enqueue({ id = randomUUID(), priority = 'normal', data }) {
      const added = await scripts.enqueue.run([...levels, keys.job(id), keys.wake], [id, priority, data]);
      if (added === 0) throw new Error(`A job with id "${id}" already exists; ids must be unique.`);
      return id;
    },

    async takeNow() {
      const keysOfTake = [...levels, keys.processing, keys.deadlines, keys.delayed, keys.wake];
      const reply = (await scripts.take.run(keysOfTake, [jobPrefix, visibilityMs])) as
        | [string, string, string, number]
        | null;
      if (!reply) return null;
      const [id, priority, data, attempts] = reply;
      return toJob(id, { priority, data, attempts: String(attempts), state: 'processing' });
    },

    async take(connection, timeoutSeconds) {
      const job = await queue.takeNow();
      if (job) return job;
      // Nothing waits: sleep on the wake list (no polling), then try once more.
      await connection.brPop([keys.wake], timeoutSeconds);
      return queue.takeNow();
    },

    async ack(id) {
      const keysOfAck = [keys.processing, keys.deadlines, keys.job(id), keys.completed];
      return (await scripts.ack.run(keysOfAck, [id, completedTtlMs])) === 1;
    },

    async get(id) {
      return toJob(id, await redis.hGetAll(keys.job(id)));
    },

    async fail(id, error) {
      const keysOfFail = [keys.processing, keys.deadlines, keys.job(id), keys.delayed, keys.dead];
      return (await scripts.fail.run(keysOfFail, [id, error, maxAttempts, backoffMs])) as 'delayed' | 'dead' | null;
    },

    async process(job, handler) {
      try {
        await handler(job);
      } catch (error) {
        return (await queue.fail(job.id, errorMessage(error))) ?? 'lost';
      }
      return (await queue.ack(job.id)) ? 'completed' : 'lost';
    },

    async promoteDue() {
      return Number(await scripts.promote.run([...levels, keys.delayed, keys.wake], [jobPrefix]));
    },

    async deadLetters() {
      const ids = await redis.lRange(keys.dead, 0, -1);
      if (ids.length === 0) return [];
      const batch = redis.pipeline();
      for (const id of ids) batch.hGetAll(keys.job(id));
      const hashes = (await batch.exec()) as Record<string, string>[];
      return ids.flatMap((id, index) => toJob(id, hashes[index] ?? {}) ?? []);
    },

    async retryDead(id) {
      return (await scripts.retryDead.run([...levels, keys.dead, keys.job(id), keys.wake], [id])) === 1;
    },

    async recoverStalled() {
      const keysOfRecover = [...levels, keys.processing, keys.deadlines, keys.dead, keys.wake];
      return Number(await scripts.recover.run(keysOfRecover, [jobPrefix, maxAttempts]));
    },
  };
  return queue;
}
