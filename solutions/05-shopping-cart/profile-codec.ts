import type { Profile, ProfileValue } from '../../katas/05-shopping-cart/profile-codec.js';

/**
 * A hash holds strings only, so each value carries its type in front: `s:` a string,
 * `n:` a number, `b:` a boolean, `d:` a date (ISO 8601, to the millisecond). Without the
 * tag, the string "42" and the number 42 would come back the same.
 */
const encoders = {
  string: (value: string) => `s:${value}`,
  // String(n) is the shortest text that reads back as exactly n; only -0 needs help.
  number: (value: number) => `n:${Object.is(value, -0) ? '-0' : String(value)}`,
  boolean: (value: boolean) => `b:${value}`,
  date: (value: Date) => `d:${value.toISOString()}`,
};

const decoders: Record<string, (text: string) => ProfileValue | undefined> = {
  s: (text) => text,
  n: (text) => (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined),
  b: (text) => (text === 'true' ? true : text === 'false' ? false : undefined),
  d: (text) => {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
};

function encodeValue(field: string, value: ProfileValue): string {
  if (typeof value === 'string') return encoders.string(value);
  if (typeof value === 'boolean') return encoders.boolean(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Field "${field}": ${value} is not a finite number.`);
    return encoders.number(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`Field "${field}": the date is invalid.`);
    return encoders.date(value);
  }
  throw new TypeError(
    `Field "${field}": a profile value is a string, number, boolean or Date, not ${describe(value)}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A profile → the fields of its hash. Absent (`undefined`) fields are left out, so they
 * come back absent. Throws a `TypeError` naming the field for a value a hash cannot keep
 * faithfully (NaN, Infinity, an invalid Date, null, an object).
 */
export function toHash(profile: Profile): Record<string, string> {
  // Object.entries and Object.fromEntries see and write own properties, `__proto__` included;
  // `hash[field] = …` would set the prototype instead.
  const entries = Object.entries(profile).filter((entry): entry is [string, ProfileValue] => entry[1] !== undefined);
  return Object.fromEntries(entries.map(([field, value]) => [field, encodeValue(field, value)]));
}

/** The fields of a hash → the profile they encode. Throws a `TypeError` naming a field that was not written by `toHash`. */
export function fromHash(hash: Record<string, string>): Profile {
  return Object.fromEntries(
    Object.entries(hash).map(([field, text]) => {
      const value = decoders[text.slice(0, 1)]?.(text.slice(2));
      if (text.charAt(1) !== ':' || value === undefined) {
        throw new TypeError(
          `Field "${field}": "${text.slice(0, 40)}" is not a typed profile value (s:, n:, b: or d:).`,
        );
      }
      return [field, value];
    }),
  );
}
