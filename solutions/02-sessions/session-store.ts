import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { createToken, sessionIdOf } from './tokens.js';

export interface SessionStoreOptions {
  redis: RedisAdapter;
  /** Prefix of every key the store writes, e.g. `app:`: `<prefix>session:<id>`, `<prefix>user-sessions:<userId>`. */
  prefix: string;
  /** Idle timeout: a session nobody uses for this long expires. Default 30 minutes. */
  idleTtlMs?: number;
  /** Absolute lifetime: no session outlives this, however busy. Default 12 hours. */
  absoluteTtlMs?: number;
}

/** A session as the store hands it out. Times are milliseconds since the epoch. */
export interface Session {
  /** The SHA-256 of the token (`sessionIdOf`): safe to show, list and log. */
  id: string;
  userId: string;
  /** Where it was opened, e.g. the browser's user agent. */
  device: string;
  createdAt: number;
  /** When it ends if nobody uses it again: the idle deadline, capped by `absoluteExpiresAt`. */
  expiresAt: number;
  /** `createdAt + absoluteTtlMs`: no renewal goes past it. */
  absoluteExpiresAt: number;
}

/** What `create` returns: the token goes to the client, once; Redis only ever sees its hash. */
export interface NewSession {
  token: string;
  session: Session;
}

export interface SessionStore {
  /** Step 1. A new session for `userId` with a new token. One round trip (step 4: two, the session then its index entry). */
  create(userId: string, options?: { device?: string }): Promise<NewSession>;
  /** Step 1. The session of `token`, without renewing it; `null` when unknown, expired or revoked. */
  get(token: string): Promise<Session | null>;
  /** Step 1 (step 4: and out of its user's index). Ends the session of `token` (logout); `true` when it existed. */
  delete(token: string): Promise<boolean>;
  /** Steps 2–3. Uses the session: renews its idle TTL, never past its absolute lifetime. `null` when it is gone. */
  touch(token: string): Promise<Session | null>;
  /** Step 4. The user's live sessions, oldest first; ended ones are cleaned out of the index on the way. */
  list(userId: string): Promise<Session[]>;
  /** Step 4. Ends one of the user's sessions by id; `false` when it is not theirs, or gone. */
  revoke(userId: string, sessionId: string): Promise<boolean>;
  /** Step 4. Ends every session of the user ("log out everywhere") in three round trips; returns how many. */
  revokeAll(userId: string): Promise<number>;
}

export const DEFAULT_IDLE_TTL_MS = 30 * 60_000;
export const DEFAULT_ABSOLUTE_TTL_MS = 12 * 60 * 60_000;

function requirePositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer of ms.`);
  return value;
}

/** The hash fields back to a session; `null` for a missing (or foreign) key. */
function toSession(id: string, fields: Record<string, string>, expiresAt: number): Session | null {
  const { userId, device = '', createdAt, absoluteExpiresAt } = fields;
  if (userId === undefined || createdAt === undefined || absoluteExpiresAt === undefined) return null;
  return { id, userId, device, createdAt: Number(createdAt), expiresAt, absoluteExpiresAt: Number(absoluteExpiresAt) };
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { redis, prefix } = options;
  const idleTtlMs = requirePositiveInteger('idleTtlMs', options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS);
  const absoluteTtlMs = requirePositiveInteger('absoluteTtlMs', options.absoluteTtlMs ?? DEFAULT_ABSOLUTE_TTL_MS);
  const sessionKey = (id: string) => `${prefix}session:${id}`;
  const indexKey = (userId: string) => `${prefix}user-sessions:${userId}`;

  // The session and its index entry live in different hash slots on Redis Cluster (the token
  // names the one, the user the other), so no MULTI can hold both. The order of the writes
  // keeps one rule instead: a live session is always in its user's index. The index may
  // hold an entry whose session is gone; `list` drops it.

  /** Deletes a session, then its index entry, once its hash proves it exists (and belongs to `owner`, when given). */
  async function remove(id: string, owner?: string): Promise<boolean> {
    const userId = await redis.hGet(sessionKey(id), 'userId');
    if (userId === null || (owner !== undefined && userId !== owner)) return false;
    const deleted = await redis.unlink(sessionKey(id));
    await redis.zRem(indexKey(userId), id);
    return deleted === 1;
  }

  return {
    // Two MULTIs, one per slot: the session with its TTL, then its index entry. Until both
    // are written nobody has the token, so a failure in between leaves only a session
    // nobody can use, gone at its TTL.
    // The key's TTL is the idle timeout, or the whole lifetime when that is shorter.
    async create(userId, { device = 'unknown device' } = {}) {
      const token = createToken();
      const id = sessionIdOf(token);
      const createdAt = Date.now();
      const absoluteExpiresAt = createdAt + absoluteTtlMs;
      const ttlMs = Math.min(idleTtlMs, absoluteTtlMs);
      const session: Session = { id, userId, device, createdAt, expiresAt: createdAt + ttlMs, absoluteExpiresAt };
      await redis
        .multi()
        .hSet(sessionKey(id), {
          userId,
          device,
          createdAt: String(createdAt),
          absoluteExpiresAt: String(absoluteExpiresAt),
        })
        .pExpire(sessionKey(id), ttlMs)
        .exec();
      await redis
        .multi()
        // The index: one sorted set per user, each session scored by when it expires.
        .zAdd(indexKey(userId), [{ member: id, score: session.expiresAt }])
        // The newest session lives longest, so the index lives as long as it may.
        .pExpire(indexKey(userId), absoluteTtlMs)
        .exec();
      return { token, session };
    },

    // HGETALL and PTTL in one MULTI: one round trip, and the key cannot expire in between.
    async get(token) {
      const id = sessionIdOf(token);
      const [fields, ttlMs] = await redis.multi().hGetAll(sessionKey(id)).pTtl(sessionKey(id)).exec();
      const now = Date.now();
      // PTTL rounds down: 0 is a key in its last millisecond, still there (and `touch` could
      // still renew it); only a missing key (-2) is gone.
      const session = ttlMs >= 0 ? toSession(id, fields, now + ttlMs) : null;
      return session && session.absoluteExpiresAt > now ? session : null;
    },

    delete: (token) => remove(sessionIdOf(token)),

    // Read, then renew. The renewal only sets a TTL (PEXPIRE) and updates the index entry
    // (ZADD XX): neither can bring back a session revoked in between, as an HSET would.
    // One pipeline: the two keys may be in different slots, and a score left behind (when
    // the ZADD fails) is harmless, since `list` trusts the hashes, not the scores.
    async touch(token) {
      const id = sessionIdOf(token);
      const session = toSession(id, await redis.hGetAll(sessionKey(id)), 0);
      if (!session) return null;
      const now = Date.now();
      // Sliding, but capped: the idle timeout from now, or what is left of the lifetime.
      const ttlMs = Math.min(idleTtlMs, session.absoluteExpiresAt - now);
      if (ttlMs <= 0) return null; // past its lifetime: Redis drops the key any moment now
      const expiresAt = now + ttlMs;
      const [renewed] = await redis
        .pipeline()
        .pExpire(sessionKey(id), ttlMs)
        .zAdd(indexKey(session.userId), [{ member: id, score: expiresAt }], { xx: true })
        .exec();
      return renewed ? { ...session, expiresAt } : null;
    },

    // Lazy cleanup: the index, then every hash in one pipeline; an entry whose hash is gone
    // (expired, deleted) leaves the index. Hashes, not scores, decide: a session's hash is
    // written before its entry, so an entry without a hash is a session that has ended.
    async list(userId) {
      const index = indexKey(userId);
      const entries = await redis.zRangeWithScores(index, 0, -1);
      if (entries.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const { member } of entries) pipeline.hGetAll(sessionKey(member));
      const hashes = (await pipeline.exec()) as Record<string, string>[];
      const sessions: Session[] = [];
      const gone: string[] = [];
      entries.forEach(({ member, score }, index) => {
        const session = toSession(member, hashes[index] ?? {}, score);
        if (session?.userId === userId) sessions.push(session);
        else gone.push(member);
      });
      if (gone.length > 0) await redis.zRem(index, ...gone);
      return sessions.sort((a, b) => a.createdAt - b.createdAt);
    },

    revoke: (userId, sessionId) => remove(sessionId, userId),

    // Three round trips whatever the number of sessions: the ids, one pipeline of UNLINKs (one
    // per key: the keys are in many slots), then exactly those ids out of the index (a
    // session opened meanwhile stays listed, and alive). The index goes last: should an
    // UNLINK fail, its session is still listed, and a retry ends it.
    async revokeAll(userId) {
      const ids = await redis.zRange(indexKey(userId), 0, -1);
      if (ids.length === 0) return 0;
      const unlinks = redis.pipeline();
      for (const id of ids) unlinks.unlink(sessionKey(id));
      const deleted = ((await unlinks.exec()) as number[]).reduce((sum, count) => sum + count, 0);
      await redis.zRem(indexKey(userId), ...ids);
      return deleted;
    },
  };
}
