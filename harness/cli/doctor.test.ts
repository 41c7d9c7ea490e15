import { describe, expect, it } from 'vitest';
import { installRedisCommand, satisfiesMinimum } from './doctor.js';
import { colourEnabled } from './terminal.js';

describe('satisfiesMinimum', () => {
  it.each([
    ['>=20.19', 'v20.19.0', true],
    ['>=20.19', 'v22.1.0', true],
    ['>=20.19', 'v20.18.3', false],
    ['>=20.19', 'v18.20.0', false],
  ])('%s with Node %s is %s', (range, version, expected) => {
    expect(satisfiesMinimum(range, version)).toBe(expected);
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
