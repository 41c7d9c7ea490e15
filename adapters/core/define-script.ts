import { createHash } from 'node:crypto';
import { NoScriptError } from '../errors/redis-command-error.js';
import type { RedisReply, Script } from '../redis-adapter.js';
import type { RedisDriver } from './driver.js';
import { toRedisReply } from './replies.js';

/**
 * A script run by EVALSHA, loaded again with EVAL when the server answers NOSCRIPT.
 * `run` is on every request of a rate limiter, so it is written for speed: the command
 * line is built in one array (no spreads), and the caller's promise is the driver's
 * reply with one `then` (no `async` function around it).
 */
export function defineScript(driver: RedisDriver, source: string): Script {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    sha,
    run(keys, args) {
      let line: string[];
      try {
        line = scriptLine(sha, keys, args);
      } catch (error) {
        return Promise.reject(error);
      }
      return driver.send(line).then(toRedisReply, (error: unknown): Promise<RedisReply> => {
        if (!(error instanceof NoScriptError)) throw error;
        return driver.send(withScriptSource(line, source)).then(toRedisReply);
      });
    },
  };
}

/** `EVALSHA sha numkeys key… arg…`, numbers as their digits. */
function scriptLine(sha: string, keys: string[], args: (string | number)[]): string[] {
  const line = new Array<string>(3 + keys.length + args.length);
  line[0] = 'EVALSHA';
  line[1] = sha;
  line[2] = String(keys.length);
  let at = 3;
  for (const key of keys) line[at++] = key;
  for (const arg of args) line[at++] = String(arg);
  return line;
}

/** The same line as EVAL with the script's source, for a server that does not know the SHA. */
function withScriptSource(line: string[], source: string): string[] {
  const again = line.slice();
  again[0] = 'EVAL';
  again[1] = source;
  return again;
}
