import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import type { LoginThrottleLimits } from './login-throttle.js';
import { buildServer } from './server.js';

const ADA = { username: 'ada', password: 'analytical-engine' };
const GUESS = { username: 'ada', password: 'a-wrong-guess' };

async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  loginLimits?: Partial<LoginThrottleLimits>,
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, loginLimits });
  onTestFinished(() => app.close());
  return app;
}

/** A login of `credentials` from `ip`; gives the status code and the `Retry-After` header. */
async function loginFrom(app: FastifyInstance, ip: string, credentials: { username: string; password: string }) {
  const response = await app.inject({ method: 'POST', url: '/auth/login', payload: credentials, remoteAddress: ip });
  return { status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json() };
}

describe('step 5 · server', () => {
  describe('failed-login throttling (login-throttle.ts)', () => {
    test('after 5 wrong passwords for a username from one IP, the 6th try answers 429 with Retry-After, the right password too', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await loginFrom(app, '10.0.0.66', GUESS)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const throttled = await loginFrom(app, '10.0.0.66', ADA);
      expect(throttled.status).toBe(429);
      expect(throttled.body).toMatchObject({ error: 'too_many_requests', message: expect.any(String) });
      expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(900);
    });

    test('the real user still logs in from another IP: an attacker cannot lock them out', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { perUserAndIp: 2 });
      for (let i = 0; i < 4; i += 1) await loginFrom(app, '10.0.0.66', GUESS);
      expect((await loginFrom(app, '10.0.0.66', GUESS)).status).toBe(429);
      expect((await loginFrom(app, '10.0.0.1', ADA)).status).toBe(200);
    });

    test('one IP trying one password on many usernames is throttled by the per-IP limit', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { perIp: 4 });
      const statuses = [];
      for (const username of ['ada', 'alan', 'grace', 'nobody', 'someone']) {
        statuses.push((await loginFrom(app, '10.0.0.77', { username, password: 'password1' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    });

    test('guesses sent at once are counted before the password check: of 20, only the limit (3) get a 401', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { perUserAndIp: 3 });
      const answers = await Promise.all(Array.from({ length: 20 }, () => loginFrom(app, '10.0.0.88', GUESS)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(17);
    });

    test('the throttle lifts when its window ends: failures meanwhile do not extend it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { perUserAndIp: 1, windowMs: 600 });
      expect((await loginFrom(app, '10.0.0.99', GUESS)).status).toBe(401);
      // The window as this process sees it: a timer armed once the first failure was
      // counted, 50 ms longer for the clocks' rounding. On a busy machine it fires late, and
      // the logins below come late too; those sent after it fired must all get through.
      let windowEnded = false;
      setTimeout(() => {
        windowEnded = true;
      }, 650);
      expect((await loginFrom(app, '10.0.0.99', GUESS)).status).toBe(429);
      const afterTheWindow: number[] = [];
      await expect
        .poll(
          async () => {
            const sentAfterTheWindow = windowEnded;
            const { status } = await loginFrom(app, '10.0.0.99', ADA);
            if (sentAfterTheWindow) afterTheWindow.push(status);
            return status;
          },
          { timeout: 5000, interval: 100, message: 'status of a right-password login, retried every 100 ms for 5 s' },
        )
        .toBe(200);
      expect(
        afterTheWindow.filter((status) => status !== 200),
        'statuses of the logins sent after the 600 ms window (+ 50) ended, other than 200',
      ).toEqual([]);
    });

    test('a right password takes its attempt back: many logins in a row are never throttled, and leave no counter', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { perUserAndIp: 2, perIp: 2 });
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await loginFrom(app, '10.0.0.5', ADA)).status);
      expect(statuses).toEqual(Array(6).fill(200));
      const counters = (await keysUnder(redis, prefix)).filter((key) => key.includes('login-failures'));
      expect(counters).toEqual([]);
    });

    test('every failure counter has a TTL of at most the window (15 minutes)', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await loginFrom(app, '10.0.0.6', GUESS);
      const counters = (await keysUnder(redis, prefix)).filter((key) => key.includes('login-failures'));
      expect(counters).toHaveLength(2);
      for (const key of counters) {
        const ttl = await redis.pTtl(key);
        expect(ttl, `${key}: TTL in ms`).toBeGreaterThan(0);
        expect(ttl, `${key}: TTL in ms`).toBeLessThanOrEqual(900_000);
      }
    });
  });
});
