import { describe, expect, it } from 'vitest';
import { longDoubleSum } from './long-double.js';

/** Each expected text is what redis-server 7.0.15 (x86-64) answered to SET k <a>, INCRBYFLOAT k <b>. */
describe('longDoubleSum (INCRBYFLOAT as Redis computes and prints it)', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['9007199254740992', '0.25', '9007199254740992.25'],
    ['1e3', '1e21', '1000000000000000001024'],
    ['0x1A', '1', '27'],
    ['0', '1e21', '1000000000000000000000'],
    ['1e3', '-1000', '0'],
    ['-0.5', '0.25', '-0.25'],
    ['0', '1e-7', '0.0000001'],
    ['9223372036854775807', '0.25', '9223372036854775807'],
    ['1000.1', '0', '1000.09999999999999998'],
    ['0.1', '0.7', '0.8'],
    ['123456.789', '0.001', '123456.78999999999999915'],
    ['5e-324', '0', '0'],
  ])('%s + %s is "%s"', (current, increment, expected) => {
    expect(longDoubleSum(current, increment)).toBe(expected);
  });

  it('answers null for a text Redis does not read as a float', () => {
    expect(longDoubleSum('x', '1')).toBeNull();
  });
});
