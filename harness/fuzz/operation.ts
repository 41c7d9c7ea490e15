/**
 * What the differential fuzzer runs: operations over the `RedisAdapter` interface, as
 * plain data, so that fast-check can generate and shrink them and a failure can be printed
 * as the adapter calls that reproduce it. Key arguments are strings starting with `k:`;
 * each backend gets them under a prefix of its own.
 */
import type { CommandName } from '../../adapters/core/command-table.js';

/** One `RedisCommands` method call: `redis[method](...args)`. */
export interface Call {
  readonly method: CommandName;
  readonly args: readonly unknown[];
}

export type Operation =
  | { readonly type: 'call'; readonly call: Call }
  | { readonly type: 'batch'; readonly kind: 'multi' | 'pipeline'; readonly calls: readonly Call[] }
  /**
   * `redis.watch(tx => …)`: WATCH `keys`, run `reads` on `tx`, then `interleaved` on the
   * main connection (another client's writes), then queue `queued` on `tx.multi()` and EXEC.
   */
  | {
      readonly type: 'watch';
      readonly keys: readonly string[];
      readonly reads: readonly Call[];
      readonly interleaved: readonly Call[];
      readonly queued: readonly Call[];
    }
  /** A whole SCAN walk, from cursor `'0'` back to `'0'`. `match` is a glob on the key names. */
  | { readonly type: 'scan'; readonly match?: string; readonly count?: number; readonly keyType?: string }
  /** `redis.defineScript(source).run(keys, args)`. */
  | {
      readonly type: 'script';
      readonly source: string;
      readonly keys: readonly string[];
      readonly args: readonly string[];
    };

/** The prefix that marks a key argument: `k:a` is the key `a` of the run. */
export const keyMark = 'k:';
