import { describe, expect, it } from 'vitest';
import { fromWire } from './wire-replies.js';

describe('fromWire', () => {
  it('turns integer digits into exact numbers up to ±2^53, bigints beyond', () => {
    expect(fromWire('9007199254740991')).toBe(9007199254740991);
    expect(fromWire('9007199254740992')).toBe(2 ** 53);
    expect(fromWire('-9007199254740992')).toBe(-(2 ** 53));
    expect(fromWire('9007199254740993')).toBe(9007199254740993n);
    expect(fromWire('-9223372036854775808')).toBe(-9223372036854775808n);
  });

  it('turns Buffers (string replies) into strings, so "5" stays a string', () => {
    expect(fromWire(Buffer.from('5'))).toBe('5');
    expect(fromWire([Buffer.from('a'), '1', null, [Buffer.from('')]])).toEqual(['a', 1, null, ['']]);
  });

  it('leaves anything else as it is (nil, error objects)', () => {
    const error = new Error('ERR x');
    expect(fromWire(null)).toBeNull();
    expect(fromWire(error)).toBe(error);
  });
});
