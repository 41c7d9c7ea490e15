/**
 * Provided: you do not need to edit this file.
 *
 * An index of the entries `POST /cache` wrote, so that `GET /cache/stats` and
 * `GET /cache?pattern=` cost the size of the cache, not of the whole keyspace. SCAN (step 5)
 * walks every key of the database, whatever its MATCH: 1.3 s per request at 300,000 keys
 * that are not the cache's. Right for a one-off clean-up; wrong for a route anyone can call.
 *
 * The index is a sorted set: one member per entry (its key), scored by when the entry
 * expires (ms since the epoch). Entries written and deleted through it stay in step with it
 * (one MULTI each); expired ones are dropped from it before every read. An entry Redis
 * evicted under memory pressure stays listed until its expiry time.
 *
 * On Redis Cluster a MULTI keeps to one hash slot: the cache's namespace and the index key
 * share a hash tag (`<prefix>{cache}:` and `<prefix>{cache}-index`).
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { Cache } from './cache.js';

export interface EntryIndexOptions {
  redis: RedisAdapter;
  /** The cache whose entries are indexed. */
  cache: Cache;
  /** The index's own key, outside the cache's namespace but with its hash tag, e.g. `app:{cache}-index`. */
  key: string;
}

export interface EntryIndex {
  /** Stores the entry with its TTL and indexes it, in one MULTI. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes the entry and its index member, in one MULTI. `true` when the entry existed. */
  delete(key: string): Promise<boolean>;
  /** How many entries live now. */
  count(): Promise<number>;
  /** The keys of the live entries matching a SCAN-style glob (`*`, `?`, `[abc]`, `\` escapes), sorted. */
  keys(pattern: string): Promise<string[]>;
  /** Deletes the entries matching `pattern` (UNLINK) and their index members. Returns how many existed. */
  clear(pattern: string): Promise<number>;
}

/** A SCAN MATCH glob as a RegExp over the whole key. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (char === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i] as string);
    else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const set = glob
          .slice(i + 1, end)
          .replace(/^\^|^!/, '^')
          .replace(/[\\\]]/g, '\\$&');
        source += `[${set}]`;
        i = end;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 's');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function createEntryIndex({ redis, cache, key: indexKey }: EntryIndexOptions): EntryIndex {
  /** The members whose entries have not expired yet, after dropping the others. */
  const liveMembers = async (): Promise<string[]> => {
    const [, members] = (await redis
      .multi()
      .zRemRangeByScore(indexKey, '-inf', Date.now())
      .zRange(indexKey, 0, -1)
      .exec()) as [number, string[]];
    return members;
  };

  return {
    async set(key, value, ttlSeconds) {
      const ttlMs = ttlSeconds * 1000;
      // The index lives as long as its longest entry: NX gives it a TTL, GT only ever extends it.
      await redis
        .multi()
        .set(cache.keyFor(key), value, { ex: ttlSeconds })
        .zAdd(indexKey, [{ member: key, score: Date.now() + ttlMs }])
        .pExpire(indexKey, ttlMs, 'nx')
        .pExpire(indexKey, ttlMs, 'gt')
        .exec();
    },

    async delete(key) {
      const [deleted] = (await redis.multi().del(cache.keyFor(key)).zRem(indexKey, key).exec()) as [number, number];
      return deleted === 1;
    },

    async count() {
      const [, count] = (await redis.multi().zRemRangeByScore(indexKey, '-inf', Date.now()).zCard(indexKey).exec()) as [
        number,
        number,
      ];
      return count;
    },

    async keys(pattern) {
      const matches = globToRegExp(pattern);
      return (await liveMembers()).filter((member) => matches.test(member)).sort();
    },

    async clear(pattern) {
      const matches = globToRegExp(pattern);
      const doomed = (await liveMembers()).filter((member) => matches.test(member));
      if (doomed.length === 0) return 0;
      const [unlinked] = (await redis
        .multi()
        .unlink(...doomed.map((member) => cache.keyFor(member)))
        .zRem(indexKey, ...doomed)
        .exec()) as [number, number];
      return unlinked;
    },
  };
}
