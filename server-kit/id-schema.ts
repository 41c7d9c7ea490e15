import { z } from 'zod';

/** The id rule every kata shares (board, player, cartId, sku, task, room, resource, user). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An id: 1–64 letters, digits, `_` or `-`. A malformed id is a 400; a well-formed unknown one a 404. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–64 characters of A–Z, a–z, 0–9, _ or -')
  .describe('1–64 characters of A–Z, a–z, 0–9, _ or -');
