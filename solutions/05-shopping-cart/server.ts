import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { type CheckoutStrategy, DEFAULT_CART_TTL_S } from '../../katas/05-shopping-cart/cart.js';
import { CheckoutContendedError } from '../../katas/05-shopping-cart/cart-errors.js';
import { CATALOGUE, findProduct } from '../../katas/05-shopping-cart/catalogue.js';
import {
  addItemBodySchema,
  cartParamsSchema,
  cartViewSchema,
  itemParamsSchema,
  mergeBodySchema,
  orderSchema,
  productSchema,
  profileBodySchema,
  profileSchema,
  setQuantityBodySchema,
  userParamsSchema,
} from '../../katas/05-shopping-cart/http-schemas.js';
import type { ServerOptions } from '../../katas/05-shopping-cart/server.js';
import {
  ConflictError,
  createKataServer,
  defineHttpError,
  errorResponses,
  type KataServer,
  NotFoundError,
} from '../../server-kit/index.js';
import { createCartStore } from './cart-store.js';
import { priceCart } from './cart-view.js';
import { createCheckout } from './checkout.js';
import { createCartMerge } from './merge.js';
import { createProfileStore } from './profile-store.js';

export type { ServerOptions };

const UnknownSkuHttpError = defineHttpError('unknown_sku', 400, 'No such SKU; GET /catalogue lists them.');
const CartEmptyHttpError = defineHttpError('cart_empty', 409, 'The cart is empty: nothing to check out.');
const SameCartHttpError = defineHttpError('same_cart', 400, 'A cart cannot be merged into itself.');
const noContent = z.undefined();

/** `CART_TTL_S` from the environment, checked once: whole seconds ≥ 1. */
const cartTtlFromEnv = () =>
  z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_CART_TTL_S)
    .parse(process.env.CART_TTL_S || undefined, { error: () => 'CART_TTL_S must be a whole number of seconds ≥ 1.' });

/** A SKU to add must be on sale: 400 `unknown_sku`, before anything is written. */
function requireProduct(sku: string): void {
  if (!findProduct(sku)) throw new UnknownSkuHttpError(`No product with SKU "${sku}"; GET /catalogue lists them.`);
}

/** A well-formed SKU in the URL that the catalogue does not know is a 404, like any unknown id. */
function requireKnownSkuInUrl(sku: string): void {
  if (!findProduct(sku)) throw new NotFoundError(`No product with SKU "${sku}"; GET /catalogue lists them.`);
}

