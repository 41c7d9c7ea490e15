import { profileKey } from '../../katas/05-shopping-cart/keys.js';
import type { Profile } from '../../katas/05-shopping-cart/profile-codec.js';
import type { ProfileStore, ProfileStoreOptions } from '../../katas/05-shopping-cart/profile-store.js';
import { fromHash, toHash } from './profile-codec.js';

/** User profiles, one hash each, with their types kept (see `profile-codec.ts`). */
export function createProfileStore({ redis, namespace }: ProfileStoreOptions): ProfileStore {
  const keyFor = (userId: string) => profileKey(namespace, userId);
  return {
    keyFor,

    async save(userId, profile) {
      // Encode first: a bad value throws here, before anything is written.
      const fields = toHash(profile);
      const key = keyFor(userId);
      // DEL then HSET in one MULTI: the new profile replaces the old one whole (a field
      // left out is gone), and no reader ever sees half of each.
      const batch = redis.multi().del(key);
      if (Object.keys(fields).length > 0) batch.hSet(key, fields);
      await batch.exec();
    },

    async load(userId): Promise<Profile | null> {
      const hash = await redis.hGetAll(keyFor(userId));
      return Object.keys(hash).length === 0 ? null : fromHash(hash);
    },

    async remove(userId) {
      return (await redis.del(keyFor(userId))) === 1;
    },
  };
}
