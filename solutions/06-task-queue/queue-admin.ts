import { queueKeys } from '../../katas/06-task-queue/queue-keys.js';
import {
  PRIORITIES,
  type QueueAdmin,
  type QueueOptions,
  type ReliabilityOptions,
} from '../../katas/06-task-queue/task-queue.js';
import { toJob } from './reliable-queue.js';

// KEYS: high, normal, low · ARGV: job prefix, TTL ms. RPOP from the first non-empty level;
// the job leaves the queue for good, so its hash gets a TTL like a completed one.
const NEXT = `
for i = 1, 3 do
  local id = redis.call('RPOP', KEYS[i])
  if id then
    local job = ARGV[1] .. id
    redis.call('HSET', job, 'state', 'taken')
    redis.call('PEXPIRE', job, ARGV[2])
    return { id, redis.call('HGETALL', job) }
  end
end
return false
`;

// KEYS: high, normal, low, wake · ARGV: job prefix. Deletes every waiting job and its
// hash, and the wake-up that announced them.
const CLEAR_WAITING = `
local deleted = 0
for i = 1, 3 do
  for _, id in ipairs(redis.call('LRANGE', KEYS[i], 0, -1)) do
    redis.call('DEL', ARGV[1] .. id)
    deleted = deleted + 1
  end
  redis.call('DEL', KEYS[i])
end
redis.call('DEL', KEYS[4])
return deleted
`;

/** A flat HGETALL reply from a script ([field, value, …]) → a record. */
function toRecord(flat: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[flat[i] as string] = flat[i + 1] as string;
  return record;
}

/** Step 7. The server's view of the queue: `/next`, the waiting list, the stats, clearing. */
export function createQueueAdmin(options: QueueOptions & ReliabilityOptions): QueueAdmin {
  const { redis, namespace, name, completedTtlMs = 86_400_000 } = options;
  const keys = queueKeys(namespace, name);
  const levels = PRIORITIES.map((priority) => keys.waiting(priority));
  const nextScript = redis.defineScript(NEXT);
  const clearScript = redis.defineScript(CLEAR_WAITING);

  return {
    async next() {
      const reply = (await nextScript.run(levels, [keys.job(''), completedTtlMs])) as [string, string[]] | null;
      return reply && toJob(reply[0], toRecord(reply[1]));
    },

    async waiting() {
      const lists = await Promise.all(levels.map((level) => redis.lRange(level, 0, -1)));
      // Each list is newest first (LPUSH); the next one taken is at the right.
      const ids = lists.flatMap((list) => [...list].reverse());
      if (ids.length === 0) return [];
      const batch = redis.pipeline();
      for (const id of ids) batch.hGetAll(keys.job(id));
      const hashes = (await batch.exec()) as Record<string, string>[];
      return ids.flatMap((id, index) => toJob(id, hashes[index] ?? {}) ?? []);
    },

    async stats() {
      const batch = redis.pipeline();
      for (const level of levels) batch.lLen(level);
      batch.lLen(keys.processing).zCard(keys.delayed).zCard(keys.completed).lLen(keys.dead);
      const [high, normal, low, processing, delayed, completed, dead] = (await batch.exec()) as number[];
      const byPriority = { high: high ?? 0, normal: normal ?? 0, low: low ?? 0 };
      const waiting = byPriority.high + byPriority.normal + byPriority.low;
      return {
        waiting,
        processing: processing ?? 0,
        delayed: delayed ?? 0,
        completed: completed ?? 0,
        dead: dead ?? 0,
        byPriority,
      };
    },

    async clearWaiting() {
      return Number(await clearScript.run([...levels, keys.wake], [keys.job('')]));
    },
  };
}
