import { describe, expect, it } from 'vitest';
import { parseStepTitle, stepNamePattern } from './step-title.js';

describe('parseStepTitle', () => {
  it.each([
    ['step 1 · key/value with TTL', { number: 1, title: 'key/value with TTL' }],
    ['Step 12: server', { number: 12, title: 'server' }],
    ['step 3', { number: 3, title: '' }],
  ])('reads "%s"', (title, expected) => {
    expect(parseStepTitle(title)).toEqual(expected);
  });

  it('is null for a describe that is not a step', () => {
    expect(parseStepTitle('cache helpers')).toBeNull();
    expect(parseStepTitle('steps 1')).toBeNull();
  });
});

describe('stepNamePattern', () => {
  it('selects step 1 and not step 10', () => {
    const pattern = new RegExp(stepNamePattern(1));
    expect(pattern.test('step 1 · get and set returns the value')).toBe(true);
    expect(pattern.test('step 10 · server answers')).toBe(false);
  });
});
