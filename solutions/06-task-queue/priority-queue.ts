import type { BlockingConnection } from '../../adapters/redis-adapter.js';
import { queueKeys } from '../../katas/06-task-queue/queue-keys.js';
import {
  PRIORITIES,
  type Priority,
  type PriorityQueue,
  type QueueOptions,
} from '../../katas/06-task-queue/task-queue.js';

/**
 * RPOP from the first non-empty list of KEYS (highest level first): one round trip, and
 * atomic, so no other client's pop runs between "is high empty?" and "pop normal".
 * Returns the index of the list it popped from and the value, or false.
 */
const POP_FIRST_NON_EMPTY = `
for i, key in ipairs(KEYS) do
  local value = redis.call('RPOP', key)
  if value then return { i, value } end
end
return false
`;

/**
 * Steps 2 and 3. One list per level. Strict priority: a `low` value leaves only when
 * `high` and `normal` are empty. Within a level, FIFO as in step 1.
 */
export function createPriorityQueue({ redis, namespace, name }: QueueOptions): PriorityQueue {
  const keys = queueKeys(namespace, name);
  const levelKeys = PRIORITIES.map((priority) => keys.waiting(priority));
  const popScript = redis.defineScript(POP_FIRST_NON_EMPTY);
  const levelOf = (key: string): Priority => PRIORITIES[levelKeys.indexOf(key)] ?? 'normal';

  return {
    keyFor: (priority) => keys.waiting(priority),
    push: (value, priority = 'normal') => redis.lPush(keys.waiting(priority), value),

    async pop() {
      const reply = (await popScript.run(levelKeys, [])) as [number, string] | null;
      if (!reply) return null;
      const [index, value] = reply;
      return { value, priority: PRIORITIES[index - 1] ?? 'normal' };
    },

    async peek() {
      const batch = redis.pipeline();
      for (const key of levelKeys) batch.lRange(key, 0, -1);
      const lists = (await batch.exec()) as string[][];
      // Each list is newest first (LPUSH); pop takes from the right, so reverse it.
      return lists.flatMap((values, index) =>
        [...values].reverse().map((value) => ({ value, priority: PRIORITIES[index] ?? 'normal' })),
      );
    },

    // Step 3. BRPOP checks its keys in the order given: the same strict priority as `pop`,
    // served to waiting clients as soon as a value arrives.
    async popBlocking(connection: BlockingConnection, timeoutSeconds: number) {
      const popped = await connection.brPop(levelKeys, timeoutSeconds);
      return popped && { value: popped.element, priority: levelOf(popped.key) };
    },
  };
}
