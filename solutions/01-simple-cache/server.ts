import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { createEntryIndex, type EntryIndex } from '../../katas/01-simple-cache/entry-index.js';
import { createUserSource, type UserSource } from '../../katas/01-simple-cache/user-source.js';
import {
  createKataServer,
  errorResponses,
  idSchema,
  type KataLoggerOption,
  type KataServer,
  NotFoundError,
} from '../../server-kit/index.js';
import { type Cache, createCache } from './cache.js';
import { type CacheStats, createCacheStats } from './cache-stats.js';
import { type CachedUsers, createCachedUsers } from './cached-users.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:01-simple-cache:`. */
  prefix?: string;
  /** The slow source behind `/users`. Default: the sample users, answering after `latencyMs`. */
  source?: UserSource;
  /** Latency of the default source. Default 50 ms. */
  latencyMs?: number;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/** The pieces the routes share. */
interface CacheService {
  cache: Cache;
  /** The entries POST /cache wrote, so that listing and counting never SCAN the keyspace. */
  entries: EntryIndex;
  stats: CacheStats;
  users: CachedUsers;
}

// ── Schemas ────────────────────────────────────────────────────────────────

const DEFAULT_TTL_SECONDS = 300;

const cacheKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'must be 1–200 characters of A–Z, a–z, 0–9, _ . : or -')
  .describe('A cache key, e.g. greeting or user:u1');
// `GET /cache/stats` is a route: a key named `stats` could be set but never read back.
const newCacheKeySchema = cacheKeySchema.refine((key) => key !== 'stats', 'stats is reserved (GET /cache/stats)');
// A lone UTF-16 surrogate (`"\ud800"`) has no UTF-8 form: Redis would store U+FFFD instead.
const cacheValueSchema = z
  .string()
  .max(65_536)
  .refine((value) => !/\p{Surrogate}/u.test(value), 'must be valid Unicode (no lone surrogate)');
const patternSchema = z.string().min(1).max(200).describe('A glob inside the cache namespace: *, user:*, user:u?');
const ttlSchema = z.number().int().min(1).max(2_592_000).describe('Seconds until the entry expires (1 s to 30 days)');

const entrySchema = z.object({
  key: z.string(),
  value: z.string(),
  ttl: z.number().int().nullable().describe('Seconds left; null when the entry never expires'),
});
const userSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), updatedAt: z.string() });
const userChangesSchema = z
  .object({ name: z.string().trim().min(1).max(100).optional(), email: z.email().max(200).optional() })
  .refine((changes) => changes.name !== undefined || changes.email !== undefined, 'give name or email');

// ── Routes ─────────────────────────────────────────────────────────────────

