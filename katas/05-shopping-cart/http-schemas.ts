/**
 * Provided: you do not need to edit this file.
 *
 * The HTTP contract of the kata's server as zod schemas (README.md, "HTTP contract"):
 * routes validate their input with them, and `/docs` is generated from them.
 */
import { z } from 'zod';
import { idSchema } from '../../server-kit/index.js';
import { MAX_QUANTITY } from './cart.js';

/** `:cartId` in the URL. */
export const cartParamsSchema = z.object({ cartId: idSchema });

/** `:cartId` and `:sku` in the URL. */
export const itemParamsSchema = z.object({ cartId: idSchema, sku: idSchema });

/** `:userId` in the URL. */
export const userParamsSchema = z.object({ userId: idSchema });

const quantity = (min: number) =>
  z.number().int().min(min).max(MAX_QUANTITY).describe(`A whole number of units, ${min}–${MAX_QUANTITY}`);

/** `POST /carts/:cartId/items`. */
export const addItemBodySchema = z.object({ sku: idSchema, quantity: quantity(1) });

/** `PATCH /carts/:cartId/items/:sku`: 0 removes the line. */
export const setQuantityBodySchema = z.object({ quantity: quantity(0) });

/** `POST /carts/:cartId/merge`. */
export const mergeBodySchema = z.object({
  from: idSchema.describe('The cart to merge from (a guest cart); deleted after'),
});

export const productSchema = z.object({ sku: z.string(), name: z.string(), priceCents: z.number().int() });

export const cartLineSchema = z.object({
  sku: z.string(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const cartViewSchema = z.object({
  cartId: z.string(),
  items: z.array(cartLineSchema),
  subtotalCents: z.number().int().describe('The sum of the line totals, in cents'),
  count: z.number().int().describe('Total units: the sum of the quantities'),
});

export const orderSchema = z.object({
  orderId: z.string().describe('Unique; the order is kept at <prefix>order:<orderId>'),
  items: z.array(cartLineSchema),
  subtotalCents: z.number().int(),
  count: z.number().int(),
});

/** How many fields a profile may have, and how long a text value may be. */
export const PROFILE_LIMITS = { fields: 50, fieldName: 100, text: 1000 } as const;

const profileValue = z.union([z.string().max(PROFILE_LIMITS.text), z.number(), z.boolean()]);

/**
 * `POST /users`: `userId`, `name` and `email`, and any other fields whose values are
 * strings, numbers or booleans (JSON has no dates: a date travels as an ISO 8601 string).
 */
export const profileBodySchema = z
  .object({ userId: idSchema, name: z.string().min(1).max(200), email: z.email() })
  .catchall(profileValue)
  .refine((profile) => Object.keys(profile).length <= PROFILE_LIMITS.fields, {
    message: `A profile has at most ${PROFILE_LIMITS.fields} fields.`,
  })
  .refine((profile) => Object.keys(profile).every((field) => field.length <= PROFILE_LIMITS.fieldName), {
    message: `A field name has at most ${PROFILE_LIMITS.fieldName} characters.`,
  });

/** A profile as answered: every field with the type it was saved with (a Date as an ISO string). */
export const profileSchema = z.record(z.string(), z.union([profileValue, z.date()]));
