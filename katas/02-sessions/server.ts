import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { LoginThrottleLimits } from './login-throttle.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:02-sessions:`. */
  prefix?: string;
  /** Idle timeout of a session. Default 30 minutes. */
  idleTtlMs?: number;
  /** Absolute lifetime of a session. Default 12 hours. */
  absoluteTtlMs?: number;
  /** Mark the session cookie `Secure` (HTTPS only). Default `false`, for `http://localhost`; `pnpm kata serve 02 --secure-cookies` turns it on. */
  secureCookies?: boolean;
  /** Failed-login throttling (`login-throttle.ts`). Default: 5 per username and IP, 20 per IP, per 15 minutes. */
  loginLimits?: Partial<LoginThrottleLimits>;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 5. The kata's HTTP service: log in, use the session by cookie or Bearer token, list
 * and revoke sessions. Start from `createKataServer` (server-kit/) and add the routes of
 * README.md, "Step 5", on the session store of steps 1–4, `users.ts`, `cookies.ts` and
 * `login-throttle.ts`.
 * Never listens by itself: `app.inject()` in tests, `pnpm kata serve 02` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('02-sessions', 5, 'buildServer(…)');
}
