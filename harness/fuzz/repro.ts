/**
 * A divergence as runnable adapter calls: the shrunk sequence, one `await` per operation,
 * with what each backend answered to the last one.
 */

import type { Call, Operation } from './operation.js';
import { describeOutcome, type Outcome } from './outcome.js';

/** A JS literal for an argument: strings quoted, `Infinity`, `2 ** 53`, objects and arrays. */
export function literal(value: unknown): string {
  if (typeof value === 'number') return numberLiteral(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([name, inner]) => `${propertyName(name)}: ${literal(inner)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function numberLiteral(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  for (const power of [53, 62, 63]) {
    if (value === 2 ** power) return `2 ** ${power}`;
    if (value === -(2 ** power)) return `-(2 ** ${power})`;
    if (value === 2 ** power - 1) return `2 ** ${power} - 1`;
  }
  return String(value);
}

/** `__proto__` must be quoted in an object literal, or it sets the prototype. */
function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) && name !== '__proto__' ? name : JSON.stringify(name);
}

const callSource = (target: string, call: Call) => `${target}.${call.method}(${call.args.map(literal).join(', ')})`;

/** One operation as source, on `redis` (a batch chained, a WATCH as a `redis.watch` callback). */
export function operationSource(operation: Operation): string {
  switch (operation.type) {
    case 'call':
      return `await ${callSource('redis', operation.call)};`;
    case 'batch':
      return `await redis.${operation.kind}()${operation.calls.map((call) => `.${callSource('', call).slice(1)}`).join('')}.exec();`;
    case 'watch': {
      const lines = [
        `  await tx.watchKeys(${operation.keys.map(literal).join(', ')});`,
        ...operation.reads.map((call) => `  await ${callSource('tx', call)};`),
        ...operation.interleaved.map((call) => `  await ${callSource('redis', call)}; // another client`),
        `  return tx.multi()${operation.queued.map((call) => `.${callSource('', call).slice(1)}`).join('')}.exec();`,
      ];
      return `await redis.watch(async (tx) => {\n${lines.join('\n')}\n});`;
    }
    case 'scan':
      return `// a whole SCAN walk: match ${literal(operation.match ?? '*')}, count ${operation.count ?? 'default'}, type ${operation.keyType ?? 'any'}`;
    case 'script':
      return `await redis.defineScript(${literal(operation.source)}).run(${literal(operation.keys)}, ${literal(operation.args)});`;
  }
}

/** The whole repro: the calls, then each backend's answer to the last one. */
export function formatRepro(operations: readonly Operation[], outcomes: Readonly<Record<string, Outcome>>): string {
  const answers = Object.entries(outcomes).map(([backend, outcome]) => `//   ${backend}: ${describeOutcome(outcome)}`);
  return [
    '// On an empty database (keys are `k:…`; the fuzzer runs them under a prefix per backend):',
    ...operations.map(operationSource),
    '// The last call answers differently:',
    ...answers,
  ].join('\n');
}
