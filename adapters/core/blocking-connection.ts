import type { BlockingConnection } from '../redis-adapter.js';
import type { RedisDriver } from './driver.js';
import { toKeyedElement, toKeyedScoredMember, toNullableString } from './replies.js';

/** Blocking pops on a connection that does nothing else. */
export function createBlockingConnection(driver: RedisDriver): BlockingConnection {
  const seconds = (timeout: number) => String(timeout);
  return {
    async blMove(source, destination, from, to, timeoutSeconds) {
      const args = ['BLMOVE', source, destination, from.toUpperCase(), to.toUpperCase(), seconds(timeoutSeconds)];
      return toNullableString(await driver.send(args));
    },
    async blPop(keys, timeoutSeconds) {
      return toKeyedElement(await driver.send(['BLPOP', ...keys, seconds(timeoutSeconds)]));
    },
    async brPop(keys, timeoutSeconds) {
      return toKeyedElement(await driver.send(['BRPOP', ...keys, seconds(timeoutSeconds)]));
    },
    async bzPopMin(keys, timeoutSeconds) {
      return toKeyedScoredMember(await driver.send(['BZPOPMIN', ...keys, seconds(timeoutSeconds)]));
    },
    close: () => driver.close(),
  };
}
