import { describe, expect, it } from 'vitest';
import { greenLines } from './kata-report.js';
import type { KataStatus, StepStatus } from './kata-status.js';

const kata = { id: '01-simple-cache', number: 1, name: 'simple-cache' };
const next = { id: '02-sessions', number: 2, name: 'sessions' };
const plain = (_style: string, text: string) => text;

function step(number: number, state: StepStatus['state'], passed = 0, notStarted = 0): StepStatus {
  return { number, title: `title ${number}`, state, passed, ran: 2, notStarted };
}

describe('greenLines', () => {
  const status: KataStatus = { kata, broken: [], state: 'done', steps: [step(1, 'passed', 2)] };

  it('says it all the first time', () => {
    expect(greenLines(status, ['SET with EX'], next, plain, true)).toEqual([
      '✓ kata 01-simple-cache is green: all 1 steps.',
      'What you learned:',
      '  - SET with EX',
      'Compare with the reference solution: pnpm kata diff 01',
      '  and run the specs on it: pnpm test:solutions katas/01-simple-cache',
      'Next: kata 02-sessions → pnpm kata watch 02 (read katas/02-sessions/README.md)',
    ]);
  });

  it('says it in one line the next times', () => {
    expect(greenLines(status, ['SET with EX'], undefined, plain, false)).toEqual([
      '✓ kata 01-simple-cache is green: all 1 steps. Compare: pnpm kata diff 01 · No other kata has steps yet: this was the last one so far.',
    ]);
  });
});
