import { createHash, randomBytes } from 'node:crypto';

/** 32 bytes: 256 random bits, twice the 128 that make a token unguessable. */
export const TOKEN_BYTES = 32;

/**
 * A new session token: `TOKEN_BYTES` bytes from the operating system's cryptographic random
 * source, in base64url (43 characters, safe in a cookie and a header). Never `Math.random()`,
 * a timestamp or a counter: those can be predicted.
 */
export function createToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * The session's id: the SHA-256 of the token, in base64url. Redis keys, lists and logs carry
 * the id, never the token: whoever reads them (a dump, MONITOR, a log file) learns nothing
 * they can log in with, because a hash cannot be turned back into its token.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
