import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compileJsonWriter } from './json-writer.js';

const cases: { what: string; schema: z.ZodType; value: unknown }[] = [
  {
    what: 'a flat object of booleans and numbers',
    schema: z.object({ allowed: z.boolean(), count: z.number().int(), ratio: z.number() }),
    value: { allowed: false, count: -0, ratio: 1e21 },
  },
  {
    what: 'strings that need escaping',
    schema: z.object({ text: z.string(), 'quote"key': z.string() }),
    value: { text: 'a "b"\n\\ \u2028 é 😀 \u0000', 'quote"key': '' },
  },
  {
    what: 'optional fields, present and missing',
    schema: z.object({ a: z.string().optional(), b: z.number().optional(), c: z.boolean() }),
    value: { b: 2, c: true },
  },
  {
    what: 'nullables, literals and enums',
    schema: z.object({ n: z.number().nullable(), ok: z.literal(true), kind: z.enum(['x', 'y']), none: z.null() }),
    value: { n: null, ok: true, kind: 'y', none: null },
  },
  {
    what: 'arrays of objects, an empty array, an array with holes',
    schema: z.object({
      entries: z.array(z.object({ member: z.string(), score: z.number() })),
      empty: z.array(z.number()),
      holes: z.array(z.number().optional()),
    }),
    value: {
      entries: [
        { member: 'ada', score: 1.5 },
        { member: 'bob', score: 2 },
      ],
      empty: [],
      holes: [1, undefined, 3],
    },
  },
  {
    what: 'unions, records and tuples (written by JSON.stringify)',
    schema: z.object({
      u: z.union([z.string(), z.number()]),
      r: z.record(z.string(), z.number()),
      t: z.tuple([z.string(), z.number()]),
    }),
    value: { u: 3, r: { b: 1, a: 2 }, t: ['x', 1] },
  },
  {
    what: 'an object that keeps extra keys (written by JSON.stringify)',
    schema: z.looseObject({ a: z.number() }),
    value: { a: 1, extra: 'kept' },
  },
  {
    what: 'a strict object',
    schema: z.strictObject({ a: z.number(), b: z.array(z.boolean()) }),
    value: { a: 1, b: [true, false] },
  },
];

describe('server-kit · JSON writer', () => {
  test.for(cases)('writes $what exactly as JSON.stringify does', ({ schema, value }) => {
    const checked = z.parse(schema, value);
    expect(compileJsonWriter(schema)(checked)).toBe(JSON.stringify(checked));
  });

  test('writes the keys of its schema, in the schema’s order, and no other key of the value', () => {
    const schema = z.object({ b: z.number(), a: z.number() });
    expect(compileJsonWriter(schema)({ a: 1, secret: 's', b: 2 })).toBe('{"b":2,"a":1}');
  });
});
