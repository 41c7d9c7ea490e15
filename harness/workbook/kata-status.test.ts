import { describe, expect, it } from 'vitest';
import type { SpecOutcome } from '../reporters/spec-outcomes.js';
import { currentStep, summarizeKata } from './kata-status.js';

const kata = { id: '01-simple-cache', number: 1, name: 'simple-cache' };
const readme = {
  steps: [1, 2, 3, 4].map((number) => ({ number, title: `README step ${number}` })),
  learned: [],
};

function spec(step: number, state: SpecOutcome['state'], notImplemented = false, project = 'mock'): SpecOutcome {
  return {
    project,
    kataId: kata.id,
    file: 'katas/01-simple-cache/cache.spec.ts',
    titles: [`step ${step} · spec step ${step}`, 'a test'],
    state,
    notImplemented,
    ...(state === 'failed' ? { error: notImplemented ? 'Not started yet' : 'expected 1 to be 2' } : {}),
  };
}

describe('summarizeKata', () => {
  it('reads a step as green, failing, not started or not run', () => {
    const status = summarizeKata(kata, readme, {
      specs: [spec(1, 'passed'), spec(2, 'passed'), spec(2, 'failed'), spec(3, 'skipped')],
      broken: [],
    });
    expect(status.steps.map((step) => [step.number, step.state, step.title])).toEqual([
      [1, 'passed', 'spec step 1'],
      [2, 'failing', 'spec step 2'],
      [3, 'not-run', 'spec step 3'],
      [4, 'not-run', 'README step 4'],
    ]);
    expect(status.steps[1]?.firstError).toBe('expected 1 to be 2');
    expect(status.state).toBe('in-progress');
    expect(currentStep(status)?.number).toBe(2);
  });

  it('calls a kata whose failures are all NotImplementedError not started', () => {
    const status = summarizeKata(kata, readme, {
      specs: [1, 2, 3, 4].map((step) => spec(step, 'failed', true)),
      broken: [],
    });
    expect(status.steps.map((step) => step.state)).toEqual([
      'not-started',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(status.state).toBe('not-started');
  });

  it('needs a step green on every project that ran it', () => {
    const status = summarizeKata(kata, readme, {
      specs: [1, 2, 3, 4].flatMap((step) => [
        spec(step, 'passed'),
        spec(step, step === 3 ? 'failed' : 'passed', false, 'ioredis'),
      ]),
      broken: [],
    });
    expect(status.state).toBe('in-progress');
    expect(currentStep(status)?.number).toBe(3);
  });

  it('is done when every step is green, and broken when a spec file did not load', () => {
    const specs = [1, 2, 3, 4].map((step) => spec(step, 'passed'));
    expect(summarizeKata(kata, readme, { specs, broken: [] }).state).toBe('done');
    const broken = [{ project: 'mock', kataId: kata.id, file: 'katas/01-simple-cache/x.spec.ts', message: 'boom' }];
    expect(summarizeKata(kata, readme, { specs, broken: [...broken, ...broken] }).broken).toHaveLength(1);
    expect(summarizeKata(kata, readme, { specs, broken }).state).toBe('broken');
  });
});
