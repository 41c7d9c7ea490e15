import { RedisError } from './redis-error.js';

/**
 * Redis replied with an integer beyond ±2^53, where a JS `number` can no longer hold every
 * integer exactly. The command ran: Redis keeps the exact 64-bit value. Every backend
 * rejects such a reply the same way, instead of rounding it, each in its own way.
 */
export class IntegerRangeError extends RedisError {
  override name = 'IntegerRangeError';
  /** The reply as text: exact when the client kept it (`'9223372036854775806'`). */
  readonly reply: string;

  constructor(reply: string) {
    super(
      `Redis replied ${reply}, an integer beyond ±2^53 (9007199254740992) that a JS number cannot hold exactly. ` +
        'The command ran and Redis keeps the exact value: read it as a string (get, hGet), or keep counters within ±2^53.',
    );
    this.reply = reply;
  }
}
