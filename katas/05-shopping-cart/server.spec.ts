import type { FastifyInstance, InjectOptions } from 'fastify';
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
import { CHECKOUT_STRATEGIES } from './cart.js';
import { CATALOGUE } from './catalogue.js';
import { buildServer, type ServerOptions } from './server.js';

/** A server, closed when the test ends. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  options: Partial<ServerOptions> = {},
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, ...options });
  onTestFinished(() => app.close());
  return app;
}

const addItem = (cartId: string, sku: string, quantity: unknown): InjectOptions => ({
  method: 'POST',
  url: `/carts/${cartId}/items`,
  payload: { sku, quantity },
});
const setItem = (cartId: string, sku: string, quantity: unknown): InjectOptions => ({
  method: 'PATCH',
  url: `/carts/${cartId}/items/${sku}`,
  payload: { quantity },
});
const removeItem = (cartId: string, sku: string): InjectOptions => ({
  method: 'DELETE',
  url: `/carts/${cartId}/items/${sku}`,
});
const add = (app: FastifyInstance, cartId: string, sku: string, quantity: unknown) =>
  app.inject(addItem(cartId, sku, quantity));
const patch = (app: FastifyInstance, cartId: string, sku: string, quantity: unknown) =>
  app.inject(setItem(cartId, sku, quantity));
const view = async (app: FastifyInstance, cartId: string) =>
  (await app.inject({ method: 'GET', url: `/carts/${cartId}` })).json();
const checkout = (app: FastifyInstance, cartId: string) =>
  app.inject({ method: 'POST', url: `/carts/${cartId}/checkout` });
const merge = (app: FastifyInstance, cartId: string, from: unknown) =>
  app.inject({ method: 'POST', url: `/carts/${cartId}/merge`, payload: { from } });

const postUser = (app: FastifyInstance, body: unknown) =>
  app.inject({ method: 'POST', url: '/users', payload: body as Record<string, unknown> });

const ada = { userId: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', age: 36, vip: true, zip: '01234' };

const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });
const emptyCart = (cartId: string) => ({ cartId, items: [], subtotalCents: 0, count: 0 });

describe('step 7 · server', () => {
  test('GET /catalogue answers every product: [{sku, name, priceCents}]', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/catalogue' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(CATALOGUE);
  });

  describe('users', () => {
    test('POST /users answers 201 with the profile; GET /users/:userId gives it back, types kept', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const created = await postUser(app, ada);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual(ada);
      const read = await app.inject({ method: 'GET', url: '/users/ada' });
      expect(read.statusCode).toBe(200);
      expect(read.json(), 'numbers stay numbers, booleans booleans, "01234" a string').toEqual(ada);
    });

    test('the profile is a hash under <prefix>user:<userId>', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      await postUser(app, ada);
      expect(await redis.type(`${prefix}user:ada`)).toBe('hash');
      expect(await redis.hLen(`${prefix}user:ada`)).toBe(Object.keys(ada).length);
    });

    test('POST /users again replaces the profile: fields left out are gone', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await postUser(app, ada);
      await postUser(app, { userId: 'ada', name: 'Ada King', email: 'ada@example.com' });
      expect((await app.inject({ method: 'GET', url: '/users/ada' })).json()).toEqual({
        userId: 'ada',
        name: 'Ada King',
        email: 'ada@example.com',
      });
    });

    test('GET and DELETE of an unknown user answer 404 not_found; DELETE answers 204 and removes it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      expect((await app.inject({ method: 'GET', url: '/users/nobody' })).json()).toMatchObject({ error: 'not_found' });
      await postUser(app, ada);
      expect((await app.inject({ method: 'DELETE', url: '/users/ada' })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/users/ada' })).statusCode).toBe(404);
      const again = await app.inject({ method: 'DELETE', url: '/users/ada' });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    });

    test('a profile hash the server did not write answers 404, never a 500', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await redis.hSet(`${prefix}user:ada`, { name: 'Ada, untagged' });
      const response = await app.inject({ method: 'GET', url: '/users/ada' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    });

    test.for([
      { input: 'a missing userId', body: { name: 'A', email: 'a@example.com' } },
      { input: 'a malformed userId', body: { ...ada, userId: 'not valid' } },
      { input: 'a missing email', body: { userId: 'ada', name: 'A' } },
      { input: 'an email that is not one', body: { ...ada, email: 'nope' } },
      { input: 'an empty name', body: { ...ada, name: '' } },
      { input: 'a null field', body: { ...ada, nickname: null } },
      { input: 'a nested object', body: { ...ada, address: { city: 'London' } } },
      { input: 'an array', body: { ...ada, tags: ['a'] } },
      {
        input: 'too many fields',
        body: { ...ada, ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i])) },
      },
    ])(
      'POST /users with $input answers 400 and writes nothing',
      async ({ body }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await postUser(app, body);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
      },
    );

    test('a body with a __proto__ key answers 400 (Fastify refuses it, against prototype pollution) and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/users',
        headers: { 'content-type': 'application/json' },
        payload: '{"userId":"ada","name":"A","email":"a@example.com","__proto__":"x"}',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('a malformed userId in the URL answers 400 validation_error', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const method of ['GET', 'DELETE'] as const) {
        const response = await app.inject({ method, url: `/users/${'a'.repeat(65)}` });
        expect(response.statusCode, method).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error' });
      }
    });
  });

  describe('carts', () => {
    test('POST /carts/:cartId/items answers 200 with the cart: {cartId, items, subtotalCents, count}', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'TEA-GREEN', 2);
      const response = await add(app, 'c1', 'KETTLE', 1);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        cartId: 'c1',
        items: [
          { sku: 'KETTLE', name: 'Gooseneck kettle, 1 l', unitPriceCents: 4999, quantity: 1, lineTotalCents: 4999 },
          { sku: 'TEA-GREEN', name: 'Sencha green tea, 100 g', unitPriceCents: 650, quantity: 2, lineTotalCents: 1300 },
        ],
        subtotalCents: 6299,
        count: 3,
      });
    });

    test('adding a SKU again sums the quantities; GET /carts/:cartId shows the same cart', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'TEA-BLACK', 2);
      const added = (await add(app, 'c1', 'TEA-BLACK', 3)).json();
      expect(added.items[0]).toMatchObject({ sku: 'TEA-BLACK', quantity: 5, lineTotalCents: 2950 });
      expect(await view(app, 'c1')).toEqual(added);
    });

    test('an unknown cart is 200 with no items', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/carts/nobody' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(emptyCart('nobody'));
    });

    test('PATCH sets a line’s quantity; 0 removes the line; an emptied cart is 200 with no items', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'HONEY-250', 4);
      const set = await patch(app, 'c1', 'HONEY-250', 1);
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ subtotalCents: 899, count: 1 });
      const removed = await patch(app, 'c1', 'HONEY-250', 0);
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toEqual(emptyCart('c1'));
      expect(await view(app, 'c1')).toEqual(emptyCart('c1'));
    });

    test('PATCH of a SKU not in the cart answers 404 and writes nothing', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await patch(app, 'c1', 'KETTLE', 2);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('DELETE of a line answers 204, then 404; DELETE of a cart answers 204, known or not', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'KETTLE', 1);
      await add(app, 'c1', 'MUG-WHITE', 2);
      expect((await app.inject(removeItem('c1', 'KETTLE'))).statusCode).toBe(204);
      expect((await app.inject(removeItem('c1', 'KETTLE'))).statusCode).toBe(404);
      expect((await view(app, 'c1')).count).toBe(2);
      expect((await app.inject({ method: 'DELETE', url: '/carts/c1' })).statusCode).toBe(204);
      expect((await app.inject({ method: 'DELETE', url: '/carts/c1' })).statusCode).toBe(204);
      expect(await view(app, 'c1')).toEqual(emptyCart('c1'));
    });

    test.for([
      { input: 'an unknown SKU', request: addItem('c1', 'NOPE', 1), error: 'unknown_sku' },
      { input: 'a quantity of 0', request: addItem('c1', 'KETTLE', 0), error: 'validation_error' },
      { input: 'a quantity of 1000', request: addItem('c1', 'KETTLE', 1000), error: 'validation_error' },
      { input: 'a negative quantity', request: addItem('c1', 'KETTLE', -1), error: 'validation_error' },
      { input: 'a fractional quantity', request: addItem('c1', 'KETTLE', 1.5), error: 'validation_error' },
      { input: 'a quantity as a string', request: addItem('c1', 'KETTLE', '2'), error: 'validation_error' },
      { input: 'a PATCH to -1', request: setItem('c1', 'KETTLE', -1), error: 'validation_error' },
      { input: 'a PATCH to 1000', request: setItem('c1', 'KETTLE', 1000), error: 'validation_error' },
      { input: 'a malformed cartId', request: addItem('bad%20id', 'KETTLE', 1), error: 'validation_error' },
      { input: 'a cartId of 65 characters', request: addItem('c'.repeat(65), 'KETTLE', 1), error: 'validation_error' },
      { input: 'a malformed SKU', request: addItem('c1', 'TEA GREEN', 1), error: 'validation_error' },
    ])(
      '$input answers 400 $error and writes nothing',
      async ({ request, error }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await app.inject(request);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error, message: expect.any(String) });
        expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
      },
    );

    test('a well-formed SKU the catalogue does not know, in the URL of PATCH or DELETE, answers 404 and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const request of [setItem('c1', 'NOPE', 1), removeItem('c1', 'NOPE')]) {
        const response = await app.inject(request);
        expect(response.statusCode, request.method).toBe(404);
        expect(response.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('NOPE') });
      }
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('a cart lives CART_TTL_S: 604 800 s by default, or the cartTtlSeconds option', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'KETTLE', 1);
      expect(await redis.ttl(`${prefix}cart:{c1}`), 'TTL in seconds').toBeGreaterThan(604_800 - 5);
      const short = await start(redis, `${prefix}short:`, onTestFinished, { cartTtlSeconds: 120 });
      await add(short, 'c1', 'KETTLE', 1);
      const ttl = await redis.ttl(`${prefix}short:cart:{c1}`);
      expect(ttl, 'TTL in seconds').toBeGreaterThan(115);
      expect(ttl, 'TTL in seconds').toBeLessThanOrEqual(120);
    });

    test('the CART_TTL_S environment variable sets the cart lifetime', async ({ redis, prefix, onTestFinished }) => {
      const before = process.env.CART_TTL_S;
      process.env.CART_TTL_S = '300';
      try {
        const app = await start(redis, prefix, onTestFinished);
        await add(app, 'c1', 'KETTLE', 1);
      } finally {
        if (before === undefined) delete process.env.CART_TTL_S;
        else process.env.CART_TTL_S = before;
      }
      const ttl = await redis.ttl(`${prefix}cart:{c1}`);
      expect(ttl, 'TTL in seconds').toBeGreaterThan(295);
      expect(ttl, 'TTL in seconds').toBeLessThanOrEqual(300);
    });

    test('changes reset the cart’s TTL; reads do not', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { cartTtlSeconds: 3600 });
      const key = `${prefix}cart:{c1}`;
      await add(app, 'c1', 'KETTLE', 1);
      await redis.expire(key, 60);
      await view(app, 'c1');
      expect(await redis.ttl(key), 'TTL in seconds after GET').toBeLessThanOrEqual(60);
      await patch(app, 'c1', 'KETTLE', 2);
      expect(await redis.ttl(key), 'TTL in seconds after PATCH').toBeGreaterThan(3595);
    });

    test('every cart key it writes is under the prefix and has a TTL', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'KETTLE', 1);
      await add(app, 'c2', 'KETTLE', 1);
      await patch(app, 'c2', 'KETTLE', 3);
      await add(app, 'c3', 'MUG-WHITE', 1);
      await merge(app, 'c3', 'c1');
      const keys = await keysUnder(redis, prefix);
      expect(keys).toEqual([`${prefix}cart:{c2}`, `${prefix}cart:{c3}`]);
      for (const key of keys) expect(await redis.pTtl(key), key).toBeGreaterThan(0);
    });
  });

  describe('checkout', () => {
    test('answers 201 {orderId, items, subtotalCents, count}, keeps the order at <prefix>order:<orderId>, and empties the cart', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'c1', 'TEA-GREEN', 2);
      const cart = (await add(app, 'c1', 'FILTER-50', 1)).json();
      const response = await checkout(app, 'c1');
      expect(response.statusCode).toBe(201);
      const order = response.json();
      expect(order).toEqual({ orderId: expect.any(String), items: cart.items, subtotalCents: 1650, count: 3 });
      expect(await redis.hGetAll(`${prefix}order:${order.orderId}`)).toEqual({ 'TEA-GREEN': '2', 'FILTER-50': '1' });
      expect(await view(app, 'c1')).toEqual(emptyCart('c1'));
    });

    test('an unknown or empty cart answers 409 {error:"cart_empty"} and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await checkout(app, 'c1');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: 'cart_empty', message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test.for(CHECKOUT_STRATEGIES)(
      'with %s: 10 concurrent checkouts of one cart make exactly one order, the others answer 409 cart_empty',
      async (strategy, { redis, prefix, connect, onTestFinished }) => {
        const first = await start(redis, prefix, onTestFinished, { checkout: strategy });
        const second = await start(connect(), prefix, onTestFinished, { checkout: strategy });
        await add(first, 'c1', 'KETTLE', 2);
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) => checkout(i % 2 ? first : second, 'c1')),
        );
        const statuses = responses.map((response) => response.statusCode).sort();
        expect(statuses, 'status codes of 10 checkouts').toEqual([201, ...Array(9).fill(409)]);
        for (const response of responses.filter((each) => each.statusCode === 409)) {
          expect(response.json()).toMatchObject({ error: 'cart_empty' });
        }
        const orders = (await keysUnder(redis, prefix)).filter((key) => key.startsWith(`${prefix}order:`));
        expect(orders, 'order keys').toHaveLength(1);
      },
    );
  });

  describe('merge', () => {
    test('answers 200 with the merged cart (quantities summed) and deletes from', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'guest', 'TEA-GREEN', 1);
      await add(app, 'guest', 'KETTLE', 1);
      await add(app, 'user', 'TEA-GREEN', 2);
      const response = await merge(app, 'user', 'guest');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ cartId: 'user', count: 4, subtotalCents: 3 * 650 + 4999 });
      expect(await view(app, 'guest')).toEqual(emptyCart('guest'));
      expect(await redis.exists(`${prefix}cart:{guest}`)).toBe(0);
    });

    test('a missing or empty from answers 404 and writes nothing', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await merge(app, 'user', 'nobody');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test.for([
      { input: 'from equal to cartId', from: 'user', error: 'same_cart' },
      { input: 'a malformed from', from: 'not valid', error: 'validation_error' },
      { input: 'a missing from', from: undefined, error: 'validation_error' },
    ])('$input answers 400 $error and changes nothing', async ({ from, error }, { redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      await add(app, 'user', 'KETTLE', 1);
      const response = await merge(app, 'user', from);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error, message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([`${prefix}cart:{user}`]);
      expect((await view(app, 'user')).count).toBe(1);
    });
  });

  describe('Redis down', () => {
    test('every cart route answers 503 redis_unavailable within a second', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      await expectUnavailable(app, { method: 'GET', url: '/carts/c1' });
      await expectUnavailable(app, { method: 'POST', url: '/carts/c1/items', payload: { sku: 'KETTLE', quantity: 1 } });
      await expectUnavailable(app, { method: 'POST', url: '/carts/c1/checkout' });
      await expectUnavailable(app, { method: 'GET', url: '/users/ada' });
    });

    test('recovers by itself when Redis comes back', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      await app.inject({ method: 'GET', url: '/carts/c1' });
      await outage.comeBack();
      await expect
        .poll(async () => (await add(app, 'c1', 'KETTLE', 1)).statusCode, { timeout: 5000, interval: 100 })
        .toBe(200);
    });
  });

  test('an unknown route answers 404 in the error shape', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/orders' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, { method: 'GET', url: '/carts/c1' });
  describeOpenApi(startServer, [
    'GET /catalogue',
    'POST /users',
    'GET /users/{userId}',
    'DELETE /users/{userId}',
    'GET /carts/{cartId}',
    'POST /carts/{cartId}/items',
    'PATCH /carts/{cartId}/items/{sku}',
    'DELETE /carts/{cartId}/items/{sku}',
    'DELETE /carts/{cartId}',
    'POST /carts/{cartId}/checkout',
    'POST /carts/{cartId}/merge',
  ]);
});
