import { RedisError } from './redis-error.js';

/**
 * Why Redis could not serve a command:
 * - `connection`: it could not be reached, or the connection dropped or was closed;
 * - `timeout`: it did not answer within the command's deadline;
 * - `oom`: it is at its `maxmemory` and refuses writes (`-OOM`);
 * - `busy`: a script or function is running too long (`-BUSY`);
 * - `loading`: it is loading its dataset after a restart (`-LOADING`);
 * - `masterdown`: a replica lost its master (`-MASTERDOWN`);
 * - `readonly`: a replica refuses writes (`-READONLY`), or too few replicas (`-NOREPLICAS`),
 *   or a cluster slot is migrating (`-TRYAGAIN`).
 */
export type UnavailableReason = 'connection' | 'timeout' | 'oom' | 'busy' | 'loading' | 'masterdown' | 'readonly';

/**
 * Redis could not be reached, did not answer in time, or answered that it cannot serve
 * commands right now (out of memory, busy with a script, loading, a replica without its
 * master). Nothing was done, or it is unknown whether it was: treat the operation as
 * failed, and try again later (an HTTP server answers 503 with `Retry-After`). Adapters
 * keep reconnecting in the background, so a later command can succeed without any action.
 */
export class RedisUnavailableError extends RedisError {
  override name = 'RedisUnavailableError';
  /** Why: a connection problem, a timeout, or the Redis error reply that said so. */
  readonly reason: UnavailableReason;

  constructor(message: string, options: ErrorOptions & { reason?: UnavailableReason } = {}) {
    const { reason = 'connection', ...errorOptions } = options;
    super(message, errorOptions);
    this.reason = reason;
  }
}
