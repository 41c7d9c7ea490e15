import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { LOCK_TTL_MS } from '../../katas/08-distributed-lock/hold.js';
import { BookingContentionError } from '../../katas/08-distributed-lock/lock-errors.js';
import {
  ConflictError,
  createKataServer,
  defineHttpError,
  errorResponses,
  idSchema,
  type KataLoggerOption,
} from '../../server-kit/index.js';
import { createBookings } from './bookings.js';
import { redlockHold, singleInstanceHold } from './lock-route.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:08-distributed-lock:`. */
  prefix?: string;
  /** Three independent Redis instances (`REDLOCK_URLS`): `/locks` then uses Redlock with a quorum of 2. */
  redlock?: RedisAdapter[];
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

const MAX_HOLD_MS = 10_000;
/** Bookings are kept a week after a resource's latest booking. */
const BOOKING_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const SlotTakenError = defineHttpError('slot_taken', 409, 'This slot is already booked.');

const holdQuerySchema = z.object({
  holdMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_HOLD_MS)
    .default(100)
    .describe('How long to hold the lock, in ms (0–10000)'),
});
const holdResultSchema = z.object({
  resource: z.string(),
  fencingToken: z.number().int().describe('From INCR: strictly increases per resource'),
  heldMs: z.number().int().describe('How long the lock was held, in ms'),
});
const bookingSchema = z.object({
  resource: idSchema,
  slot: z.string().min(1).max(64).describe('1–64 characters; an ISO time such as 2026-05-01T09:00 sorts well'),
  user: idSchema,
});

/**
 * The kata's HTTP service: `POST /locks/:resource` holds a lock (on one Redis, or Redlock
 * over three), `POST /bookings` and `GET /bookings/:resource` book slots with WATCH. Never
 * listens by itself: `app.inject()` in tests, `pnpm kata serve 08` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:08-distributed-lock:' } = options;
  const hold = options.redlock ? redlockHold(redis, options.redlock, prefix) : singleInstanceHold(redis, prefix);
  const bookings = createBookings({ redis, namespace: prefix, retentionMs: BOOKING_RETENTION_MS });

  const app = await createKataServer({
    redis,
    title: '08 · distributed lock',
    description: options.redlock
      ? 'Locks with Redlock over three Redis instances (quorum 2), fencing tokens, and bookings with WATCH/MULTI/EXEC.'
      : 'Locks with SET NX PX and Lua compare-and-delete, fencing tokens, and bookings with WATCH/MULTI/EXEC.',
    logger: options.logger,
  });

  app.post(
    '/locks/:resource',
    {
      // The hold itself may last 10 s; each Redis step has its own 700 ms bound instead.
      config: { deadlineMs: MAX_HOLD_MS + LOCK_TTL_MS + 2_000 },
      schema: {
        summary: 'Try once to take the lock, hold it holdMs, release it (409 locked at once when taken)',
        tags: ['locks'],
        params: z.object({ resource: idSchema }),
        querystring: holdQuerySchema,
        response: { 200: holdResultSchema, ...errorResponses(400, 409) },
      },
    },
    async (request) => hold(request.params.resource, request.query.holdMs),
  );

  app.post(
    '/bookings',
    {
      schema: {
        summary: 'Book a slot of a resource (409 slot_taken when booked, even by the same user)',
        tags: ['bookings'],
        body: bookingSchema,
        response: { 201: bookingSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { resource, slot, user } = request.body;
      try {
        const result = await bookings.book(resource, slot, user);
        if (!result.booked) throw new SlotTakenError();
      } catch (error) {
        if (error instanceof BookingContentionError) throw new ConflictError(error.message);
        throw error;
      }
      return reply.code(201).send({ resource, slot, user });
    },
  );

  app.get(
    '/bookings/:resource',
    {
      schema: {
        summary: 'Every booking of a resource, sorted by slot ([] when none)',
        tags: ['bookings'],
        params: z.object({ resource: idSchema }),
        response: {
          200: z.object({ resource: z.string(), bookings: z.array(z.object({ slot: z.string(), user: z.string() })) }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => ({ resource: request.params.resource, bookings: await bookings.list(request.params.resource) }),
  );

  return app;
}
