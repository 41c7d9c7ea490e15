/**
 * Provided: you do not need to edit this file.
 *
 * Failed-login throttling, with Redis counters that expire (INCR + PEXPIRE, as in kata 03).
 * An attempt is counted **before** the password is checked, so 50 guesses sent at once are
 * 50 counted guesses, and a throttled guess costs no scrypt work. A right password takes
 * its attempt back. Two counters, each with a fixed window that starts at the first
 * failure and is never extended:
 *
 * - per username **and** IP (default 5 failures per 15 minutes): stops guessing one
 *   account's password. It is keyed by the IP too, so an attacker can throttle only
 *   themself: the real user, from their own IP, still logs in. A counter per username
 *   alone would let anyone lock any user out by sending 5 wrong passwords every 15 minutes.
 * - per IP (default 20 failures per 15 minutes): stops one IP from trying one password
 *   against many usernames.
 *
 * The window is never extended (PEXPIRE … NX), so a throttle lifts at most `windowMs`
 * after the failure that started it, whatever is sent meanwhile. Many IPs guessing at once
 * (a botnet) are beyond what counters can stop: that takes a second factor or a CAPTCHA.
 */
import { createHash } from 'node:crypto';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';

export interface LoginThrottleLimits {
  /** Failed logins allowed per username from one IP within a window. Default 5. */
  perUserAndIp: number;
  /** Failed logins allowed per IP within a window, whatever the usernames. Default 20. */
  perIp: number;
  /** The window, from the first failure. Default 15 minutes. */
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = { perUserAndIp: 5, perIp: 20, windowMs: 15 * 60_000 };

export interface LoginThrottleOptions {
  redis: RedisAdapter;
  /** Prefix of the counters' keys, e.g. `kata:02-sessions:`. */
  prefix: string;
  limits?: Partial<LoginThrottleLimits>;
}

/** What `begin` decided: go on and check the password, or answer 429 with `Retry-After`. */
export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginThrottle {
  /** Counts one login attempt of `username` from `ip`, before its password is checked. One round trip. */
  begin(username: string, ip: string): Promise<LoginAttempt>;
  /** The password was right: takes the attempt back from both counters. One round trip. */
  succeeded(username: string, ip: string): Promise<void>;
}

// DECR only a counter that still exists (a DECR on an expired one would create a key
// without a TTL), and delete one that is back to 0.
const TAKE_BACK = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 and redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
end
return 0
`;

export function createLoginThrottle({ redis, prefix, limits = {} }: LoginThrottleOptions): LoginThrottle {
  const { perUserAndIp, perIp, windowMs } = { ...DEFAULT_LOGIN_LIMITS, ...limits };
  const takeBack = redis.defineScript(TAKE_BACK);
  // Usernames are free text: hashed, so that a key stays short and holds no odd characters.
  // Both keys carry the IP as a hash tag (`{…}`): one MULTI touches them, on Redis Cluster too.
  const keysOf = (username: string, ip: string) => {
    const user = createHash('sha256').update(username).digest('hex').slice(0, 32);
    return [`${prefix}login-failures:{${ip}}:user:${user}`, `${prefix}login-failures:{${ip}}`] as const;
  };

  return {
    async begin(username, ip) {
      const [pairKey, ipKey] = keysOf(username, ip);
      const replies = await redis
        .multi()
        .incr(pairKey)
        .pExpire(pairKey, windowMs, 'nx')
        .pTtl(pairKey)
        .incr(ipKey)
        .pExpire(ipKey, windowMs, 'nx')
        .pTtl(ipKey)
        .exec();
      const [pairCount, , pairTtl, ipCount, , ipTtl] = replies as number[];
      const waits = [
        ...((pairCount ?? 0) > perUserAndIp ? [pairTtl ?? windowMs] : []),
        ...((ipCount ?? 0) > perIp ? [ipTtl ?? windowMs] : []),
      ];
      if (waits.length === 0) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
    },

    async succeeded(username, ip) {
      await takeBack.run([...keysOf(username, ip)], []);
    },
  };
}
