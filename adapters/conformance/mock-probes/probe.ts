/**
 * What a deviation probe gets and does. Each entry of `adapters/mock/deviations.ts` has
 * one probe, by id: `raw` shows the deviation on a bare ioredis-mock (it fails once
 * ioredis-mock fixes it, so the list shrinks on purpose), and `adapter` checks what the
 * mock adapter does about it: Redis' behaviour when `normalised`, the declaration when
 * `declared`.
 */
import { randomBytes } from 'node:crypto';
import RedisMock from 'ioredis-mock';
import type { RedisAdapter } from '../../redis-adapter.js';

/** A bare ioredis-mock on a dataset of its own. */
export interface RawMock {
  /** The ioredis-mock client. */
  readonly client: InstanceType<typeof RedisMock>;
  /** Sends a command line by name (ioredis-mock has no `call`): `send('SET', 'k', 'v')`. */
  send(command: string, ...args: (string | number)[]): Promise<unknown>;
  /** Another ioredis-mock instance on the same dataset: a second "connection". */
  connect(): RawMock;
  /** Disconnects every instance opened here. */
  close(): void;
}

export interface AdapterProbeContext {
  /** A mock adapter (`createMockAdapter()`), closed after the probe. */
  redis: RedisAdapter;
  /** Another mock adapter on the same data: a second client. */
  other: RedisAdapter;
  /** A key (and channel) prefix unique to the test. */
  prefix: string;
}

export interface DeviationProbe {
  /** On raw ioredis-mock: passes while the deviation is still there. */
  raw(mock: RawMock): Promise<void>;
  /** Through the mock adapter: Redis' behaviour (normalised), or what is declared. */
  adapter(context: AdapterProbeContext): Promise<void>;
}

export type DeviationProbes = Record<string, DeviationProbe>;

type MockMethod = (...args: (string | number)[]) => Promise<unknown>;

/** A raw ioredis-mock on a fresh dataset (ioredis-mock shares data per host:port). */
export function createRawMock(host = `deviation-probe-${randomBytes(4).toString('hex')}`): RawMock {
  const instances: InstanceType<typeof RedisMock>[] = [];
  const open = (): RawMock => {
    const client = new RedisMock({ host, port: 6379, lazyConnect: false });
    instances.push(client);
    return {
      client,
      // async: ioredis-mock throws `Unsupported command` synchronously.
      async send(command, ...args) {
        const method = (client as unknown as Record<string, MockMethod | undefined>)[command.toLowerCase()];
        if (typeof method !== 'function') throw new TypeError(`ioredis-mock has no ${command}`);
        return method.apply(client, args);
      },
      connect: open,
      close: () => {
        for (const instance of instances) instance.disconnect();
      },
    };
  };
  return open();
}

/** The rejection of `work`, which must reject. */
export async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
