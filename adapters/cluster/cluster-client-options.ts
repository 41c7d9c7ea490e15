import type { AdapterOptions } from '../core/create-adapter.js';

/** How to reach a Redis Cluster: the options shared by the two cluster adapters. */
export interface ClusterClientOptions extends AdapterOptions {
  /**
   * Seed nodes, `redis://[[user]:password@]host:port` each (one is enough, more survive
   * one being down); the other nodes and the slot map are discovered from them.
   */
  urls: readonly string[];
  /** As for one server: how long a command may take, in ms, before `RedisUnavailableError`. Default 750. */
  commandTimeoutMs?: number;
  /** Connection name shown by `CLIENT LIST` on every node. */
  name?: string;
  /**
   * Where to connect for an address the cluster announces, both `host:port`: for nodes
   * behind NAT or a relay, e.g. `{ '10.0.0.5:7000': '127.0.0.1:17000' }`.
   */
  nodeAddressMap?: Readonly<Record<string, string>>;
}

/** `host:port` of each seed URL: `redis://:pw@127.0.0.1:7000` → `127.0.0.1:7000`, for messages. */
export function describeSeeds(urls: readonly string[]): string {
  const endpoints = urls.map((url) => {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  });
  return `the cluster at ${endpoints.join(',')}`;
}

/** `host:port` → `{ host, port }`. */
export function hostAndPort(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
}

/** The credentials of a seed URL, which every node of the cluster shares. */
export function credentialsOf(url: string): { username?: string; password?: string } {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}
