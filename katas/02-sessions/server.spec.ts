import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import {
  describeHealthRoute,
  describeOpenApi,
  describeServerRules,
  expectUnavailable,
  type StartServer,
} from '../../harness/http/kata-server-contract.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { buildServer, type ServerOptions } from './server.js';
import { sessionIdOf } from './tokens.js';

const ADA = { username: 'ada', password: 'analytical-engine' };
const ALAN = { username: 'alan', password: 'enigma-1912' };
const FORGED = 'bm90LWEtcmVhbC10b2tlbi1qdXN0LWZvcmdlZC1ieS1hbi1hdHRhY2tlcg';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A server on `redis`, closed when the test ends. Built inside each test, so each fails on its own. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  options: Omit<ServerOptions, 'redis' | 'prefix'> = {},
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, ...options });
  onTestFinished(() => app.close());
  return app;
}

/** Logs in (200 expected) from `device` and returns the session token. */
async function login(app: FastifyInstance, credentials = ADA, device = 'spec laptop'): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: credentials,
    headers: { 'user-agent': device },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().sessionToken;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookie = (token: string) => ({ cookie: `theme=dark; session=${token}` });

/** The `Set-Cookie` header's attributes, lower-cased: `['session=…', 'path=/', 'httponly', …]`. */
function setCookieParts(header: string | string[] | number | undefined): string[] {
  const value = Array.isArray(header) ? header.join(';') : String(header ?? '');
  return value.split(';').map((part) => part.trim());
}
const attributes = (header: string | string[] | number | undefined) =>
  setCookieParts(header)
    .slice(1)
    .map((part) => part.toLowerCase());

/** The server as the shared contract specs build it. */
const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });

