import { NotImplementedError } from '../not-implemented-error.js';
import type { FencedStore, FencingTokens, LockOptions } from './lock.js';

/** Step 5. Fencing tokens from INCR on `<namespace>fence:<resource>`. Read README.md, "Step 5". */
export function createFencingTokens({ redis, namespace }: LockOptions): FencingTokens {
  void redis;
  void namespace;
  return {
    keyFor(resource) {
      throw new NotImplementedError('08-distributed-lock', 5, `fencingTokens.keyFor("${resource}")`);
    },
    async next(resource) {
      throw new NotImplementedError('08-distributed-lock', 5, `fencingTokens.next("${resource}")`);
    },
  };
}

/** Step 5. A store that refuses a write whose token is not newer than the last accepted one (a Lua script). */
export function createFencedStore({ redis, namespace }: LockOptions): FencedStore {
  void redis;
  void namespace;
  const notYet = (what: string) => new NotImplementedError('08-distributed-lock', 5, what);
  return {
    keyFor(resource) {
      throw notYet(`fencedStore.keyFor("${resource}")`);
    },
    logKeyFor(resource) {
      throw notYet(`fencedStore.logKeyFor("${resource}")`);
    },
    async write(resource, token) {
      throw notYet(`fencedStore.write("${resource}", ${token}, …)`);
    },
    async read(resource) {
      throw notYet(`fencedStore.read("${resource}")`);
    },
    async writes(resource) {
      throw notYet(`fencedStore.writes("${resource}")`);
    },
  };
}
