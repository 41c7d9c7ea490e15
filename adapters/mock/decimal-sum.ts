/**
 * INCRBYFLOAT's sum as Redis prints it. Redis adds in long doubles (64-bit mantissa) and
 * prints `%.17Lf` without trailing zeros, so `0.1 + 0.2` is "0.3" and `2^53 + 0.25` is
 * "9007199254740992.25", where JS doubles give 0.30000000000000004 and 9007199254740992.
 * Here the sum is exact in decimal; when it needs more than 19 significant digits (beyond
 * a long double), the double sum is printed instead (`incrbyfloat-precision`).
 */

interface Decimal {
  /** value = digits / 10^scale */
  digits: bigint;
  scale: number;
}

/** The exact decimal of a float text Redis accepts (`-1.5e3`, `0x1A`, `.5`), or `null`. */
function parseDecimal(text: string): Decimal | null {
  const hex = /^([+-]?)0x([0-9a-f]+)$/i.exec(text);
  if (hex) return { digits: BigInt(`0x${hex[2]}`) * (hex[1] === '-' ? -1n : 1n), scale: 0 };
  const match = /^([+-]?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text);
  if (!match || `${match[2]}${match[3]}` === '') return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const align = (x: Decimal) => x.digits * 10n ** BigInt(scale - x.scale);
  return { digits: align(a) + align(b), scale };
}

/** Plain digits, at most 17 decimals, no trailing zeros: Redis' `%.17Lf` trimmed. */
function format({ digits, scale }: Decimal): string {
  let value = digits;
  let places = scale;
  if (places > 17) {
    const divisor = 10n ** BigInt(places - 17);
    const half = divisor / 2n;
    value = (value < 0n ? value - half : value + half) / divisor;
    places = 17;
  }
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places);
  const fraction = text.slice(text.length - places).replace(/0+$/, '');
  const plain = fraction ? `${whole}.${fraction}` : whole;
  return negative && plain !== '0' ? `-${plain}` : plain;
}

const significantDigits = ({ digits }: Decimal) =>
  (digits < 0n ? -digits : digits).toString().replace(/0+$/, '').length;

/** `current + increment` as INCRBYFLOAT writes it, or `null` when it must fall back to doubles. */
export function decimalSum(current: string, increment: string): string | null {
  const a = parseDecimal(current);
  const b = parseDecimal(increment);
  if (!a || !b) return null;
  const sum = add(a, b);
  return significantDigits(sum) <= 19 ? format(sum) : null;
}
