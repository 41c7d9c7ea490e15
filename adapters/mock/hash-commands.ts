import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandNameOf } from '../core/command-facts.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';

/**
 * The hash commands, on the mock's stored objects by own keys only. ioredis-mock keeps a
 * hash as a plain object and writes `hash[field] = value`: a field named `__proto__`
 * replaces the prototype instead of being stored, and reads of a missing `toString` or
 * `constructor` find `Object.prototype`'s (HGET answers a function, HEXISTS and HLEN
 * miscount). Here fields live in a Map while a command runs and are stored with
 * `Object.fromEntries`, which keeps every name as an ordinary own key.
 */

/** ioredis-mock's keyspace: `get` returns a copy of the stored value, `set` stores a copy. */
interface MockData {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const dataOf = (client: MockClient) => (client as unknown as { data: MockData }).data;

/** The fields of the hash at `key` (empty when missing); the caller has checked its type. */
export function readHash(client: MockClient, key: string): Map<string, string> {
  const stored = dataOf(client).get(key);
  return new Map(stored && typeof stored === 'object' ? Object.entries(stored as Record<string, string>) : []);
}

/** Stores `fields` at `key`, keeping its TTL; an empty hash deletes the key, as Redis does. */
export function writeHash(client: MockClient, key: string, fields: Map<string, string>): void {
  if (fields.size === 0) dataOf(client).delete(key);
  else dataOf(client).set(key, Object.fromEntries(fields));
}

const wrongArity = (command: string) =>
  classifyReplyError(`ERR wrong number of arguments for '${command.toLowerCase()}' command`, command);

/** HSET / HMSET key field value [field value …]: HSET answers how many fields are new, HMSET OK. */
export const emulateHSet: Emulation = async ({ client }, args) => {
  const [command = '', key = ''] = args;
  const pairs = args.slice(2);
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw wrongArity(command);
  await assertKeyTypes(client, command, args);
  const fields = readHash(client, key);
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const field = pairs[i] as string;
    if (!fields.has(field)) added++;
    fields.set(field, pairs[i + 1] as string);
  }
  writeHash(client, key, fields);
  return command === 'HMSET' ? 'OK' : added;
};

/** HSETNX key field value: 1 when the field was new and is now set, else 0. */
export const emulateHSetNx: Emulation = async ({ client }, args) => {
  const [, key = '', field = '', value = ''] = args;
  await assertKeyTypes(client, 'HSETNX', args);
  const fields = readHash(client, key);
  if (fields.has(field)) return 0;
  fields.set(field, value);
  writeHash(client, key, fields);
  return 1;
};

/** HDEL key field …: how many of the fields existed. */
export const emulateHDel: Emulation = async ({ client }, args) => {
  const [, key = ''] = args;
  await assertKeyTypes(client, 'HDEL', args);
  const fields = readHash(client, key);
  const removed = args.slice(2).filter((field) => fields.delete(field)).length;
  if (removed > 0) writeHash(client, key, fields);
  return removed;
};

/** The read-only hash commands, each a function of the fields and the command line. */
const reads: Record<string, (fields: Map<string, string>, args: string[]) => unknown> = {
  HGET: (fields, args) => fields.get(args[2] ?? '') ?? null,
  HMGET: (fields, args) => args.slice(2).map((field) => fields.get(field) ?? null),
  HGETALL: (fields) => [...fields].flat(),
  HLEN: (fields) => fields.size,
  HEXISTS: (fields, args) => (fields.has(args[2] ?? '') ? 1 : 0),
  HKEYS: (fields) => [...fields.keys()],
  HVALS: (fields) => [...fields.values()],
  HSTRLEN: (fields, args) => Buffer.byteLength(fields.get(args[2] ?? '') ?? ''),
};

/** HGET, HMGET, HGETALL (a flat `[field, value, …]` array, as RESP2), HLEN, HEXISTS, HKEYS, HVALS, HSTRLEN. */
export const emulateHashRead: Emulation = async ({ client }, args) => {
  const command = commandNameOf(args);
  await assertKeyTypes(client, command, args);
  return reads[command]?.(readHash(client, args[1] ?? ''), args);
};

/** The upper-case names of the hash emulations, for `emulations.ts`. */
export const hashEmulations: Readonly<Record<string, Emulation>> = {
  HSET: emulateHSet,
  HMSET: emulateHSet,
  HSETNX: emulateHSetNx,
  HDEL: emulateHDel,
  ...Object.fromEntries(Object.keys(reads).map((name) => [name, emulateHashRead])),
};
