import { createHash } from 'node:crypto';
import { NoScriptError } from '../errors/redis-command-error.js';
import type { Script } from '../redis-adapter.js';
import type { RedisDriver } from './driver.js';
import { toRedisReply } from './replies.js';

/** A script run by EVALSHA, loaded again with EVAL when the server answers NOSCRIPT. */
export function defineScript(driver: RedisDriver, source: string): Script {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    sha,
    async run(keys, args) {
      const tail = [String(keys.length), ...keys, ...args.map(String)];
      try {
        return toRedisReply(await driver.send(['EVALSHA', sha, ...tail]));
      } catch (error) {
        if (!(error instanceof NoScriptError)) throw error;
        return toRedisReply(await driver.send(['EVAL', source, ...tail]));
      }
    },
  };
}
