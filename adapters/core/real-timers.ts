/**
 * The timers and clock the adapters' deadlines run on, captured when this module loads: a
 * spec that fakes `setTimeout` or `Date` must not stop a deadline from firing, nor make a
 * command hang.
 */
export const realSetTimeout = globalThis.setTimeout;
export const realClearTimeout = globalThis.clearTimeout;
export const realNow = performance.now.bind(performance);
export const realNextTick = process.nextTick.bind(process);
export const realSetImmediate = globalThis.setImmediate;
