import { EventEmitter } from 'node:events';
import RedisMock from 'ioredis-mock';
import { type CommandLock, createCommandLock } from './command-lock.js';
import { createSubscriptionCounts, type SubscriptionCounts } from './subscription-counts.js';
import { createWatchRegistry, type WatchRegistry } from './watch-registry.js';

/** An ioredis-mock client (typed as ioredis' `Redis`, which it imitates). */
export type MockClient = InstanceType<typeof RedisMock>;

/**
 * One in-memory "Redis server": what every mock connection with the same server name
 * shares. ioredis-mock already shares data, expiry and pub/sub between instances created
 * with the same host:port; the rest (one command at a time, the script cache, WATCH,
 * subscription counts) lives here.
 */
export interface MockServer {
  readonly name: string;
  /** The connection every command runs on: the mock keeps no per-connection command state we use. */
  readonly client: MockClient;
  readonly lock: CommandLock;
  /** SHA1 → source of every script seen by EVAL or SCRIPT LOAD (Redis' script cache). */
  readonly scripts: Map<string, string>;
  readonly watches: WatchRegistry;
  readonly subscriptions: SubscriptionCounts;
  /** A new ioredis-mock instance on this server's data, for a subscriber. */
  connect(): MockClient;
}

const servers = new Map<string, MockServer>();

/** The process-wide server called `name`, created on first use. */
export function getMockServer(name: string): MockServer {
  const existing = servers.get(name);
  if (existing) return existing;
  const server = createMockServer(name);
  servers.set(name, server);
  return server;
}

function createMockServer(name: string): MockServer {
  // ioredis-mock shares one dataset per `host:port/db`; the host only names the server.
  const connect = () => new RedisMock({ host: `redis-katas-mock-${name}`, port: 6379, db: 0 });
  const client = connect();
  allowManyConnections(client);
  return {
    name,
    client,
    lock: createCommandLock(),
    scripts: new Map(),
    watches: createWatchRegistry(),
    subscriptions: createSubscriptionCounts(),
    connect,
  };
}

/**
 * Every ioredis-mock instance listens on its server's key-change emitter, and every
 * subscription on a channel emitter: more than 10 subscribers would print Node's
 * MaxListenersExceededWarning, as if they leaked. These emitters are the mock's internals,
 * so each is looked for and left alone when absent.
 */
function allowManyConnections(client: MockClient): void {
  const internals = client as unknown as {
    context?: { modifiedKeyEvents?: unknown };
    channels?: unknown;
    patternChannels?: unknown;
  };
  for (const emitter of [internals.context?.modifiedKeyEvents, internals.channels, internals.patternChannels]) {
    if (emitter instanceof EventEmitter) emitter.setMaxListeners(0);
  }
}
