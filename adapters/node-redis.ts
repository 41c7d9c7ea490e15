import { createClient } from 'redis';
import { replyTimeoutMs } from './core/blocking-timeout.js';
import { commandNameOf } from './core/command-facts.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import type { RedisDriver, SubscriberDriver } from './core/driver.js';
import { realServerCapabilities } from './core/real-server-capabilities.js';
import { redisEndpoint } from './core/redis-endpoint.js';
import { createSubscriberListeners } from './core/subscriber-listeners.js';
import { trackWatch } from './core/watch-across-reconnects.js';
import { wireDecoder } from './core/wire-replies.js';
import { isReplyError, queueWriter, wireOptions, wireTypes } from './node-redis-queue.js';
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
  const writer = queueWriter(client, guard.toAdapterError);
  // While replies are late (`behind`), a command that could not even be written in time is
  // dropped: no late ghost write. (A timer per command otherwise costs more than the command.)
  // Not MULTI: dropping the end of a half-written transaction would leave it open.
  const lineOptions = (behind: boolean) =>
    behind ? { typeMapping: wireTypes, abortSignal: AbortSignal.timeout(timeoutMs) } : wireOptions;
  return {
    backend: 'node-redis',
    capabilities: realServerCapabilities,
    send(args, parse) {
      const command = commandNameOf(args);
      // An inline arrow, not a named const: `tsx` (esbuild's keepNames) would wrap a named
      // one in a `__name` call, on every command.
      return guard.run(
        command,
        replyTimeoutMs(command, args, timeoutMs),
        (behind) => {
          watch.sent(command);
          return writer.send(args, lineOptions(behind));
        },
        wireDecoder(parse),
      );
    },
    batch(kind, commands) {
      if (kind === 'pipeline')
        return guard.run('a pipeline', timeoutMs, (behind) => writer.pipeline(commands, lineOptions(behind)));
      return guard.run('EXEC', timeoutMs, () => {
        watch.exec();
        return writer.multi(commands);
      });
    },
    duplicate: async () => createNodeRedisDriver(options),
    subscriber: async () => createNodeRedisSubscriber(connect(options)),
    close: () => guard.close(),
  };
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
