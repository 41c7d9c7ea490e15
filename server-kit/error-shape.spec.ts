/**
 * Every error a kata server answers, Fastify's and Node's own included, is the contract's
 * `{ error, message, details? }` with a stable code; slow requests are cut off; a path
 * parameter as long as the route's own rule allows is routed, not refused.
 */
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { rawHttp } from '../harness/http/raw-http.js';
import { describe, expect, test } from '../harness/test.js';
import { buildItemsServer } from './spec-support.js';

const errorBody = (error: string) => ({ error, message: expect.any(String) });

/** Listens on a free port of 127.0.0.1 and gives the port. */
async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

describe('server-kit · every error in one shape', () => {
  test.for([
    { what: 'bad URL encoding', url: '/items/%E0%A4%A', error: 'bad_url', status: 400 },
    { what: 'an unknown route', url: '/nowhere', error: 'not_found', status: 404 },
    {
      what: 'a path parameter over 256 characters',
      url: `/items/${'a'.repeat(257)}`,
      error: 'uri_too_long',
      status: 414,
    },
  ])('answers $status $error for $what', async ({ url, error, status }, { redis, prefix, onTestFinished }) => {
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual(errorBody(error));
  });

  test.for([
    {
      what: 'a body that is not JSON',
      payload: '{"value":',
      type: 'application/json',
      error: 'invalid_json',
      status: 400,
    },
    {
      what: 'a content type the route does not take',
      payload: 'v',
      type: 'text/x-unknown',
      error: 'unsupported_media_type',
      status: 415,
    },
    {
      what: 'a body over 1 MiB',
      payload: JSON.stringify({ value: 'x'.repeat(1_048_577) }),
      type: 'application/json',
      error: 'payload_too_large',
      status: 413,
    },
  ])(
    'answers $status $error for $what',
    async ({ payload, type, error, status }, { redis, prefix, onTestFinished }) => {
      const app = await buildItemsServer(redis, prefix);
      onTestFinished(() => app.close());
      const response = await app.inject({ method: 'PUT', url: '/items/a', payload, headers: { 'content-type': type } });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual(errorBody(error));
    },
  );

  test('a 200-character path parameter that the route accepts is routed (maxParamLength fits the rules)', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    const id = 'k'.repeat(200);
    const put = await app.inject({ method: 'PUT', url: `/items/${id}`, payload: { value: 'v' } });
    expect(put.statusCode).toBe(200);
    const get = await app.inject({ method: 'GET', url: `/items/${id}` });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ id, value: 'v' });
  });

  test('headers over 16 KiB answer 431 {error:"headers_too_large"}', async ({ redis, prefix, onTestFinished }) => {
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    const port = await listen(app);
    const answer = await rawHttp(port, [`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`]);
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body)).toEqual(errorBody('headers_too_large'));
  });

  test('a request that is not HTTP answers 400 {error:"bad_request"}', async ({ redis, prefix, onTestFinished }) => {
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    const port = await listen(app);
    const answer = await rawHttp(port, ['HELLO THERE\r\n\r\n']);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual(errorBody('bad_request'));
  });

  test('a body that trickles in past the request timeout is cut off with 408 {error:"request_timeout"}', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await buildItemsServer(redis, prefix, {
      limits: { requestTimeoutMs: 300, timeoutCheckIntervalMs: 100 },
    });
    onTestFinished(() => app.close());
    const port = await listen(app);
    const head = 'PUT /items/a HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n';
    const started = performance.now();
    const answer = await rawHttp(port, [head, ...'{"value":"'.split('')], { gapMs: 200, timeoutMs: 4000 });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual(errorBody('request_timeout'));
    expect(performance.now() - started, 'cut off after ms').toBeLessThan(1500);
  });

  test('a slow upload that completes in time is answered, not cut off by the route deadline (its clock starts once the request has arrived)', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await buildItemsServer(redis, prefix, { limits: { routeDeadlineMs: 300 } });
    onTestFinished(() => app.close());
    const port = await listen(app);
    const body = '{"value":"slow"}';
    const head = `PUT /items/a HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await rawHttp(port, [head, body.slice(0, 5), body.slice(5, 10), body.slice(10)], { gapMs: 250 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ id: 'a', value: 'slow' });
  });

  test('the server is built with request, header, idle and keep-alive timeouts (none is 0: never)', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    expect(app.server.requestTimeout).toBe(10_000);
    expect(app.server.headersTimeout).toBe(5_000);
    expect(app.server.keepAliveTimeout).toBe(5_000);
    expect(app.server.timeout).toBe(15_000);
  });

  test('a bug answers 500 internal_error, and its log line holds no absolute path', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildItemsServer(redis, prefix, { logger: { level: 'error', stream } });
    onTestFinished(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(errorBody('internal_error'));
    const logged = lines.join('');
    expect(logged).toContain('A bug in');
    expect(logged).not.toContain(process.cwd());
    expect(logged).not.toMatch(/file:\/\/\//);
  });
});
