import { RedisError } from './redis-error.js';

/** This backend cannot run the command faithfully; see the adapter's `capabilities`. */
export class UnsupportedCommandError extends RedisError {
  override name = 'UnsupportedCommandError';
}
