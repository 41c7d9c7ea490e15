import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';

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

/**
 * Steps 1–4. Read README.md, "Step 1", then replace each `throw` with the real thing. Use
 * `createToken` and `sessionIdOf` from `tokens.ts`; keys are `<prefix>session:<id>` and
 * `<prefix>user-sessions:<userId>`.
 */
export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { redis, prefix, idleTtlMs = DEFAULT_IDLE_TTL_MS, absoluteTtlMs = DEFAULT_ABSOLUTE_TTL_MS } = options;
  void redis;
  void prefix;
  void idleTtlMs;
  void absoluteTtlMs;
  return {
    async create(userId) {
      throw new NotImplementedError('02-sessions', 1, `sessions.create("${userId}")`);
    },
    async get() {
      throw new NotImplementedError('02-sessions', 1, 'sessions.get(token)');
    },
    async delete() {
      throw new NotImplementedError('02-sessions', 1, 'sessions.delete(token)');
    },
    async touch() {
      throw new NotImplementedError('02-sessions', 2, 'sessions.touch(token)');
    },
    async list(userId) {
      throw new NotImplementedError('02-sessions', 4, `sessions.list("${userId}")`);
    },
    async revoke(userId) {
      throw new NotImplementedError('02-sessions', 4, `sessions.revoke("${userId}", sessionId)`);
    },
    async revokeAll(userId) {
      throw new NotImplementedError('02-sessions', 4, `sessions.revokeAll("${userId}")`);
    },
  };
}
