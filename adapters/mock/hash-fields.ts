import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';

/**
 * ioredis-mock keeps a hash as a plain object and reads and writes it with `hash[field]`.
 * A field named `__proto__` is then the object's prototype, not a field (HSET loses it),
 * and a missing field named like a member of `Object.prototype` (`constructor`,
 * `toString`) is found there (HGET returns a function). Redis field names are just bytes:
 * here fields are own properties only, defined rather than assigned. The mock's storage
 * copies hashes with `{ ...hash }`, which keeps own properties, `__proto__` included.
 */

/** The mock's key → value storage, as ioredis-mock exposes it on a client. */
interface MockData {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const storage = (client: MockClient) => (client as unknown as { data: MockData }).data;

function storedHash(client: MockClient, key: string): Record<string, string> | undefined {
  const value = storage(client).get(key);
  return value !== null && typeof value === 'object' ? (value as Record<string, string>) : undefined;
}

const ownField = (hash: Record<string, string> | undefined, field: string): string | null =>
  hash !== undefined && Object.hasOwn(hash, field) ? (hash[field] ?? null) : null;

/** HSET key field value [field value …]: how many fields were new. */
export const emulateHSet: Emulation = async ({ client }, args) => {
  await assertKeyTypes(client, 'HSET', args);
  const [, key = '', ...pairs] = args;
  const hash = storedHash(client, key) ?? {};
  let added = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const field = pairs[i] ?? '';
    if (!Object.hasOwn(hash, field)) added += 1;
    Object.defineProperty(hash, field, { value: pairs[i + 1], enumerable: true, writable: true, configurable: true });
  }
  storage(client).set(key, hash);
  return added;
};

/** HGET key field: the value of an own field only. */
export const emulateHGet: Emulation = async ({ client }, args) => {
  await assertKeyTypes(client, 'HGET', args);
  return ownField(storedHash(client, args[1] ?? ''), args[2] ?? '');
};

/** HMGET key field …: the values of own fields only. */
export const emulateHMGet: Emulation = async ({ client }, args) => {
  await assertKeyTypes(client, 'HMGET', args);
  const hash = storedHash(client, args[1] ?? '');
  return args.slice(2).map((field) => ownField(hash, field));
};
