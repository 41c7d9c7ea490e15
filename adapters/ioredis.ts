import { type Cluster, Command, Redis, type RedisOptions, ReplyError } from 'ioredis';
import { toRawOutcomes } from './core/batch-outcomes.js';
import { replyTimeoutMs } from './core/blocking-timeout.js';
import { coalesceWrites } from './core/coalesce-writes.js';
import { commandNameOf } from './core/command-facts.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import type { RedisDriver, SubscriberDriver } from './core/driver.js';
import { execPlainMulti, execPlainPipeline, type SendLine } from './core/plain-batches.js';
import { realServerCapabilities } from './core/real-server-capabilities.js';
import { redisEndpoint } from './core/redis-endpoint.js';
import { createSubscriberListeners } from './core/subscriber-listeners.js';
import { trackWatch } from './core/watch-across-reconnects.js';
import { fromWire, wireDecoder } from './core/wire-replies.js';
import { defaultCommandTimeoutMs, type RealClientOptions } from './real-client-options.js';
import type { RedisAdapter } from './redis-adapter.js';

/**
 * A `RedisAdapter` over ioredis 5. Returns at once and connects in the background.
 * Commands fail fast with `RedisUnavailableError` while Redis is down (nothing is queued
 * to run later), and the adapter reconnects by itself.
 */
export function createIoredisAdapter(options: RealClientOptions): RedisAdapter {
  return createAdapter(createIoredisDriver(options), options);
}

/** An error reply from Redis, as ioredis gives it (top level, or inside EXEC's reply). */
export const isReplyError = (value: unknown): value is Error => value instanceof ReplyError;

interface Connection {
  client: Redis;
  guard: ConnectionGuard;
  timeoutMs: number;
}

/**
 * One ioredis connection, fail-fast: no offline queue, no resending after a reconnect,
 * in-flight commands rejected when the connection drops (`maxRetriesPerRequest: 0`).
 * Deadlines are the guard's own timers, not ioredis' `commandTimeout`, so that blocking
 * pops can wait longer than other commands.
 */
function connect(options: RealClientOptions): Connection {
  const timeoutMs = options.commandTimeoutMs ?? defaultCommandTimeoutMs;
  const client = new Redis(options.url, failFastOptions(timeoutMs, options.name));
  const guard = guardConnection({
    endpoint: redisEndpoint(options.url),
    commandTimeoutMs: timeoutMs,
    events: client,
    isReady: () => client.status === 'ready',
    isReplyError,
    quit: () => client.quit(),
    destroy: () => client.disconnect(),
  });
  return { client, guard, timeoutMs };
}

/** The connection options of every ioredis connection the adapters open, cluster nodes' too. */
export function failFastOptions(timeoutMs: number, name: string | undefined): RedisOptions {
  return {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(timeoutMs, 1000),
    // How long disconnect() waits for the socket to close; the 2 s default delays exit.
    disconnectTimeout: 200,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 1000),
    // Integer replies as digits, read with `callBuffer` (strings as Buffers): see `wire-replies.ts`.
    stringNumbers: true,
    ...(name ? { connectionName: name } : {}),
  };
}

function createIoredisDriver(options: RealClientOptions): RedisDriver {
  const { client, guard, timeoutMs } = connect(options);
  const watch = trackWatch(client);
  const sendRaw = wireCommandSender(client);
  const send = decodingReplies(sendRaw);
  return {
    backend: 'ioredis',
    capabilities: realServerCapabilities,
    send(args, parse) {
      const command = commandNameOf(args);
      return guard.run(
        command,
        replyTimeoutMs(command, args, timeoutMs),
        () => {
          watch.sent(command);
          return sendRaw(args);
        },
        wireDecoder(parse),
      );
    },
    async batch(kind, commands) {
      const results = await guard.run(kind === 'multi' ? 'EXEC' : 'a pipeline', timeoutMs, () => {
        if (kind === 'pipeline') return execPlainPipeline(commands, send);
        watch.exec();
        return execPlainMulti(commands, send, isReplyError);
      });
      return toRawOutcomes(results, commands, guard.toAdapterError);
    },
    duplicate: async () => createIoredisDriver(options),
    subscriber: async () => createIoredisSubscriber(connect(options)),
    close: () => guard.close(),
  };
}

/**
 * Sends one command line as it is through ioredis' own command queue, and decodes its reply
 * (`fromWire`: strings arrive as Buffers, integers as their digits). The commands of one
 * turn of the event loop leave in one socket write, as in a pipeline.
 */
export function plainCommandSender(client: Redis): SendLine {
  return decodingReplies(wireCommandSender(client));
}

/** `send`, its replies decoded from wire data (`fromWire`). */
function decodingReplies(send: SendLine): SendLine {
  return (args) => send(args).then(fromWire);
}

/** {@link plainCommandSender} without the decoding: replies as wire data, for `wireDecoder`. */
function wireCommandSender(client: Redis): SendLine {
  const coalesce = coalesceWrites(() => client.stream);
  return (args) => {
    coalesce();
    return client.sendCommand(new Command(args[0] ?? '', args.slice(1), wireReplies)) as Promise<unknown>;
  };
}

/** ioredis' command options for replies as wire data (no `replyEncoding`: Buffers); read, never changed, by `Command`. */
export const wireReplies = Object.freeze({});

/**
 * A subscriber connection (or a `Cluster` of its own: same calls, same events). Unsubscribes
 * by name only: ioredis hangs on a bare UNSUBSCRIBE.
 */
export function createIoredisSubscriber({
  client,
  guard,
  timeoutMs,
}: {
  client: Redis | Cluster;
  guard: ConnectionGuard;
  timeoutMs: number;
}): SubscriberDriver {
  const run = (command: string, send: () => Promise<unknown>) => guard.run(command, timeoutMs, send);
  const listeners = createSubscriberListeners({
    subscribe: (channel) => run('SUBSCRIBE', () => client.subscribe(channel)),
    unsubscribe: (channel) => run('UNSUBSCRIBE', () => client.unsubscribe(channel)),
    pSubscribe: (pattern) => run('PSUBSCRIBE', () => client.psubscribe(pattern)),
    pUnsubscribe: (pattern) => run('PUNSUBSCRIBE', () => client.punsubscribe(pattern)),
    close: () => guard.close(),
  });
  client.on('message', (channel: string, message: string) => listeners.deliver(channel, message));
  client.on('pmessage', (pattern: string, channel: string, message: string) =>
    listeners.deliverPattern(pattern, channel, message),
  );
  return listeners.driver;
}
