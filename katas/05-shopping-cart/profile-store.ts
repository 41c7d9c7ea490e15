import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { Profile } from './profile-codec.js';

export interface ProfileStoreOptions {
  redis: RedisAdapter;
  /** Put in front of every key (see `profileKey` in `keys.ts`). */
  namespace: string;
}

/** User profiles, one hash per user, with their types kept. */
export interface ProfileStore {
  /** The profile's key: `profileKey(namespace, userId)`. */
  keyFor(userId: string): string;
  /**
   * Writes `profile` as the user's whole profile: fields it leaves out are gone afterwards.
   * A value `toHash` refuses throws before anything is written.
   */
  save(userId: string, profile: Profile): Promise<void>;
  /** The user's profile, types restored; `null` when there is none. */
  load(userId: string): Promise<Profile | null>;
  /** Deletes the profile; `true` when there was one. */
  remove(userId: string): Promise<boolean>;
}

/** Step 1. A profile store on `redis`, under `namespace`. */
export function createProfileStore(options: ProfileStoreOptions): ProfileStore {
  void options;
  throw new NotImplementedError('05-shopping-cart', 1, 'createProfileStore(…)');
}
