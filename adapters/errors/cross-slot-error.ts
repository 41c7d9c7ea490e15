import { RedisError } from './redis-error.js';

/** A key and the hash slot that owns it. */
export interface KeyInSlot {
  key: string;
  slot: number;
}

/**
 * On Redis Cluster, one command, MULTI or script touched keys in different hash slots,
 * which live on different servers. Thrown before anything is sent: nothing ran. Put the
 * keys that belong together under one hash tag (`{cart:42}:items`, `{cart:42}:total`).
 */
export class CrossSlotError extends RedisError {
  override name = 'CrossSlotError';

  constructor(
    /** What was refused: `MGET`, `MULTI`, `a script`… */
    readonly operation: string,
    /** Every key it named, with its slot. */
    readonly keys: readonly KeyInSlot[],
  ) {
    super(
      `CROSSSLOT ${operation} touches keys in different hash slots on Redis Cluster: ${describeKeys(keys)}. ` +
        'Nothing ran. Keys used together need the same hash tag, e.g. {order:42}:items and {order:42}:total.',
    );
  }
}

function describeKeys(keys: readonly KeyInSlot[]): string {
  return keys.map(({ key, slot }) => `"${key}" (slot ${slot})`).join(', ');
}
