/**
 * The route deadline on its own, with slow work that is not Redis (a timer): a route, its
 * hooks included, answers 503 in time; what it does after its deadline changes nothing.
 */
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { describe, expect, test } from '../harness/test.js';
import { createKataServer } from './create-kata-server.js';

const DEADLINE_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injects `request` and times it against twice the deadline as this process sees it: a
 * timer armed at the same moment. On a busy machine that timer fires late, and the
 * deadline's own timer too, by the same amount.
 */
async function injectTimed(app: Awaited<ReturnType<typeof buildSlowServer>>, request: InjectOptions) {
  const started = performance.now();
  const twice = new Promise<number>((resolve) =>
    setTimeout(() => resolve(performance.now() - started), DEADLINE_MS * 2),
  );
  const response = await app.inject(request);
  const ms = performance.now() - started;
  return { response, ms, twiceMs: await twice };
}

/**
 * An answer before twice the deadline (give or take a third of it) came from the deadline,
 * not from the route's work, which takes three times the deadline.
 */
function expectAnsweredByTheDeadline(ms: number, twiceMs: number): void {
  expect(
    ms,
    `answered after ${Math.round(ms)} ms; twice the deadline ended after ${Math.round(twiceMs)} ms`,
  ).toBeLessThan(twiceMs + DEADLINE_MS / 3);
}

/** A kata server with a short deadline, whose log lines land in `lines`. */
async function buildSlowServer(redis: Parameters<typeof createKataServer>[0]['redis'], lines: string[]) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await createKataServer({
    redis,
    title: 'deadline',
    description: 'route deadline spec server',
    limits: { routeDeadlineMs: DEADLINE_MS },
    logger: { level: 'info', stream },
  });
  app.get('/late', async () => {
    await sleep(DEADLINE_MS * 3);
    return { ok: true };
  });
  app.get('/late-failure', async () => {
    await sleep(DEADLINE_MS * 3);
    throw new Error('failed after the deadline');
  });
  app.post('/late-upload', async () => {
    await sleep(DEADLINE_MS * 3);
    return { ok: true };
  });
  app.get('/slow-hook', { onRequest: async () => sleep(DEADLINE_MS * 3) }, async () => ({ ok: true }));
  app.get('/own-deadline', { config: { deadlineMs: DEADLINE_MS * 4 } }, async () => {
    await sleep(DEADLINE_MS * 2);
    return { ok: true };
  });
  return app;
}

const timeoutAnswer = { error: 'redis_unavailable', message: expect.any(String), details: { reason: 'timeout' } };

describe('server-kit · route deadline', () => {
  test.for(['/late', '/late-failure', '/slow-hook'])(
    '%s answers 503 reason timeout once the deadline passes, and its late outcome is ignored quietly',
    async (url, { redis, onTestFinished }) => {
      const lines: string[] = [];
      const app = await buildSlowServer(redis, lines);
      onTestFinished(() => app.close());
      const { response, ms, twiceMs } = await injectTimed(app, { method: 'GET', url });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual(timeoutAnswer);
      expect(ms, `answered after ${Math.round(ms)} ms`).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
      expectAnsweredByTheDeadline(ms, twiceMs);
      // The route finishes later: nothing is sent twice, and nothing is logged above info.
      await sleep(DEADLINE_MS * 3);
      const levels = lines.map((line) => (JSON.parse(line) as { level: number }).level);
      expect(Math.max(...levels), `log lines: ${lines.join('')}`).toBeLessThanOrEqual(30);
    },
  );

  test('a route that takes a body answers 503 reason timeout once the deadline passes after the body arrived', async ({
    redis,
    onTestFinished,
  }) => {
    const app = await buildSlowServer(redis, []);
    onTestFinished(() => app.close());
    const { response, ms, twiceMs } = await injectTimed(app, {
      method: 'POST',
      url: '/late-upload',
      payload: { value: 1 },
    });
    expect(response.statusCode, response.body).toBe(503);
    expect(response.json()).toEqual(timeoutAnswer);
    expectAnsweredByTheDeadline(ms, twiceMs);
  });

  test('a route with a deadline of its own (config.deadlineMs) may take longer than the server’s', async ({
    redis,
    onTestFinished,
  }) => {
    const app = await buildSlowServer(redis, []);
    onTestFinished(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/own-deadline' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });
});
