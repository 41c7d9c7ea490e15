import type { AdapterOptions } from './core/create-adapter.js';

/** How to reach a real Redis server: the options shared by the ioredis and node-redis adapters. */
export interface RealClientOptions extends AdapterOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /**
   * How long a command may take, in milliseconds, waiting for the connection included,
   * before it rejects with `RedisUnavailableError`. Blocking pops get their own timeout on
   * top. Default 1000.
   */
  commandTimeoutMs?: number;
  /** Connection name shown by `CLIENT LIST` (`CLIENT SETNAME`), handy when debugging. */
  name?: string;
}

/** The default of {@link RealClientOptions.commandTimeoutMs}. */
export const defaultCommandTimeoutMs = 1000;
