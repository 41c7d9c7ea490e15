import { describe, expect, it } from 'vitest';
import { describeJudge, includesBackend, parseBackendChoice, takeBackendOption } from './backend-choice.js';

describe('the backend choice', () => {
  it('takes --backend out of the arguments, in both spellings', () => {
    expect(takeBackendOption(['status', '--backend', 'all'])).toEqual({ rest: ['status'], backend: 'all' });
    expect(takeBackendOption(['watch', '01', '--backend=ioredis'])).toEqual({
      rest: ['watch', '01'],
      backend: 'ioredis',
    });
    expect(takeBackendOption(['watch'])).toEqual({ rest: ['watch'], backend: undefined });
  });

  it('refuses a backend that does not exist, naming the ones that do', () => {
    expect(() => parseBackendChoice('redis')).toThrow(
      '--backend must be one of mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all, not "redis".',
    );
  });

  it('runs the mock always with all, a real backend only when a Redis is found', () => {
    expect(includesBackend('all', 'mock', false)).toBe(true);
    expect(includesBackend('all', 'ioredis', false)).toBe(false);
    expect(includesBackend('all', 'ioredis', true)).toBe(true);
    expect(includesBackend('mock', 'ioredis', true)).toBe(false);
  });

  it('states the judge in one line', () => {
    expect(describeJudge(['mock'])).toBe(
      'Judged on the mock (in-memory Redis) · choose with --backend mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all',
    );
    expect(describeJudge(['ioredis'])).toMatch(/^Judged on ioredis on a real Redis · /);
  });
});
