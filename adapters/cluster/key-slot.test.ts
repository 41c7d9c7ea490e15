import { describe, expect, it } from 'vitest';
import { crc16, hashedPart, keySlot } from './key-slot.js';

describe('crc16', () => {
  it('gives the XMODEM check value for "123456789"', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });
});

describe('keySlot', () => {
  it('gives the slots Redis gives (CLUSTER KEYSLOT)', () => {
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('bar')).toBe(5061);
    expect(keySlot('')).toBe(0);
  });

  it('hashes only the hash tag when there is one', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
    expect(keySlot('{user1000}.followers')).toBe(keySlot('{user1000}.following'));
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    expect(keySlot('é')).toBe(crc16(Buffer.from([0xc3, 0xa9])) % 16384);
  });
});

describe('hashedPart', () => {
  it('takes the text between the first { and the next }', () => {
    expect(hashedPart('a{b}c{d}')).toBe('b');
    expect(hashedPart('{a{b}c}')).toBe('a{b');
  });

  it('hashes the whole key when the tag is empty or unclosed', () => {
    expect(hashedPart('{}key')).toBe('{}key');
    expect(hashedPart('{key')).toBe('{key');
  });
});
