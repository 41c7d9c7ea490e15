import { RedisError } from './redis-error.js';

/**
 * EXEC did nothing because a WATCHed key changed after WATCH. Nothing in the transaction
 * ran: read again and retry.
 */
export class WatchConflictError extends RedisError {
  override name = 'WatchConflictError';

  constructor(message = 'Transaction aborted: a watched key changed after WATCH. Nothing ran; read again and retry.') {
    super(message);
  }
}
