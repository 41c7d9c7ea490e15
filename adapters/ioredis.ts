import { Command, Redis, ReplyError } from 'ioredis';
import { type ClientOutcome, execAbortError, toRawOutcomes } from './core/batch-outcomes.js';
import { replyTimeoutMs } from './core/blocking-timeout.js';
import { coalesceWrites } from './core/coalesce-writes.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import type { RedisDriver, SubscriberDriver } from './core/driver.js';
import { realServerCapabilities } from './core/real-server-capabilities.js';
import { redisEndpoint } from './core/redis-endpoint.js';
import { createSubscriberListeners } from './core/subscriber-listeners.js';
import { trackWatch } from './core/watch-across-reconnects.js';
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
  const send = plainCommandSender(client);
  return {
    backend: 'ioredis',
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
        if (kind === 'pipeline') return settleEach(commands.map(send));
        watch.exec();
        return execMulti(commands, send);
      });
      return toRawOutcomes(results, commands, guard.toAdapterError);
    },
    duplicate: async () => createIoredisDriver(options),
    subscriber: async () => createIoredisSubscriber(connect(options)),
    close: () => guard.close(),
  };
}

type Send = (args: readonly string[]) => Promise<unknown>;

/**
 * Sends one command line as it is, reply as UTF-8 strings, through ioredis' own command
 * queue. The commands of one tick leave in one socket write, as in a pipeline.
 */
function plainCommandSender(client: Redis): Send {
  const coalesce = coalesceWrites(() => client.stream);
  return (args) => {
    coalesce();
    return client.sendCommand(new Command(args[0] ?? '', args.slice(1), { replyEncoding: 'utf8' })) as Promise<unknown>;
  };
}

/** The outcome of one command, once its reply (or error) is in. */
const settle = (reply: Promise<unknown>): Promise<ClientOutcome> =>
  reply.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

const settleEach = (replies: Promise<unknown>[]): Promise<ClientOutcome[]> => Promise.all(replies.map(settle));

const failed = (outcome: ClientOutcome): outcome is { error: unknown } => 'error' in outcome;

/**
 * MULTI, the commands, EXEC, written as plain commands in one go on this connection:
 * nothing else can come in between, so Redis runs them as one transaction, without the
 * cost of ioredis' own `multi()`. EXEC answers nil on a WATCH abort, an array of replies
 * (errors included) when it ran, and EXECABORT when Redis refused a command while queuing.
 */
async function execMulti(commands: string[][], send: Send): Promise<ClientOutcome[]> {
  const [started, queued, executed] = await Promise.all([
    settle(send(['MULTI'])),
    settleEach(commands.map(send)),
    settle(send(['EXEC'])),
  ]);
  if (failed(executed)) {
    const refused = queued.find(failed);
    throw executed.error instanceof ReplyError && refused ? execAbortError(refused.error as Error) : executed.error;
  }
  if (failed(started)) throw started.error;
  if (executed.value === null) throw new WatchConflictError();
  if (!Array.isArray(executed.value)) throw new TypeError(`Unexpected EXEC reply: ${JSON.stringify(executed.value)}`);
  return executed.value.map((value: unknown) => (value instanceof ReplyError ? { error: value } : { value }));
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
