/**
 * Provided: you do not need to edit this file.
 *
 * The outside benchmark's peer (`bench-outside.ts`): a bare Fastify server behind
 * `@fastify/rate-limit` and its Redis store, set up as `pnpm kata serve 03` sets up this
 * kata's server (ioredis, a pino logger at `--log-level`), with the same rules:
 *
 *   GET /limited          5 per 10 s per client IP, as this kata's GET /api/limited
 *   GET /limited-by-user  --limit per --window ms per `user_id` (query), as GET /rate-limit/check
 *
 *   npx tsx katas/03-rate-limiter/bench-peer-server.ts --url redis://127.0.0.1:6379 --port 3001 [--limit 10000] [--window 60000] [--log-level warn]
 *
 * It prints `listening on <address>` once it listens, and stops on SIGTERM or SIGINT.
 */
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';

const flagValue = (flag: string) => {
  const index = process.argv.indexOf(flag);
  return index === -1 ? undefined : process.argv[index + 1];
};
const url = flagValue('--url');
if (!url) throw new Error('--url redis://host:port is required: the Redis both servers share.');
const port = Number(flagValue('--port') ?? 3001);
const limit = option('--limit', 10_000);
const windowMs = option('--window', 60_000);
const namespace = flagValue('--prefix') ?? 'bench:03:peer:';

const client = new Redis(url);
const app = Fastify({ logger: { level: flagValue('--log-level') ?? 'warn' } });
await app.register(rateLimit, { global: false, redis: client, nameSpace: namespace });
app.get('/limited', { config: { rateLimit: { max: 5, timeWindow: 10_000 } } }, async () => ({ ok: true }));
app.get(
  '/limited-by-user',
  {
    config: {
      rateLimit: {
        max: limit,
        timeWindow: windowMs,
        keyGenerator: (request) => String((request.query as { user_id?: string }).user_id),
      },
    },
  },
  async () => ({ ok: true }),
);

const stop = async () => {
  await app.close();
  client.disconnect();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
const address = await app.listen({ port, host: '127.0.0.1' });
console.log(`listening on ${address}`);