function cacheRoutes(app: KataServer, { cache, entries, stats }: CacheService): void {
  app.post(
    '/cache',
    {
      schema: {
        summary: 'Store a value with a TTL (SET … EX)',
        tags: ['cache'],
        body: z.object({ key: newCacheKeySchema, value: cacheValueSchema, ttl: ttlSchema.optional() }),
        response: { 201: entrySchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { key, value, ttl = DEFAULT_TTL_SECONDS } = request.body;
      await entries.set(key, value, ttl);
      return reply.code(201).send({ key, value, ttl });
    },
  );

  app.get(
    '/cache',
    {
      schema: {
        summary: 'List the keys matching a pattern (from the entry index: never SCAN, never KEYS)',
        tags: ['cache'],
        querystring: z.object({ pattern: patternSchema.default('*') }),
        response: { 200: z.object({ pattern: z.string(), keys: z.array(z.string()) }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { pattern } = request.query;
      return { pattern, keys: await entries.keys(pattern) };
    },
  );

  app.get(
    '/cache/stats',
    {
      schema: {
        summary: 'Hits, misses and hit rate of the user cache, and how many entries POST /cache holds',
        tags: ['cache'],
        response: {
          200: z.object({ hits: z.number(), misses: z.number(), hitRate: z.number(), keys: z.number() }),
          ...errorResponses(),
        },
      },
    },
    async () => {
      const [snapshot, keys] = await Promise.all([stats.read(), entries.count()]);
      return { ...snapshot, keys };
    },
  );

  app.get(
    '/cache/:key',
    {
      schema: {
        summary: 'Read a value and its remaining TTL',
        tags: ['cache'],
        params: z.object({ key: cacheKeySchema }),
        response: { 200: entrySchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const entry = await cache.entry(request.params.key);
      if (!entry) throw new NotFoundError(`No cache entry "${request.params.key}" (never set, deleted, or expired).`);
      return { key: entry.key, value: entry.value, ttl: entry.ttlSeconds };
    },
  );

  app.delete(
    '/cache/:key',
    {
      schema: {
        summary: 'Delete a value',
        tags: ['cache'],
        params: z.object({ key: cacheKeySchema }),
        response: { 204: z.undefined().describe('Deleted'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      if (!(await entries.delete(request.params.key))) {
        throw new NotFoundError(`No cache entry "${request.params.key}".`);
      }
      return reply.code(204).send();
    },
  );

  app.post(
    '/cache/clear',
    {
      schema: {
        summary: 'Delete every entry of the cache matching a pattern (UNLINK)',
        tags: ['cache'],
        body: z.object({ pattern: patternSchema }),
        response: { 200: z.object({ deleted: z.number().int() }), ...errorResponses(400) },
      },
    },
    async (request) => ({ deleted: await entries.clear(request.body.pattern) }),
  );
}

/**
 * The user of `id` through the cache. A cached value that does not parse or is not a user
 * (an older format, a hand-made key) is a miss: it is dropped, logged, and read again from
 * the source. Never a 500.
 */
async function readUser(users: CachedUsers, id: string, log: FastifyBaseLogger) {
  try {
    const lookup = await users.get(id);
    if (lookup.value === null || userSchema.safeParse(lookup.value).success) return lookup;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  log.warn({ userId: id }, 'cached user did not parse or validate; dropped and read again from the source');
  await users.invalidate(id);
  return users.get(id);
}

function userRoutes(app: KataServer, { users }: CacheService): void {
  app.get(
    '/users/:id',
    {
      schema: {
        summary: 'A user, through the cache (cache-aside); x-cache says HIT or MISS',
        tags: ['users'],
        params: z.object({ id: idSchema }),
        response: { 200: userSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { value, hit } = await readUser(users, request.params.id, request.log);
      reply.header('x-cache', hit ? 'HIT' : 'MISS');
      if (!value) throw new NotFoundError(`No user "${request.params.id}".`);
      return value;
    },
  );

  app.put(
    '/users/:id',
    {
      schema: {
        summary: 'Update a user in the source, then in the cache (write-through)',
        tags: ['users'],
        params: z.object({ id: idSchema }),
        body: userChangesSchema,
        response: { 200: userSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const updated = await users.update(request.params.id, request.body);
      if (!updated) throw new NotFoundError(`No user "${request.params.id}".`);
      return updated;
    },
  );

  app.post(
    '/cache/warm',
    {
      schema: {
        summary: 'Load users into the cache before anyone asks (default: every user)',
        tags: ['users'],
        body: z.object({ ids: z.array(idSchema).max(1000).optional() }).nullish(),
        response: { 200: z.object({ warmed: z.number().int() }), ...errorResponses(400) },
      },
    },
    // Each id once: 1,000 copies of one id are one SET, and one user warmed.
    async (request) => ({ warmed: await users.warm(request.body?.ids && [...new Set(request.body.ids)]) }),
  );
}

/**
 * The kata's HTTP service: a key/value cache API and a users API cached in front of a slow
 * source. Never listens by itself: `app.inject()` in tests, `pnpm kata serve 01` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:01-simple-cache:' } = options;
  const cache = createCache({ redis, namespace: `${prefix}{cache}:`, defaultTtlSeconds: DEFAULT_TTL_SECONDS });
  // The users cache has a namespace of its own: nothing sent to POST /cache can reach it.
  const usersCache = createCache({ redis, namespace: `${prefix}users:` });
  const stats = createCacheStats({ redis, key: `${prefix}stats` });
  const source = options.source ?? createUserSource({ latencyMs: options.latencyMs ?? 50 });
  const users = createCachedUsers({ cache: usersCache, source, stats });

  const app = await createKataServer({
    redis,
    title: '01 · simple cache',
    description: 'A key/value cache with TTLs, and users read through a cache in front of a slow source.',
    logger: options.logger,
  });
  const entries = createEntryIndex({ redis, cache, key: `${prefix}{cache}-index` });
  const service: CacheService = { cache, entries, stats, users };
  cacheRoutes(app, service);
  userRoutes(app, service);
  return app;
}
