import { describe, expect, it } from 'vitest';
import { solutionCounterpart, specTargetFromEnv } from './katas-or-solutions.js';

describe('solutionCounterpart', () => {
  it('maps a starter file to the solution file of the same kata', () => {
    expect(solutionCounterpart('/w', '/w/katas/01-simple-cache/cache.ts')).toBe(
      '/w/solutions/01-simple-cache/cache.ts',
    );
  });

  it('never maps a spec file', () => {
    expect(solutionCounterpart('/w', '/w/katas/01-simple-cache/cache.spec.ts')).toBeNull();
  });

  it('never maps files outside a kata folder', () => {
    expect(solutionCounterpart('/w', '/w/katas/not-implemented-error.ts')).toBeNull();
    expect(solutionCounterpart('/w', '/w/adapters/redis-adapter.ts')).toBeNull();
  });
});

describe('specTargetFromEnv', () => {
  it('targets the solutions only when KATA_TARGET says so', () => {
    expect(specTargetFromEnv({ KATA_TARGET: 'solutions' })).toBe('solutions');
    expect(specTargetFromEnv({})).toBe('katas');
  });
});
