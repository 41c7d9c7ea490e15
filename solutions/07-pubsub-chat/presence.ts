import { chatKeys } from '../../katas/07-pubsub-chat/chat-keys.js';
import type { Presence, PresenceOptions, RoomOnline } from '../../katas/07-pubsub-chat/chat-types.js';

/**
 * Step 4. Who is online, across instances. Each room has a sorted set whose members are
 * `instanceId|user` and whose scores are deadlines: the time (ms) an entry expires unless
 * its instance refreshes it. Redis expires whole keys, not members, so the score is each
 * member's TTL: readers ignore entries past their deadline, and an instance that dies
 * stops refreshing, so its users drop out within `ttlMs`.
 *
 * Sockets are counted here, in memory: only a user's first socket on this instance adds
 * an entry and only their last removes it, so a second tab changes nothing in Redis.
 */
export function createPresence({
  redis,
  namespace,
  instanceId,
  ttlMs = 30_000,
  now = Date.now,
}: PresenceOptions): Presence {
  const keys = chatKeys(namespace);
  /** `room` → `user` → how many of their sockets are open on this instance. */
  const local = new Map<string, Map<string, number>>();
  const member = (user: string) => `${instanceId}|${user}`;
  const userOf = (entry: string) => entry.slice(entry.indexOf('|') + 1);

  /** The users with a live entry in `room`, each once, sorted. */
  const usersIn = (entries: string[]) => [...new Set(entries.map(userOf))].sort();
  const liveEntries = (room: string) => redis.zRange(keys.online(room), now(), '+inf', { by: 'score' });

  function count(room: string, user: string, change: 1 | -1): number {
    const users = local.get(room) ?? new Map<string, number>();
    const sockets = (users.get(user) ?? 0) + change;
    if (sockets > 0) users.set(user, sockets);
    else users.delete(user);
    if (users.size > 0) local.set(room, users);
    else local.delete(room);
    return sockets;
  }

  return {
    async enter(room, user) {
      if (count(room, user, 1) > 1) return false;
      const deadline = now() + ttlMs;
      try {
        const [before] = await redis
          .pipeline()
          .zRange(keys.online(room), now(), '+inf', { by: 'score' })
          .zAdd(keys.online(room), [{ member: member(user), score: deadline }])
          .zAdd(keys.rooms, [{ member: room, score: deadline }], { gt: true })
          .exec();
        // This instance had no socket of the user, so an entry of ours is a leftover (on a
        // cluster, an enter whose pipeline reached one master and failed on the other).
        return !usersIn(before.filter((entry) => entry !== member(user))).includes(user);
      } catch (error) {
        count(room, user, -1);
        throw error;
      }
    },
    async leave(room, user) {
      if (count(room, user, -1) > 0) return false;
      const [, after] = await redis
        .pipeline()
        .zRem(keys.online(room), member(user))
        .zRange(keys.online(room), now(), '+inf', { by: 'score' })
        .exec();
      return !usersIn(after).includes(user);
    },
    async heartbeat() {
      const deadline = now() + ttlMs;
      const batch = redis.pipeline();
      for (const [room, users] of local) {
        const entries = [...users.keys()].map((user) => ({ member: member(user), score: deadline }));
        batch.zAdd(keys.online(room), entries).zRemRangeByScore(keys.online(room), '-inf', `(${now()}`);
        batch.zAdd(keys.rooms, [{ member: room, score: deadline }], { gt: true });
      }
      batch.zRemRangeByScore(keys.rooms, '-inf', `(${now()}`);
      await batch.exec();
    },
    async online(room) {
      return usersIn(await liveEntries(room));
    },
    async rooms() {
      const candidates = await redis.zRange(keys.rooms, now(), '+inf', { by: 'score' });
      if (candidates.length === 0) return [];
      const batch = redis.pipeline();
      for (const room of candidates) batch.zRange(keys.online(room), now(), '+inf', { by: 'score' });
      const entries = (await batch.exec()) as string[][];
      const rooms: RoomOnline[] = candidates.map((room, index) => ({
        room,
        online: usersIn(entries[index] ?? []).length,
      }));
      return rooms.filter((each) => each.online > 0).sort((a, b) => a.room.localeCompare(b.room));
    },
  };
}