describe('step 5 · server', () => {
  describe('POST /auth/login', () => {
    test('answers 200 with a new token and expiresIn, and sets an HttpOnly SameSite=Lax cookie', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'POST', url: '/auth/login', payload: ADA });
      expect(response.statusCode).toBe(200);
      const { sessionToken, expiresIn } = response.json();
      expect(Buffer.from(sessionToken, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(expiresIn).toBe(1800);
      expect(setCookieParts(response.headers['set-cookie'])[0]).toBe(`session=${sessionToken}`);
      expect(attributes(response.headers['set-cookie'])).toEqual(
        expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']),
      );
      expect(attributes(response.headers['set-cookie'])).not.toContain('secure');
      expect(response.headers['cache-control']).toBe('no-store');
    });

    test('marks the cookie Secure when secureCookies is set', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { secureCookies: true });
      const response = await app.inject({ method: 'POST', url: '/auth/login', payload: ADA });
      expect(attributes(response.headers['set-cookie'])).toEqual(
        expect.arrayContaining(['secure', 'httponly', 'samesite=lax']),
      );
    });

    test('expiresIn is the idle timeout, in seconds', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { idleTtlMs: 90_000 });
      const response = await app.inject({ method: 'POST', url: '/auth/login', payload: ADA });
      expect(response.json().expiresIn).toBe(90);
    });

    test('every login gets a new token, even with a session token already sent, and each works', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const first = await login(app);
      const response = await app.inject({ method: 'POST', url: '/auth/login', payload: ADA, headers: cookie(first) });
      const second = response.json().sessionToken;
      expect(second).not.toBe(first);
      for (const token of [first, second]) {
        expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(
          200,
        );
      }
    });

    test('stores the session under the prefix by its id, never by the token', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app);
      const keys = await keysUnder(redis, prefix);
      expect(keys).toContain(`${prefix}session:${sessionIdOf(token)}`);
      expect(keys.join('\n')).not.toContain(token);
    });

    test.for([
      { input: 'a wrong password', body: { username: 'ada', password: 'not-her-password' } },
      { input: 'an unknown user', body: { username: 'nobody', password: 'analytical-engine' } },
    ])(
      'answers 401 for $input, and writes nothing but the failed-login counters',
      async ({ body }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await app.inject({ method: 'POST', url: '/auth/login', payload: body });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
        expect(response.body).not.toContain(body.password);
        expect(response.headers['set-cookie']).toBeUndefined();
        const keys = await keysUnder(redis, prefix);
        expect(
          keys.every((key) => key.startsWith(`${prefix}login-failures:`)),
          keys.join(', '),
        ).toBe(true);
      },
    );

    test('an unknown user takes as long as a wrong password (no user enumeration by timing)', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const timeLogin = async (username: string) => {
        const started = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { username, password: 'not-the-password' },
        });
        expect(response.statusCode).toBe(401);
        return performance.now() - started;
      };
      await timeLogin('ada'); // warm up
      let wrongPassword = 0;
      let unknownUser = 0;
      for (let round = 0; round < 3; round += 1) {
        wrongPassword += await timeLogin('ada');
        unknownUser += await timeLogin('nobody-at-all');
      }
      expect(unknownUser).toBeGreaterThan(wrongPassword * 0.4);
    });

    test.for([
      { input: 'a missing password', body: { username: 'ada' } },
      { input: 'a missing username', body: { password: 'analytical-engine' } },
      { input: 'an empty username', body: { username: '', password: 'analytical-engine' } },
      { input: 'a password that is not a string', body: { username: 'ada', password: 12345 } },
      { input: 'no body at all', body: undefined },
    ])(
      'answers 400 validation_error for $input, and writes nothing',
      async ({ body }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await app.inject({
          method: 'POST',
          url: '/auth/login',
          ...(body === undefined ? {} : { payload: body }),
        });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );

    test('logs requests without the token or the password', async ({ redis, prefix, onTestFinished }) => {
      const lines: string[] = [];
      const logger = { level: 'trace', stream: { write: (line: string) => void lines.push(line) } };
      const app = await start(redis, prefix, onTestFinished, { logger });
      const token = await login(app);
      await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) });
      await app.inject({ method: 'GET', url: '/auth/sessions', headers: cookie(token) });
      await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(FORGED) });
      await app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'ada', password: 'a-wrong-guess' } });
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(0);
      expect(log).not.toContain(token);
      expect(log).not.toContain(FORGED);
      expect(log).not.toContain(ADA.password);
      expect(log).not.toContain('a-wrong-guess');
    });
  });

  describe('GET /auth/session', () => {
    test('answers the session of a Bearer token, with the time it has left', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app, ADA, 'spec laptop');
      const response = await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ id: sessionIdOf(token), userId: 'u1', username: 'ada', device: 'spec laptop' });
      expect(body.expiresIn).toBeGreaterThanOrEqual(1799);
      expect(body.expiresIn).toBeLessThanOrEqual(1800);
      expect(Date.parse(body.absoluteExpiresAt) - Date.parse(body.createdAt)).toBe(12 * 60 * 60_000);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 1_790_000);
      expect(JSON.stringify(body)).not.toContain(token);
    });

    test('answers the session of the cookie too', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app);
      const response = await app.inject({ method: 'GET', url: '/auth/session', headers: cookie(token) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: sessionIdOf(token), username: 'ada' });
    });

    test('each use sets the idle timeout back (sliding expiry)', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { idleTtlMs: 5_000 });
      const token = await login(app);
      const key = `${prefix}session:${sessionIdOf(token)}`;
      await sleep(250);
      expect(await redis.pTtl(key), 'the TTL in ms, 250 ms after login').toBeLessThanOrEqual(4_800);
      const usedAt = performance.now();
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(200);
      const ttl = await redis.pTtl(key);
      // Renewed, the TTL is 5 000 ms less the time since the request; not renewed, 250 ms less again.
      const sinceUseMs = Math.ceil(performance.now() - usedAt);
      expect(ttl, `the TTL in ms, ${sinceUseMs} ms after the request`).toBeGreaterThanOrEqual(5_000 - sinceUseMs - 1);
    });

    test('answers 401 once the session was idle too long, and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { idleTtlMs: 200 });
      const token = await login(app);
      const key = `${prefix}session:${sessionIdOf(token)}`;
      await expect.poll(() => redis.exists(key), { timeout: 3000, interval: 25 }).toBe(0);
      const before = await keysUnder(redis, prefix);
      const response = await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
      expect(await keysUnder(redis, prefix)).toEqual(before);
    });

    test('answers 401 at the absolute lifetime, however much the session is used', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { idleTtlMs: 60_000, absoluteTtlMs: 400 });
      const token = await login(app);
      await expect
        .poll(
          async () => (await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode,
          {
            timeout: 3000,
            interval: 100,
          },
        )
        .toBe(401);
    });

    test.for([
      { input: 'no token at all', headers: {} },
      { input: 'a forged Bearer token', headers: bearer(FORGED) },
      { input: 'a forged cookie', headers: cookie(FORGED) },
      { input: 'a Bearer header that is not a token', headers: { authorization: 'Bearer not a token!' } },
      { input: 'an empty Bearer header', headers: { authorization: 'Bearer ' } },
    ])('answers 401 for $input, and writes nothing', async ({ headers }, { redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/auth/session', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).not.toContain(FORGED);
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });
  });

  describe('GET /auth/sessions', () => {
    test('lists the user’s sessions, marks the current one, and shows no token', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const laptop = await login(app, ADA, 'laptop');
      const phone = await login(app, ADA, 'phone');
      await login(app, ALAN, 'alan’s laptop');
      const response = await app.inject({ method: 'GET', url: '/auth/sessions', headers: bearer(phone) });
      expect(response.statusCode).toBe(200);
      const { sessions } = response.json();
      expect(sessions).toEqual([
        expect.objectContaining({ id: sessionIdOf(laptop), device: 'laptop', current: false }),
        expect.objectContaining({ id: sessionIdOf(phone), device: 'phone', current: true }),
      ]);
      expect(response.body).not.toContain(laptop);
      expect(response.body).not.toContain(phone);
    });

    test('answers 401 without a session', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/auth/sessions' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
    });
  });

  describe('DELETE /auth/sessions/:sessionId', () => {
    test('revokes another session of the user: its token stops working, this one goes on', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const lost = await login(app, ADA, 'lost phone');
      const mine = await login(app, ADA, 'laptop');
      const response = await app.inject({
        method: 'DELETE',
        url: `/auth/sessions/${sessionIdOf(lost)}`,
        headers: bearer(mine),
      });
      expect(response.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(lost) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(mine) })).statusCode).toBe(200);
    });

    test('answers 404 for a session of another user, and leaves it alive', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const alan = await login(app, ALAN);
      const ada = await login(app, ADA);
      const response = await app.inject({
        method: 'DELETE',
        url: `/auth/sessions/${sessionIdOf(alan)}`,
        headers: bearer(ada),
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(alan) })).statusCode).toBe(200);
    });

    test('revoking the session this request came with also clears its cookie', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app);
      const response = await app.inject({
        method: 'DELETE',
        url: `/auth/sessions/${sessionIdOf(token)}`,
        headers: cookie(token),
      });
      expect(response.statusCode).toBe(204);
      expect(setCookieParts(response.headers['set-cookie'])[0]).toBe('session=');
      expect(attributes(response.headers['set-cookie'])).toContain('max-age=0');
    });

    test('answers 400 for a malformed session id', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app);
      const response = await app.inject({ method: 'DELETE', url: '/auth/sessions/not.an.id', headers: bearer(token) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_error' });
    });
  });

  describe('POST /auth/logout', () => {
    test('answers 204, clears the cookie, and the token stops working', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const token = await login(app, ADA, 'laptop');
      const other = await login(app, ADA, 'phone');
      const response = await app.inject({ method: 'POST', url: '/auth/logout', headers: cookie(token) });
      expect(response.statusCode).toBe(204);
      expect(setCookieParts(response.headers['set-cookie'])[0]).toBe('session=');
      expect(attributes(response.headers['set-cookie'])).toContain('max-age=0');
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(401);
      expect(await redis.exists(`${prefix}session:${sessionIdOf(token)}`)).toBe(0);
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(other) })).statusCode).toBe(200);
    });

    test('answers 401 without a session', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'POST', url: '/auth/logout' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
    });
  });

  describe('DELETE /auth/sessions', () => {
    test('logs out everywhere: every session of the user ends, other users’ stay', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const tokens = [await login(app, ADA, 'laptop'), await login(app, ADA, 'phone'), await login(app, ADA, 'tv')];
      const alan = await login(app, ALAN);
      const response = await app.inject({ method: 'DELETE', url: '/auth/sessions', headers: bearer(tokens[0] ?? '') });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ revoked: 3 });
      expect(attributes(response.headers['set-cookie'])).toContain('max-age=0');
      for (const token of tokens) {
        expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(
          401,
        );
      }
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(alan) })).statusCode).toBe(200);
    });

    test('answers 401 without a session', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'DELETE', url: '/auth/sessions' });
      expect(response.statusCode).toBe(401);
    });
  });

  test('every answer about sessions carries Cache-Control: no-store', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const token = await login(app);
    for (const request of [
      { method: 'POST', url: '/auth/login', payload: ADA },
      { method: 'GET', url: '/auth/session', headers: bearer(token) },
      { method: 'GET', url: '/auth/sessions', headers: bearer(token) },
      { method: 'GET', url: '/auth/session' },
      { method: 'POST', url: '/auth/logout', headers: bearer(token) },
    ] as const) {
      const response = await app.inject(request);
      expect(response.headers['cache-control'], `${request.method} ${request.url}`).toBe('no-store');
    }
  });

  describe('when Redis is down', () => {
    test('answers 503 redis_unavailable within a second', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      const token = await login(app);
      await outage.goDown();
      for (const request of [
        { method: 'GET', url: '/auth/session', headers: bearer(token) },
        { method: 'GET', url: '/auth/sessions', headers: cookie(token) },
        { method: 'DELETE', url: '/auth/sessions', headers: bearer(token) },
        { method: 'POST', url: '/auth/login', payload: ADA },
      ] as const) {
        await expectUnavailable(app, request);
      }
    });

    test('recovers by itself when Redis comes back, with the sessions it had', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      const token = await login(app);
      await outage.goDown();
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(503);
      await outage.comeBack();
      await expect
        .poll(async () => (await app.inject({ method: 'GET', url: '/health' })).statusCode, {
          timeout: 5000,
          interval: 100,
        })
        .toBe(200);
      expect((await app.inject({ method: 'GET', url: '/auth/session', headers: bearer(token) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/auth/login', payload: ALAN })).statusCode).toBe(200);
    });
  });

  test('an unknown route answers 404 in the error shape', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  describeHealthRoute(startServer);
  // A well-formed token: the route looks it up in Redis (login's deadline is longer: scrypt).
  describeServerRules(startServer, { method: 'GET', url: '/auth/session', headers: bearer('A'.repeat(43)) });
  describeOpenApi(startServer, [
    'POST /auth/login',
    'GET /auth/session',
    'GET /auth/sessions',
    'DELETE /auth/sessions',
    'DELETE /auth/sessions/{sessionId}',
    'POST /auth/logout',
  ]);
});
