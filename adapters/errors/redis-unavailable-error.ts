import { RedisError } from './redis-error.js';

/**
 * Redis could not be reached, or did not answer in time. Nothing was done, or it is
 * unknown whether it was: treat the operation as failed. Adapters keep reconnecting in the
 * background, so a later command can succeed without any action.
 */
export class RedisUnavailableError extends RedisError {
  override name = 'RedisUnavailableError';
}
