import { describe, expect, it } from 'vitest';
import { installRedisCommand, nodeSupport } from './doctor.js';
import { describeRedisVersion, meetsMinimumRedis } from './redis-version.js';
import { colourEnabled } from './terminal.js';

describe('nodeSupport', () => {
  it.each([
    ['v24.11.0', 'supported'],
    ['v22.12.0', 'supported'],
    ['v22.11.0', 'end-of-life'],
    ['v20.19.0', 'end-of-life'],
    ['v20.18.3', 'too-old'],
    ['v18.20.0', 'too-old'],
  ])('Node %s is %s', (version, expected) => {
    expect(nodeSupport(version)).toBe(expected);
  });
});

describe('the Redis version check', () => {
  it.each([
    ['7.0.15', true],
    ['7.4.1', true],
    ['8.0.0', true],
    ['6.2.14', false],
    ['unknown', undefined],
  ])('Redis %s meets 7.0: %s', (version, expected) => {
    expect(meetsMinimumRedis(version)).toBe(expected);
  });

  it('says why an old server is not enough, and the fix', () => {
    expect(describeRedisVersion('6.2.14', 'install Redis 7')).toEqual({
      ok: false,
      text: 'Redis 6.2.14 is too old: PEXPIRE … NX (kata 03) is new in Redis 7.0 → fix: install Redis 7',
    });
  });
});

describe('installRedisCommand', () => {
  it('names the one command for the platform', () => {
    expect(installRedisCommand('darwin', '')).toBe('brew install redis');
    expect(installRedisCommand('linux', '')).toContain('docker run -d -p 6379:6379 redis:7-alpine');
  });
});

describe('colourEnabled', () => {
  it('colours a TTY only, never with NO_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  });
});
