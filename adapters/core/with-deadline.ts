import { realClearTimeout, realSetTimeout } from './real-timers.js';

/**
 * Settles like `work`, or rejects with `onTimeout()` when `ms` pass first. `undefined`
 * means no deadline.
 */
export function withDeadline<T>(work: Promise<T>, ms: number | undefined, onTimeout: () => Error): Promise<T> {
  if (ms === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const timer = realSetTimeout(() => reject(onTimeout()), Math.max(0, ms));
    work.then(
      (value) => {
        realClearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        realClearTimeout(timer);
        reject(error);
      },
    );
  });
}