/**
 * The kata's HTTP service. Carts are hashes with a sliding TTL; checkout is one atomic
 * step, merge three that never count a unit twice. Never listens by itself: `app.inject()` in tests,
 * `pnpm kata serve 05` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:05-shopping-cart:' } = options;
  const app = await createKataServer({
    redis,
    title: '05 · shopping cart',
    description: 'Carts as Redis hashes: totals in cents, a sliding TTL, atomic checkout and merge; typed profiles.',
    logger: options.logger,
  });
  app.get(
    '/catalogue',
    { schema: { summary: 'Every product on sale', tags: ['catalogue'], response: { 200: z.array(productSchema) } } },
    async () => [...CATALOGUE],
  );
  registerProfileRoutes(app, redis, prefix);
  registerCartRoutes(app, redis, prefix, {
    ttlSeconds: options.cartTtlSeconds ?? cartTtlFromEnv(),
    strategy: options.checkout ?? 'script',
  });
  return app;
}

/** `POST /users`, `GET /users/:userId`, `DELETE /users/:userId`: the step-1 profile hash. */
function registerProfileRoutes(app: KataServer, redis: RedisAdapter, prefix: string): void {
  const profiles = createProfileStore({ redis, namespace: prefix });

  app.post(
    '/users',
    {
      schema: {
        summary: 'Create or replace a profile: userId, name, email and any string, number or boolean fields',
        tags: ['users'],
        body: profileBodySchema,
        response: { 201: profileSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await profiles.save(request.body.userId, request.body);
      return reply.code(201).send(request.body);
    },
  );

  app.get(
    '/users/:userId',
    {
      schema: {
        summary: 'A profile, every field with its type',
        tags: ['users'],
        params: userParamsSchema,
        response: { 200: profileSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      // A hash this server did not write (fromHash throws a TypeError) is a miss, never a 500.
      const profile = await profiles.load(request.params.userId).catch((error: unknown) => {
        if (error instanceof TypeError) return null;
        throw error;
      });
      if (!profile) throw new NotFoundError(`No user "${request.params.userId}".`);
      return profile as z.infer<typeof profileSchema>;
    },
  );

  app.delete(
    '/users/:userId',
    {
      schema: {
        summary: 'Delete a profile',
        tags: ['users'],
        params: userParamsSchema,
        response: { 204: noContent.describe('Deleted'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      if (!(await profiles.remove(request.params.userId)))
        throw new NotFoundError(`No user "${request.params.userId}".`);
      return reply.code(204).send();
    },
  );
}

/** The cart routes, checkout and merge. */
function registerCartRoutes(
  app: KataServer,
  redis: RedisAdapter,
  prefix: string,
  { ttlSeconds, strategy }: { ttlSeconds: number; strategy: CheckoutStrategy },
): void {
  const carts = createCartStore({ redis, namespace: prefix, ttlSeconds });
  const checkout = createCheckout({ redis, namespace: prefix, strategy });
  const merger = createCartMerge({ redis, namespace: prefix, ttlSeconds });
  const tags = ['carts'];

  app.get(
    '/carts/:cartId',
    {
      schema: {
        summary: 'The cart, priced; an unknown or emptied cart has no items',
        tags,
        params: cartParamsSchema,
        response: { 200: cartViewSchema, ...errorResponses(400) },
      },
    },
    async (request) => carts.view(request.params.cartId),
  );

  app.post(
    '/carts/:cartId/items',
    {
      schema: {
        summary: 'Add units of a SKU (1–999); resets the cart’s TTL',
        tags,
        params: cartParamsSchema,
        body: addItemBodySchema,
        response: { 200: cartViewSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      requireProduct(request.body.sku);
      return priceCart(cartId, await carts.add(cartId, request.body.sku, request.body.quantity));
    },
  );

  app.patch(
    '/carts/:cartId/items/:sku',
    {
      schema: {
        summary: 'Set a line’s quantity (0–999, 0 removes it); resets the cart’s TTL',
        tags,
        params: itemParamsSchema,
        body: setQuantityBodySchema,
        response: { 200: cartViewSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { cartId, sku } = request.params;
      requireKnownSkuInUrl(sku);
      const quantities = await carts.setQuantity(cartId, sku, request.body.quantity);
      if (!quantities) throw new NotFoundError(`SKU "${sku}" is not in cart "${cartId}".`);
      return priceCart(cartId, quantities);
    },
  );

  app.delete(
    '/carts/:cartId/items/:sku',
    {
      schema: {
        summary: 'Remove a line; resets the cart’s TTL',
        tags,
        params: itemParamsSchema,
        response: { 204: noContent.describe('Removed'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { cartId, sku } = request.params;
      requireKnownSkuInUrl(sku);
      if (!(await carts.removeItem(cartId, sku))) throw new NotFoundError(`SKU "${sku}" is not in cart "${cartId}".`);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/carts/:cartId',
    {
      schema: {
        summary: 'Delete the cart',
        tags,
        params: cartParamsSchema,
        response: { 204: noContent.describe('Deleted (or never there)'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await carts.clear(request.params.cartId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/carts/:cartId/checkout',
    {
      schema: {
        summary: 'Turn the cart into an order, atomically; 409 cart_empty when there is nothing to order',
        tags,
        params: cartParamsSchema,
        response: { 201: orderSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { cartId } = request.params;
      const order = await checkout.checkout(cartId).catch((error: unknown) => {
        if (error instanceof CheckoutContendedError) throw new ConflictError(error.message);
        throw error;
      });
      if (!order) throw new CartEmptyHttpError(`Cart "${cartId}" is empty: nothing to check out.`);
      return reply.code(201).send(order);
    },
  );

  app.post(
    '/carts/:cartId/merge',
    {
      schema: {
        summary: 'Merge cart `from` into this one (quantities summed, `from` deleted)',
        tags,
        params: cartParamsSchema,
        body: mergeBodySchema,
        response: { 200: cartViewSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      const { from } = request.body;
      if (from === cartId)
        throw new SameCartHttpError(`Cannot merge cart "${cartId}" into itself; name another cart in "from".`);
      const quantities = await merger.merge(from, cartId);
      if (!quantities) throw new NotFoundError(`Cart "${from}" is unknown or empty: nothing to merge.`);
      return priceCart(cartId, quantities);
    },
  );
}
