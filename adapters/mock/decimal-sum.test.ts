import { describe, expect, it } from 'vitest';
import { decimalSum } from './decimal-sum.js';

describe('decimalSum (INCRBYFLOAT as Redis prints it)', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['9007199254740992', '0.25', '9007199254740992.25'],
    ['0x1A', '1', '27'],
    ['0', '1e21', '1000000000000000000000'],
    ['1e3', '-1000', '0'],
    ['-0.5', '0.25', '-0.25'],
    ['0', '1e-7', '0.0000001'],
    ['0', '0.123456789012345678', '0.12345678901234568'],
  ])('%s + %s is "%s"', (current, increment, expected) => {
    expect(decimalSum(current, increment)).toBe(expected);
  });

  it('gives up beyond 19 significant digits (a long double rounds there)', () => {
    expect(decimalSum('1234567890123456789', '0.5')).toBeNull();
    expect(decimalSum('x', '1')).toBeNull();
  });
});
