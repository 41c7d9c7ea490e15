import { describe, expect, it } from 'vitest';
import { parseServeArguments } from './serve.js';

describe('parseServeArguments', () => {
  it('leaves cookies without Secure by default, for http://localhost', () => {
    expect(parseServeArguments(['02'], {}).secureCookies).toBe(false);
  });

  it('marks cookies Secure with --secure-cookies or KATA_SECURE_COOKIES=1', () => {
    expect(parseServeArguments(['02', '--secure-cookies'], {}).secureCookies).toBe(true);
    expect(parseServeArguments(['02'], { KATA_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('still finds the kata, the adapter and the port beside the flag', () => {
    const options = parseServeArguments(['--secure-cookies', '02', '--adapter', 'ioredis', '--port', '3100'], {});
    expect(options).toMatchObject({ kata: '02', adapter: 'ioredis', port: 3100, secureCookies: true });
  });
});
