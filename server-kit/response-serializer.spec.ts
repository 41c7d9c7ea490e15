/**
 * Replies are checked against their route's schema: a plain-data schema with zod's
 * `safeParse` (the fast path), anything else with the encode of fastify-type-provider-zod.
 */
import { z } from 'zod';
import { describe, expect, test } from '../harness/test.js';
import { createKataServer } from './create-kata-server.js';
import { isPlainDataSchema } from './response-serializer.js';

describe('server-kit · response serializer', () => {
  test.for([
    {
      what: 'an object of strings, numbers, booleans',
      schema: z.object({ a: z.string(), b: z.number().int(), c: z.boolean() }),
    },
    {
      what: 'a literal, an enum, an optional',
      schema: z.object({ ok: z.literal(true), k: z.enum(['x']), o: z.string().optional() }),
    },
    {
      what: 'arrays, unions, records, tuples',
      schema: z.array(z.union([z.record(z.string(), z.number()), z.tuple([z.null()])])),
    },
  ])('takes $what as plain data', ({ schema }) => {
    expect(isPlainDataSchema(schema)).toBe(true);
  });

  test.for([
    { what: 'a transform', schema: z.object({ n: z.string().transform(Number) }) },
    { what: 'a codec', schema: z.codec(z.string(), z.number(), { decode: Number, encode: String }) },
    { what: 'a default', schema: z.object({ n: z.number().default(1) }) },
  ])('does not take $what as plain data', ({ schema }) => {
    expect(isPlainDataSchema(schema)).toBe(false);
  });

  test('sends the schema’s fields only, answers 500 for a reply that breaks the schema, and still encodes codecs', async ({
    redis,
    onTestFinished,
  }) => {
    const app = await createKataServer({ redis, title: 'serializer', description: 'serializer spec server' });
    onTestFinished(() => app.close());
    const point = z.object({ x: z.number().int(), y: z.number().int() });
    app.get('/extra', { schema: { response: { 200: point } } }, async () => ({ x: 1, y: 2, secret: 's' }));
    app.get('/broken', { schema: { response: { 200: point } } }, async () => ({ x: 1.5, y: 2 }) as never);
    const stamp = z.codec(z.iso.datetime(), z.date(), {
      decode: (text) => new Date(text),
      encode: (date) => date.toISOString(),
    });
    app.get('/stamp', { schema: { response: { 200: z.object({ at: stamp }) } } }, async () => ({ at: new Date(0) }));

    const extra = await app.inject({ method: 'GET', url: '/extra' });
    expect(extra.json(), 'only x and y are sent').toEqual({ x: 1, y: 2 });
    const broken = await app.inject({ method: 'GET', url: '/broken' });
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toEqual({
      error: 'internal_error',
      message: "The response did not match the route's schema.",
    });
    const encoded = await app.inject({ method: 'GET', url: '/stamp' });
    expect(encoded.json()).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
