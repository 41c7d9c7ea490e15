/**
 * INCRBYFLOAT's arithmetic as Redis does it on x86-64: both numbers read into 80-bit long
 * doubles (a 64-bit mantissa), added, and printed with `%.17Lf` without trailing zeros.
 * So `0.1 + 0.2` is "0.3" and `2^53 + 0.25` is "9007199254740992.25", where JS doubles
 * give 0.30000000000000004 and 9007199254740992. Exact rational arithmetic on bigints.
 */

/** A long double: `mantissa × 2^exponent`, with |mantissa| < 2^64. */
interface LongDouble {
  mantissa: bigint;
  exponent: number;
}

const mantissaBits = 64;

const bitLength = (value: bigint) => (value === 0n ? 0 : value.toString(2).length);

/** Rounds `numerator / denominator` (denominator > 0) to the nearest long double, ties to even. */
function roundToLongDouble(numerator: bigint, denominator: bigint): LongDouble {
  if (numerator === 0n) return { mantissa: 0n, exponent: 0 };
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let exponent = bitLength(magnitude) - bitLength(denominator) - mantissaBits;
  const quotient = (shift: number) => {
    const top = shift >= 0 ? magnitude : magnitude << BigInt(-shift);
    const bottom = shift >= 0 ? denominator << BigInt(shift) : denominator;
    return { whole: top / bottom, rest: top % bottom, bottom };
  };
  let q = quotient(exponent);
  while (q.whole >= 1n << BigInt(mantissaBits)) q = quotient(++exponent);
  while (q.whole < 1n << BigInt(mantissaBits - 1)) q = quotient(--exponent);
  let mantissa = q.whole;
  const twice = q.rest * 2n;
  if (twice > q.bottom || (twice === q.bottom && mantissa % 2n === 1n)) mantissa += 1n;
  if (mantissa === 1n << BigInt(mantissaBits)) {
    mantissa >>= 1n;
    exponent += 1;
  }
  return { mantissa: negative ? -mantissa : mantissa, exponent };
}

/** The long double nearest to a float text Redis accepts (`-1.5e3`, `0x1A`, `.5`), or `null`. */
function parseLongDouble(text: string): LongDouble | null {
  const hex = /^([+-]?)0x([0-9a-f]+)$/i.exec(text);
  if (hex) return roundToLongDouble(BigInt(`0x${hex[2]}`) * (hex[1] === '-' ? -1n : 1n), 1n);
  const match = /^([+-]?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text);
  if (!match || `${match[2]}${match[3]}` === '') return null;
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const digits = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  const scale = fraction.length - Number(exponentText);
  if (Math.abs(scale) > 400) return null;
  return scale >= 0
    ? roundToLongDouble(digits, 10n ** BigInt(scale))
    : roundToLongDouble(digits * 10n ** BigInt(-scale), 1n);
}

function add(a: LongDouble, b: LongDouble): LongDouble {
  const low = Math.min(a.exponent, b.exponent);
  const sum = (a.mantissa << BigInt(a.exponent - low)) + (b.mantissa << BigInt(b.exponent - low));
  return low >= 0 ? roundToLongDouble(sum << BigInt(low), 1n) : roundToLongDouble(sum, 1n << BigInt(-low));
}

/** `%.17Lf` with trailing zeros (and a trailing point) removed. */
function print({ mantissa, exponent }: LongDouble): string {
  const scaled = mantissa * 10n ** 17n;
  let units: bigint;
  if (exponent >= 0) units = scaled << BigInt(exponent);
  else {
    const divisor = 1n << BigInt(-exponent);
    const magnitude = scaled < 0n ? -scaled : scaled;
    let whole = magnitude / divisor;
    const twice = (magnitude % divisor) * 2n;
    if (twice > divisor || (twice === divisor && whole % 2n === 1n)) whole += 1n;
    units = scaled < 0n ? -whole : whole;
  }
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(18, '0');
  const whole = text.slice(0, -17);
  const fraction = text.slice(-17).replace(/0+$/, '');
  const plain = fraction ? `${whole}.${fraction}` : whole;
  return negative ? `-${plain}` : plain;
}

/** `current + increment` as INCRBYFLOAT writes it, or `null` when a text is not a float Redis reads. */
export function longDoubleSum(current: string, increment: string): string | null {
  const a = parseLongDouble(current);
  const b = parseLongDouble(increment);
  return a && b ? print(add(a, b)) : null;
}
