export { BatchError } from './batch-error.js';
export { CrossSlotError, type KeyInSlot } from './cross-slot-error.js';
export { IntegerRangeError } from './integer-range-error.js';
export { NoScriptError, RedisCommandError, WrongTypeError } from './redis-command-error.js';
export { RedisError } from './redis-error.js';
export { RedisUnavailableError } from './redis-unavailable-error.js';
export { UnsupportedCommandError } from './unsupported-command-error.js';
export { WatchConflictError } from './watch-conflict-error.js';
