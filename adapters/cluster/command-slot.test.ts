import { describe, expect, it } from 'vitest';
import { CrossSlotError } from '../errors/cross-slot-error.js';
import { keysOf, slotOfCommand, slotOfKeys } from './command-slot.js';
import { keySlot } from './key-slot.js';

describe('keysOf', () => {
  it('finds the keys of single-key, multi-key and script command lines', () => {
    expect(keysOf(['GET', 'a'])).toEqual(['a']);
    expect(keysOf(['MGET', 'a', 'b'])).toEqual(['a', 'b']);
    expect(keysOf(['EVALSHA', 'f00', '2', 'k1', 'k2', 'arg'])).toEqual(['k1', 'k2']);
    expect(keysOf(['BLPOP', 'q1', 'q2', '0'])).toEqual(['q1', 'q2']);
  });

  it('finds none for keyless and unknown commands', () => {
    expect(keysOf(['PING'])).toEqual([]);
    expect(keysOf(['PUBLISH', 'channel', 'message'])).toEqual([]);
    expect(keysOf(['NOSUCHCOMMAND', 'x'])).toEqual([]);
  });
});

describe('slotOfKeys', () => {
  it('gives the slot the keys share', () => {
    expect(slotOfKeys('MULTI', ['{cart:1}:items', '{cart:1}:total'])).toBe(keySlot('cart:1'));
  });

  it('gives undefined without keys', () => {
    expect(slotOfKeys('MULTI', [])).toBeUndefined();
  });

  it('throws CrossSlotError naming each key and its slot once', () => {
    const refuse = () => slotOfKeys('MULTI', ['foo', 'bar', 'foo']);
    expect(refuse).toThrow(CrossSlotError);
    expect(refuse).toThrow(
      'CROSSSLOT MULTI touches keys in different hash slots on Redis Cluster: "foo" (slot 12182), "bar" (slot 5061)',
    );
  });
});

describe('slotOfCommand', () => {
  it('names a script as such when its keys are in different slots', () => {
    expect(() => slotOfCommand(['EVALSHA', 'f00', '2', 'foo', 'bar'])).toThrow(/^CROSSSLOT a script \(EVALSHA\)/);
  });
});
