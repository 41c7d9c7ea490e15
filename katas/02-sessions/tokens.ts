import { NotImplementedError } from '../not-implemented-error.js';

/** 32 bytes: 256 random bits, twice the 128 that make a token unguessable. */
export const TOKEN_BYTES = 32;

/**
 * Step 1. A new session token: `TOKEN_BYTES` bytes from a cryptographic random source, in
 * base64url (43 characters, safe in a cookie and a header). Read README.md, "Step 1".
 */
export function createToken(): string {
  throw new NotImplementedError('02-sessions', 1, 'createToken()');
}

/**
 * Step 1. The session's id: the SHA-256 of the token, in base64url. Redis keys, lists and
 * logs carry the id, never the token.
 */
export function sessionIdOf(token: string): string {
  void token;
  throw new NotImplementedError('02-sessions', 1, 'sessionIdOf(token)');
}
