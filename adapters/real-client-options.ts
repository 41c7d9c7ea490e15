import type { AdapterOptions } from './core/create-adapter.js';

/** How to reach a real Redis server: the options shared by the ioredis and node-redis adapters. */
export interface RealClientOptions extends AdapterOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /**
   * How long a command may take, in milliseconds, waiting for the connection included,
   * before it rejects with `RedisUnavailableError`. Blocking pops get their own timeout on
   * top. Default {@link defaultCommandTimeoutMs} (750).
   */
  commandTimeoutMs?: number;
  /** Connection name shown by `CLIENT LIST` (`CLIENT SETNAME`), handy when debugging. */
  name?: string;
}

/**
 * The default of {@link RealClientOptions.commandTimeoutMs}: 750 ms. A kata server answers
 * 503 when Redis hangs, and the whole answer must arrive within 1 s (server-kit's rule).
 * The deadline is not all of it: the route's own work before the command, the timer's
 * lateness under load and the 503 itself take time too, up to 110 ms measured at a
 * 1,000 ms deadline. 750 ms leaves a quarter of the second for them.
 */
export const defaultCommandTimeoutMs = 750;
