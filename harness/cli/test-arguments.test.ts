import { describe, expect, it } from 'vitest';
import { testArguments } from './test-arguments.mjs';

describe('testArguments', () => {
  it('runs once against the katas by default', () => {
    expect(testArguments(['katas/01-simple-cache'])).toEqual({
      vitest: ['vitest', 'run', 'katas/01-simple-cache'],
      target: 'katas',
      backend: undefined,
      verbose: false,
      ownReporter: false,
      projectGiven: false,
    });
  });

  it('watches when --watch is given', () => {
    expect(testArguments(['katas/01-simple-cache', '--watch']).vitest).toEqual([
      'vitest',
      'katas/01-simple-cache',
      '--watch',
    ]);
  });

  it('reads a solutions/ path as the katas/ path where the specs live', () => {
    const parsed = testArguments(['--solutions', 'solutions/01-simple-cache', '--project', 'mock']);
    expect(parsed.vitest).toEqual(['vitest', 'run', 'katas/01-simple-cache', '--project', 'mock']);
    expect(parsed.target).toBe('solutions');
    expect(parsed.projectGiven).toBe(true);
  });

  it('takes --backend, --verbose and -- for itself', () => {
    for (const argv of [['--backend', 'ioredis'], ['--backend=ioredis']]) {
      const parsed = testArguments(['--', 'katas/03-rate-limiter', ...argv, '--verbose']);
      expect(parsed).toMatchObject({ backend: 'ioredis', verbose: true });
      expect(parsed.vitest).toEqual(['vitest', 'run', 'katas/03-rate-limiter']);
    }
  });

  it('passes Vitest flags through unchanged, and notices a reporter of its own', () => {
    const parsed = testArguments(['-t', 'step 2', '--reporter=json']);
    expect(parsed.vitest).toEqual(['vitest', 'run', '-t', 'step 2', '--reporter=json']);
    expect(parsed.ownReporter).toBe(true);
  });
});
