import { measureThroughput } from '../../adapters/bench/measure-throughput.js';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { createNodeRedisAdapter } from '../../adapters/node-redis.js';
import { findOnPath } from '../../harness/redis-source/detect-environment.js';
import { startRedisServer } from '../../harness/redis-source/start-redis-server.js';
import { rawIoredis, rawNodeRedis } from './raw-clients.js';

const server = await startRedisServer(findOnPath('redis-server', process.env.PATH ?? '')!);
const which = process.argv[2];
const op = process.argv[3] ?? 'incr';
let f: (w: number) => Promise<unknown>;
let close: () => Promise<unknown>;
if (which === 'rawio') {
  const c = await rawIoredis(server.url);
  close = async () => c.disconnect();
  f =
    op === 'multi'
      ? (w) => c.multi().incr(`c${w}`).pexpire(`c${w}`, 60000, 'NX').pttl(`c${w}`).exec()
      : op === 'eval'
        ? (w) => c.eval("return redis.call('INCR', KEYS[1])", 1, `c${w}`)
        : (w) => c.incr(`c${w}`);
} else if (which === 'rawnode') {
  const c = await rawNodeRedis(server.url);
  close = () => c.close();
  f =
    op === 'multi'
      ? (w) => c.multi().incr(`c${w}`).pExpire(`c${w}`, 60000, 'NX').pTTL(`c${w}`).exec()
      : (w) => c.incr(`c${w}`);
} else {
  const a = which === 'node' ? createNodeRedisAdapter({ url: server.url }) : createIoredisAdapter({ url: server.url });
  await a.ping();
  close = () => a.close();
  const s = a.defineScript("return redis.call('INCR', KEYS[1])");
  f =
    op === 'multi'
      ? (w: number) => a.multi().incr(`c${w}`).pExpire(`c${w}`, 60000, 'nx').pTtl(`c${w}`).exec()
      : op === 'pipe'
        ? (w: number) => {
            const p = a.pipeline();
            for (let i = 0; i < 10; i++) p.incr(`c${w}:${i}`);
            return p.exec();
          }
        : op === 'eval'
          ? (w: number) => s.run([`c${w}`], [])
          : (w: number) => a.incr(`c${w}`);
}
for (let i = 0; i < 3; i++) console.log(which, op, await measureThroughput(f, 50, 1500));
await close();
await server.stop();
