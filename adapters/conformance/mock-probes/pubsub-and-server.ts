import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import RedisMock from 'ioredis-mock';
import { expect, vi } from 'vitest';
import type { DeviationProbes } from './probe.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What another Node process sees on an ioredis-mock of the same host:port. */
async function getInAnotherProcess(host: string, key: string): Promise<string> {
  const ioredisMock = pathToFileURL(createRequire(import.meta.url).resolve('ioredis-mock')).href;
  const code = `import RedisMock from ${JSON.stringify(ioredisMock)};
    const client = new RedisMock({ host: ${JSON.stringify(host)}, port: 6379 });
    console.log(JSON.stringify(await client.get(${JSON.stringify(key)})));
    process.exit(0);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], {
    timeout: 5000,
  });
  return stdout.trim();
}

export const pubsubAndServerProbes: DeviationProbes = {
  'publish-count': {
    async raw({ connect }) {
      const publisher = connect().client;
      await connect().client.psubscribe('news*');
      await connect().client.psubscribe('news*');
      expect(await publisher.publish('news:1', 'm')).toBe(1);
    },
    async adapter({ redis, prefix }) {
      const first = await redis.subscriber();
      const second = await redis.subscriber();
      try {
        await first.pSubscribe(`${prefix}news*`, () => undefined);
        await second.pSubscribe(`${prefix}news*`, () => undefined);
        await second.subscribe(`${prefix}news:1`, () => undefined);
        expect(await redis.publish(`${prefix}news:1`, 'm')).toBe(3);
      } finally {
        await first.close();
        await second.close();
      }
    },
  },

  'disconnect-keeps-listening': {
    async raw({ connect }) {
      const publisher = connect().client;
      const subscriber = connect().client;
      const received: string[] = [];
      subscriber.on('message', (_channel: string, message: string) => received.push(message));
      await subscriber.subscribe('news');
      subscriber.disconnect();
      expect(await publisher.publish('news', 'after disconnect')).toBe(1);
      await vi.waitFor(() => expect(received).toEqual(['after disconnect']), { timeout: 500 });
    },
    async adapter({ redis, prefix }) {
      const subscriber = await redis.subscriber();
      const received: string[] = [];
      await subscriber.subscribe(`${prefix}news`, (message) => received.push(message));
      await subscriber.close();
      expect(await redis.publish(`${prefix}news`, 'after close')).toBe(0);
      await sleep(30);
      expect(received).toEqual([]);
    },
  },

  'shared-in-process': {
    async raw() {
      const host = `deviation-probe-shared-${process.pid}`;
      const here = new RedisMock({ host, port: 6379 });
      try {
        await here.set('k', 'written in this process');
        expect(await getInAnotherProcess(host, 'k')).toBe('null');
      } finally {
        here.disconnect();
      }
    },
    async adapter({ redis }) {
      expect(redis.capabilities.sharedAcrossProcesses).toBe(false);
    },
  },

  'never-unavailable': {
    async raw() {
      const nowhere = new RedisMock({ host: '127.0.0.1', port: 1 });
      try {
        await nowhere.set('k', 'v');
        expect(await nowhere.get('k')).toBe('v');
      } finally {
        nowhere.disconnect();
      }
    },
    async adapter({ redis }) {
      expect(redis.capabilities.canBeUnavailable).toBe(false);
    },
  },

  'time-rounded': {
    async raw({ send }) {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(1_700_000_000_600);
        const [seconds] = (await send('TIME')) as string[];
        expect(seconds).toBe('1700000001');
      } finally {
        vi.useRealTimers();
      }
    },
    async adapter({ redis }) {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(1_700_000_000_600);
        expect(await redis.time()).toEqual({ seconds: 1_700_000_000, microseconds: 600_000 });
        expect(await redis.defineScript("return redis.call('TIME')").run([], [])).toEqual(['1700000000', '600000']);
      } finally {
        vi.useRealTimers();
      }
    },
  },

  'fake-timers-expire': {
    async raw({ send }) {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        await send('SET', 'k', 'v', 'PX', 60_000);
        vi.setSystemTime(Date.now() + 120_000);
        expect(await send('GET', 'k')).toBeNull();
      } finally {
        vi.useRealTimers();
      }
    },
    async adapter({ redis, prefix }) {
      // Declared: the adapter's keys follow fake timers too.
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        await redis.set(`${prefix}k`, 'v', { px: 60_000 });
        vi.setSystemTime(Date.now() + 120_000);
        expect(await redis.get(`${prefix}k`)).toBeNull();
      } finally {
        vi.useRealTimers();
      }
    },
  },
};
