import { describe, expect, it } from 'vitest';
import { findKata, type KataInfo, UnknownKataError } from './find-kata.js';

const katas: KataInfo[] = [
  { id: '01-simple-cache', number: 1, name: 'simple-cache' },
  { id: '03-rate-limiter', number: 3, name: 'rate-limiter' },
];

describe('findKata', () => {
  it.each(['03', '3', '03-rate-limiter', 'rate-limiter', 'katas/03-rate-limiter/'])(
    'finds kata 03 from "%s"',
    (query) => {
      expect(findKata(katas, query)?.id).toBe('03-rate-limiter');
    },
  );

  it('finds nothing for an unknown kata', () => {
    expect(findKata(katas, '9')).toBeUndefined();
  });

  it('lists the valid katas when one is unknown', () => {
    expect(new UnknownKataError('nine', katas).message).toBe(
      'No kata "nine". Valid katas: 01-simple-cache, 03-rate-limiter (a number or a name works too).',
    );
  });
});
