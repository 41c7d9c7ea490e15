/**
 * Provided: you do not need to edit this file.
 *
 * What `POST /locks/:resource` answers (step 8): its result, its 409 errors, and the
 * single-instance lock's TTL.
 */
import { defineHttpError } from '../../server-kit/index.js';

export const LockedError = defineHttpError('locked', 409, 'Another holder has this lock; try again later.');
export const LockLostHttpError = defineHttpError(
  'lock_lost',
  409,
  'The lock expired and another owner took it before release: the hold was not exclusive.',
);

/** What `POST /locks/:resource` answers after a successful hold. */
export interface HoldResult {
  resource: string;
  fencingToken: number;
  heldMs: number;
}

/** Holds the lock on `resource` for `holdMs`, then releases it; throws the HTTP error of the contract otherwise. */
export type HoldLock = (resource: string, holdMs: number) => Promise<HoldResult>;

/** The single-instance lock's TTL, renewed every third of it while held: a crashed server frees it within 2 s. */
export const LOCK_TTL_MS = 2_000;
