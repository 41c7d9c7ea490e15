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
  let server = servers.get(name);
  if (!server) servers.set(name, (server = createMockServer(name)));
  return server;
}

function createMockServer(name: string): MockServer {
  // ioredis-mock shares one dataset per `host:port/db`; the host only names the server.
  const connect = () => new RedisMock({ host: `redis-katas-mock-${name}`, port: 6379, db: 0 });
  return {
    name,
    client: connect(),
    lock: createCommandLock(),
    scripts: new Map(),
    watches: createWatchRegistry(),
    subscriptions: createSubscriptionCounts(),
    connect,
  };
}
