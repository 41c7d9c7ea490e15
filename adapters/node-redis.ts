import { createClient, ErrorReply, RESP_TYPES } from 'redis';
import { type ClientOutcome, execAbortError, toRawOutcomes } from './core/batch-outcomes.js';
import { replyTimeoutMs } from './core/blocking-timeout.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import type { RedisDriver, SubscriberDriver } from './core/driver.js';
import { execPlainPipeline } from './core/plain-batches.js';
import { realServerCapabilities } from './core/real-server-capabilities.js';
import { redisEndpoint } from './core/redis-endpoint.js';
import { createSubscriberListeners } from './core/subscriber-listeners.js';
import { trackWatch } from './core/watch-across-reconnects.js';
import { fromWire } from './core/wire-replies.js';
import { WatchConflictError } from './errors/watch-conflict-error.js';
import { defaultCommandTimeoutMs, type RealClientOptions } from './real-client-options.js';
import type { RedisAdapter } from './redis-adapter.js';

/**
 * A `RedisAdapter` over node-redis (the `redis` package) 6, speaking RESP2 so raw replies
 * have the same shapes as ioredis'. Returns at once and connects in the background.
 * Commands fail fast with `RedisUnavailableError` while Redis is down (nothing is queued
 * to run later), and the adapter reconnects by itself.
 */
export function createNodeRedisAdapter(options: RealClientOptions): RedisAdapter {
  return createAdapter(createNodeRedisDriver(options), options);
}

type NodeRedisClient = ReturnType<typeof createNodeRedisClient>;

/** An error reply from Redis, as node-redis gives it (top level, or inside EXEC's reply). */
export const isReplyError = (value: unknown): value is Error => value instanceof ErrorReply;

interface Connection {
  client: NodeRedisClient;
  guard: ConnectionGuard;
  timeoutMs: number;
}

function createNodeRedisClient(options: RealClientOptions, timeoutMs: number) {
  return createClient({
    url: options.url,
    RESP: 2,
    disableOfflineQueue: true,
    // No timer per command (node-redis' default is 5 s each): the guard keeps the deadlines.
    commandOptions: { timeout: 0 },
    ...(options.name ? { name: options.name } : {}),
    socket: {
      connectTimeout: Math.max(timeoutMs, 1000),
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000),
    },
  });
}

/**
 * One node-redis connection, fail-fast: no offline queue (`disableOfflineQueue`), and
 * `connect()` runs in the background, since it does not settle while Redis is down.
 * node-redis times out only commands not yet written; the guard's timers cover replies.
 */
function connect(options: RealClientOptions): Connection {
  const timeoutMs = options.commandTimeoutMs ?? defaultCommandTimeoutMs;
  const client = createNodeRedisClient(options, timeoutMs);
  const guard = guardConnection({
    endpoint: redisEndpoint(options.url),
    commandTimeoutMs: timeoutMs,
    events: client,
    isReady: () => client.isReady,
    isReplyError,
    quit: () => client.close(),
    destroy: () => client.destroy(),
  });
  client.connect().catch(() => {
    // Reported through 'error' events, which the guard listens to.
  });
  return { client, guard, timeoutMs };
}

function createNodeRedisDriver(options: RealClientOptions): RedisDriver {
  const { client, guard, timeoutMs } = connect(options);
  const watch = trackWatch(client);
  // While replies are late, a command that could not even be written in time is dropped:
  // no late ghost write. (A timer per command otherwise costs more than the command.)
  const send = async (args: readonly string[]) =>
    fromWire(
      await client.sendCommand(
        args as string[],
        guard.isBehind() ? { typeMapping: wireTypes, abortSignal: AbortSignal.timeout(timeoutMs) } : onTime,
      ),
    );
  return {
    backend: 'node-redis',
    capabilities: realServerCapabilities,
    send(args) {
      const command = args[0]?.toUpperCase() ?? '';
      return guard.run(command, replyTimeoutMs(command, args, timeoutMs), () => {
        watch.sent(command);
        return send(args);
      });
    },
    async batch(kind, commands) {
      const results = await guard.run(kind === 'multi' ? 'EXEC' : 'a pipeline', timeoutMs, () => {
        if (kind === 'pipeline') return execPlainPipeline(commands, send);
        watch.exec();
        return execMulti(client, commands);
      });
      return toRawOutcomes(results, commands, guard.toAdapterError);
    },
    duplicate: async () => createNodeRedisDriver(options),
    subscriber: async () => createNodeRedisSubscriber(connect(options)),
    close: () => guard.close(),
  };
}

/** Integer replies as their digits, strings as Buffers: `fromWire` decodes them (`wire-replies.ts`). */
export const wireTypes = {
  [RESP_TYPES.NUMBER]: String,
  [RESP_TYPES.BLOB_STRING]: Buffer,
  [RESP_TYPES.SIMPLE_STRING]: Buffer,
};

/** The options of a command sent while replies are on time: made once, read by every send. */
const onTime = Object.freeze({ typeMapping: wireTypes });

/**
 * MULTI/EXEC, sent as one chain of commands (node-redis writes a `chainId` chain without
 * other commands in between). Not `client.multi()`: its EXEC ignores the type mapping, so
 * its integers would round near 2^53. EXEC answers nil on a WATCH abort; when Redis
 * refused a command while queued, EXEC fails (EXECABORT) and that command's own error
 * tells why.
 */
async function execMulti(client: NodeRedisClient, commands: string[][]): Promise<ClientOutcome[]> {
  const chainId = Symbol('MULTI');
  const send = (args: string[]) => client.sendCommand(args, { chainId, typeMapping: wireTypes });
  const queued = Promise.allSettled([send(['MULTI']), ...commands.map(send)]);
  const exec = send(['EXEC']);
  let replies: unknown;
  try {
    replies = await exec;
  } catch (error) {
    const refused = (await queued).find((result) => result.status === 'rejected');
    if (error instanceof ErrorReply) throw execAbortError(refused?.reason instanceof Error ? refused.reason : error);
    throw error;
  }
  if (replies === null) throw new WatchConflictError();
  if (!Array.isArray(replies)) throw new TypeError(`Unexpected EXEC reply: ${String(replies)}`);
  return replies.map((reply: unknown) => (reply instanceof ErrorReply ? { error: reply } : { value: fromWire(reply) }));
}

/** The subscriber calls a node-redis client and a node-redis cluster share. */
interface PubSubClient {
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  pSubscribe(pattern: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  pUnsubscribe(pattern: string): Promise<unknown>;
}

/** A subscriber connection (or a cluster client of its own); node-redis hands each listener `(message, channel)`. */
export function createNodeRedisSubscriber({
  client,
  guard,
  timeoutMs,
}: {
  client: PubSubClient;
  guard: ConnectionGuard;
  timeoutMs: number;
}): SubscriberDriver {
  const run = (command: string, send: () => Promise<unknown>) => guard.run(command, timeoutMs, send);
  const listeners = createSubscriberListeners({
    subscribe: (channel) =>
      run('SUBSCRIBE', () => client.subscribe(channel, (message, from) => listeners.deliver(from, message))),
    unsubscribe: (channel) => run('UNSUBSCRIBE', () => client.unsubscribe(channel)),
    pSubscribe: (pattern) =>
      run('PSUBSCRIBE', () =>
        client.pSubscribe(pattern, (message, channel) => listeners.deliverPattern(pattern, channel, message)),
      ),
    pUnsubscribe: (pattern) => run('PUNSUBSCRIBE', () => client.pUnsubscribe(pattern)),
    close: () => guard.close(),
  });
  return listeners.driver;
}
