/**
 * What a kata server logs for a request: every line carries the request's id, and secrets
 * are redacted, at the top of a logged object, one level deep, and in a request logger's
 * own children.
 */
import { Writable } from 'node:stream';
import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { describe, expect, test } from '../harness/test.js';
import { createKataServer } from './create-kata-server.js';

type LogLine = Record<string, unknown> & { msg?: string };

/** A kata server whose log lines land in `lines`; `GET /secrets` logs credentials. */
async function buildLoggingServer(redis: RedisAdapter, lines: LogLine[]) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as LogLine);
      done();
    },
  });
  const app = await createKataServer({ redis, title: 'logs', description: 'logger spec server', logger: { stream } });
  app.get('/secrets', async (request) => {
    request.log.info({ password: 'p1', user: { name: 'bob', token: 't1' } }, 'logged in');
    request.log.child({ step: 'session' }).info({ session: { sessionToken: 's1' } }, 'session made');
    return { id: request.id };
  });
  return app;
}

describe('server-kit · logs', () => {
  test('each line a request logs carries its reqId, and its secrets are redacted', async ({
    redis,
    onTestFinished,
  }) => {
    const lines: LogLine[] = [];
    const app = await buildLoggingServer(redis, lines);
    onTestFinished(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/secrets' });
    const { id } = response.json<{ id: string }>();

    const loggedIn = lines.find((line) => line.msg === 'logged in');
    const session = lines.find((line) => line.msg === 'session made');
    expect(loggedIn, `log lines: ${JSON.stringify(lines)}`).toMatchObject({
      reqId: id,
      password: '[redacted]',
      user: { name: 'bob', token: '[redacted]' },
    });
    expect(session, `log lines: ${JSON.stringify(lines)}`).toMatchObject({
      reqId: id,
      step: 'session',
      session: { sessionToken: '[redacted]' },
    });
    // Fastify's own request lines carry the id too.
    expect(lines.filter((line) => line.msg === 'incoming request').map((line) => line.reqId)).toEqual([id]);
    expect(JSON.stringify(lines)).not.toMatch(/p1|t1|s1/);
  });
});
