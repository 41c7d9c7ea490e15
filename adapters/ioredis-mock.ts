/**
 * The in-memory backend, the workbook's default: ioredis-mock, with the emulations in
 * `mock/` wherever it departs from Redis (see `mock/deviations.ts`). Needs nothing but Node.
 */
import { type AdapterOptions, createAdapter } from './core/create-adapter.js';
import { createMockDriver } from './mock/mock-driver.js';
import { getMockServer } from './mock/mock-server.js';
import type { RedisAdapter } from './redis-adapter.js';

export interface MockAdapterOptions extends AdapterOptions {
  /**
   * Which in-memory server to connect to. Adapters with the same name share data, scripts
   * and pub/sub, like clients of one Redis server; the default is `'default'`, so every
   * mock adapter of a process sees the same data unless told otherwise.
   */
  server?: string;
}

/** An adapter on an in-memory Redis that lives in this process (`backend: 'mock'`). */
export function createMockAdapter(options: MockAdapterOptions = {}): RedisAdapter {
  return createAdapter(createMockDriver(getMockServer(options.server ?? 'default')), options);
}
