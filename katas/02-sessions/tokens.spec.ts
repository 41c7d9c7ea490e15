import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createToken, sessionIdOf } from './tokens.js';

describe('step 1 · create/read/delete a session', () => {
  test('createToken makes at least 128 random bits, in base64url', () => {
    const token = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(token, 'base64url');
    expect(bytes.length).toBeGreaterThanOrEqual(16);
    expect(bytes.toString('base64url')).toBe(token);
  });

  test('createToken never makes the same token twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createToken()));
    expect(tokens.size).toBe(1000);
  });

  test('sessionIdOf is the SHA-256 of the token, in base64url', () => {
    const token = createToken();
    expect(sessionIdOf(token)).toBe(createHash('sha256').update(token).digest('base64url'));
  });

  test('sessionIdOf gives one token one id, and two tokens two ids', () => {
    const [a, b] = [createToken(), createToken()];
    expect(sessionIdOf(a)).toBe(sessionIdOf(a));
    expect(sessionIdOf(a)).not.toBe(sessionIdOf(b));
    expect(sessionIdOf(a)).not.toContain(a);
  });
});
