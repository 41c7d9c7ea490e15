/**
 * How Redis reads and writes numbers in command arguments and replies. Pure functions:
 * the emulations use them to reject what Redis rejects before the mock sees it.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A 64-bit integer as Redis' `string2ll` accepts it (no `+`, spaces, leading zeros or `-0`), else `null`. */
export function parseInteger(text: string | undefined): bigint | null {
  if (text === undefined || !/^(0|-?[1-9]\d*)$/.test(text)) return null;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? null : value;
}

/**
 * Whether a relative or absolute expiry time fits Redis' 64-bit milliseconds once converted
 * (seconds × 1000) and, when `relative`, added to the clock. Redis refuses it otherwise
 * (`invalid expire time`): `EXPIRE k 100000000000000000` is such a time.
 */
export function expiryFits(amount: bigint, unit: 'seconds' | 'milliseconds', relative: boolean): boolean {
  const ms = unit === 'seconds' ? amount * 1000n : amount;
  if (!fitsInt64(ms)) return false;
  return !relative || ms <= INT64_MAX - BigInt(Date.now());
}

/** Whether `value` fits a signed 64-bit integer. */
export function fitsInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** A float as Redis' `strtod` accepts it (`1.5`, `-2e3`, `inf`, `+inf`, `-inf`), else `null`; NaN is refused. */
export function parseFloatArg(text: string | undefined): number | null {
  if (text === undefined) return null;
  const infinity = /^([+-]?)inf(inity)?$/i.exec(text);
  if (infinity) return infinity[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

/**
 * A float as INCRBYFLOAT reads it (Redis' `strtold`): what `parseFloatArg` accepts, and
 * hexadecimal integers (`0x1A`); `null` otherwise.
 */
export function parseLongDouble(text: string | undefined): number | null {
  const hex = /^([+-]?)0x([0-9a-f]+)$/i.exec(text ?? '');
  if (hex) return (hex[1] === '-' ? -1 : 1) * Number.parseInt(hex[2] as string, 16);
  return parseFloatArg(text);
}

/**
 * An INCRBYFLOAT result as Redis writes it: plain digits, never an exponent (`%.17Lf`
 * with trailing zeros removed): 1e21 → "1000000000000000000000", 1e-7 → "0.0000001".
 */
export function formatLongDouble(value: number): string {
  const shortest = String(value);
  if (!/e/i.test(shortest)) return shortest;
  if (Math.abs(value) >= 1) return BigInt(value).toString();
  const fixed = value.toFixed(17).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** A score or float reply as Redis writes it: `1.5`, `3`, `inf`, `-inf`. */
export function formatFloat(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  return String(value);
}

/** A score as the mock must receive it: `Number()` understands `Infinity` but not `inf`. */
export function toMockFloat(value: number): string {
  return String(value);
}

/**
 * A score range bound: `5`, `(5` (exclusive), `-inf`, `+inf`; `null` when not a float.
 * Redis reads it with `strtod`, which takes an empty text as 0: `(` is "above 0".
 */
export function parseScoreBound(text: string | undefined): { value: number; exclusive: boolean } | null {
  if (text === undefined) return null;
  const exclusive = text.startsWith('(');
  const number = exclusive ? text.slice(1) : text;
  const value = number === '' ? 0 : parseFloatArg(number);
  return value === null ? null : { value, exclusive };
}
