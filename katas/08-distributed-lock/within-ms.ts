import { RedisUnavailableError } from '../../adapters/errors/index.js';

/**
 * Provided: you do not need to edit this file.
 *
 * `promise`, or a `RedisUnavailableError` once `ms` have passed: a hung Redis must not keep
 * a request waiting past the 1 s every server answers in. (What Redis does with the
 * command later is bounded by the key's TTL.)
 */
export function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`Redis did not answer within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
