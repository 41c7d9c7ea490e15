/** Base class of every error an adapter throws. `instanceof RedisError` catches them all. */
export class RedisError extends Error {
  override name = 'RedisError';
}
