/**
 * The allow-list: operations the differential fuzzer does not run, because their outcome
 * differs by a declared deviation (`adapters/mock/deviations.ts`, id for id). Each entry
 * names its deviation and says which operations it covers; anything not listed here that
 * differs is a divergence.
 */
import type { Call, Operation } from './operation.js';

export interface DeclaredDeviation {
  /** The deviation's id in `adapters/mock/deviations.ts`. */
  readonly id: string;
  /** Whether `operation` meets it. */
  covers(operation: Operation): boolean;
}

export const declaredDeviations: readonly DeclaredDeviation[] = [
  {
    // The mock lists integer-like hash fields first; a script sees HGETALL's order as it is.
    id: 'hash-field-order',
    covers: (operation) => operation.type === 'script' && /'H(GETALL|KEYS|VALS)'/.test(operation.source),
  },
  {
    // The mock's Lua 5.4 keeps floats apart from integers: a whole float made by `/` or `^`
    // prints with `.0` when joined by `..`.
    id: 'lua-numbers-not-doubles',
    covers: (operation) => operation.type === 'script' && /\.\.\s*[^'"]/.test(operation.source),
  },
];

/** Every call an operation makes. */
export function callsOf(operation: Operation): readonly Call[] {
  switch (operation.type) {
    case 'call':
      return [operation.call];
    case 'batch':
      return operation.calls;
    case 'watch':
      return [...operation.reads, ...operation.interleaved, ...operation.queued];
    default:
      return [];
  }
}

/** The declared deviation an operation meets, if any: the fuzzer then does not run it. */
export function declaredDeviationOf(operation: Operation): DeclaredDeviation | undefined {
  return declaredDeviations.find((deviation) => deviation.covers(operation));
}
