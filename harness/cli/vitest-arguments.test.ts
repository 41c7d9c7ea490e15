import { describe, expect, it } from 'vitest';
import { vitestArguments } from './vitest-arguments.js';

describe('vitestArguments', () => {
  it('runs once against the katas by default', () => {
    expect(vitestArguments(['katas/01-simple-cache'])).toEqual({
      args: ['run', 'katas/01-simple-cache'],
      target: 'katas',
    });
  });

  it('watches when --watch is given', () => {
    expect(vitestArguments(['katas/01-simple-cache', '--watch']).args).toEqual(['katas/01-simple-cache', '--watch']);
  });

  it('reads a solutions/ path as the katas/ path where the specs live', () => {
    expect(vitestArguments(['--solutions', 'solutions/01-simple-cache', '--project', 'mock'])).toEqual({
      args: ['run', 'katas/01-simple-cache', '--project', 'mock'],
      target: 'solutions',
    });
  });

  it('passes Vitest flags through unchanged', () => {
    expect(vitestArguments(['-t', 'step 2', '--reporter=json']).args).toEqual([
      'run',
      '-t',
      'step 2',
      '--reporter=json',
    ]);
  });
});
