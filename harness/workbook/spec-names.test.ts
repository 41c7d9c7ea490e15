import { describe, expect, it } from 'vitest';
import { namesSpec, specNamesByStep } from './spec-names.js';

const source = `
describe('step 1 · basics', () => {
  test('gets what was set', async () => {});
  it.concurrent(
    'wraps a long name \\'quoted\\'',
    async () => {},
  );
});
describe("step 2 · more", () => {
  test.for(['a', 'b'] as const)('works with %s', async () => {});
  test.skipIf(backend === 'mock')('needs a real Redis', async () => {});
});
`;

describe('specNamesByStep', () => {
  it('groups the test names under the step describe above them, wrapped names and each/for/skipIf included', () => {
    expect(Object.fromEntries(specNamesByStep(source))).toEqual({
      1: ['gets what was set', "wraps a long name 'quoted'"],
      2: ['works with %s', 'needs a real Redis'],
    });
  });
});

describe('namesSpec', () => {
  it('matches a name exactly, and %s as any text', () => {
    expect(namesSpec('gets what was set', 'gets what was set')).toBe(true);
    expect(namesSpec('gets what was set', 'gets what was stored')).toBe(false);
    expect(namesSpec('works with %s', 'works with a and b')).toBe(true);
    expect(namesSpec('works with %s (x)', 'works with a (y)')).toBe(false);
  });
});
