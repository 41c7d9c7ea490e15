import { Redis, ReplyError } from 'ioredis';
import { type ClientOutcome, execAbortError, toRawOutcomes } from './core/batch-outcomes.js';
import { replyTimeoutMs } from './core/blocking-timeout.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import type { RedisDriver, SubscriberDriver } from './core/driver.js';
import { realServerCapabilities } from './core/real-server-capabilities.js';
import { redisEndpoint } from './core/redis-endpoint.js';
import { createSubscriberListeners } from './core/subscriber-listeners.js';
import { trackWatch } from './core/watch-across-reconnects.js';
import { fromWire } from './core/wire-replies.js';
import { WatchConflictError } from './errors/watch-conflict-error.js';
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
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(timeoutMs, 1000),
    // How long disconnect() waits for the socket to close; the 2 s default delays exit.
    disconnectTimeout: 200,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 1000),
    // Integer replies as digits, read with `callBuffer` (strings as Buffers): see `wire-replies.ts`.
    stringNumbers: true,
    ...(options.name ? { connectionName: options.name } : {}),
  });
  const guard = guardConnection({
    endpoint: redisEndpoint(options.url),
    commandTimeoutMs: timeoutMs,
    events: client,
    isReady: () => client.status === 'ready',
    isReplyError: (error): error is Error => error instanceof ReplyError,
    quit: () => client.quit(),
    destroy: () => client.disconnect(),
  });
  return { client, guard, timeoutMs };
}

function createIoredisDriver(options: RealClientOptions): RedisDriver {
  const { client, guard, timeoutMs } = connect(options);
  const watch = trackWatch(client);
  return {
    backend: 'ioredis',
    capabilities: realServerCapabilities,
    send(args) {
      const [command = '', ...rest] = args;
      return guard.run(command.toUpperCase(), replyTimeoutMs(args, timeoutMs), () => {
        watch.sent(args);
        return client.callBuffer(command, ...rest).then(fromWire);
      });
    },
    async batch(kind, commands) {
      const results = await guard.run(kind === 'multi' ? 'EXEC' : 'a pipeline', timeoutMs, () => {
        if (kind === 'multi') watch.exec();
        return execBatch(client, kind, commands);
      });
      return toRawOutcomes(results, commands, guard.toAdapterError);
    },
    duplicate: async () => createIoredisDriver(options),
    subscriber: async () => createIoredisSubscriber(connect(options)),
    close: () => guard.close(),
  };
}

/** Runs a batch; `[error, value]` pairs become outcomes. A WATCH abort (`null`) throws. */
async function execBatch(client: Redis, kind: 'multi' | 'pipeline', commands: string[][]): Promise<ClientOutcome[]> {
  const chain = kind === 'multi' ? client.multi() : client.pipeline();
  for (const [command = '', ...args] of commands) chain.callBuffer(command, ...args);
  let results: [error: Error | null, value: unknown][] | null;
  try {
    results = await chain.exec();
  } catch (error) {
    // EXECABORT: a command was refused while queued; its error is in `previousErrors`.
    const queued = (error as { previousErrors?: Error[] }).previousErrors?.[0];
    throw error instanceof ReplyError && queued ? execAbortError(queued) : error;
  }
  if (results === null) throw new WatchConflictError();
  return results.map(([error, value]) => (error ? { error } : { value: fromWire(value) }));
}

/** A subscriber connection. Unsubscribes by name only: ioredis hangs on a bare UNSUBSCRIBE. */
function createIoredisSubscriber({ client, guard, timeoutMs }: Connection): SubscriberDriver {
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
