import { describe, expect, it } from 'vitest';
import { greenLines, progressLines } from './kata-report.js';
import type { KataStatus, StepStatus } from './kata-status.js';

const kata = { id: '01-simple-cache', number: 1, name: 'simple-cache' };
const next = { id: '02-sessions', number: 2, name: 'sessions' };
const plain = (_style: string, text: string) => text;

function step(number: number, state: StepStatus['state'], passed = 0, notStarted = 0): StepStatus {
  return { number, title: `title ${number}`, state, passed, ran: 2, notStarted };
}

describe('progressLines', () => {
  it('groups green steps and the steps not started after the first one', () => {
    const status: KataStatus = {
      kata,
      broken: [],
      state: 'in-progress',
      steps: [
        step(1, 'passed', 2),
        step(2, 'passed', 2),
        step(3, 'not-started', 0, 2),
        step(4, 'not-started', 0, 2),
        step(5, 'not-started', 0, 2),
      ],
    };
    expect(progressLines(status, plain)).toEqual([
      'kata 01-simple-cache · 2 of 5 steps green',
      '  ✓ steps 1–2',
      '  ○ step 3 · title 3: not started yet',
      '      read katas/01-simple-cache/README.md, "Step 3" · hint: pnpm kata hint 01 3',
      '  ○ steps 4–5: not started yet',
      '  One step at a time, re-run on save: pnpm kata watch 01',
    ]);
  });

  it('tells a step half written from a step failing', () => {
    const status: KataStatus = {
      kata,
      broken: [],
      state: 'in-progress',
      steps: [step(1, 'failing', 1, 1), { ...step(2, 'failing', 1), firstError: 'expected 1 to be 2' }],
    };
    expect(progressLines(status, plain).slice(1)).toEqual([
      '  ◐ step 1 · title 1: 1 of 2 tests green, the other 1 not started yet',
      '      next: katas/01-simple-cache/README.md, "Step 1" · hint: pnpm kata hint 01 1',
      '  ✗ step 2 · title 2: 1 of 2 tests failing',
      '      expected 1 to be 2',
      '      stuck? pnpm kata hint 01 2',
      '  One step at a time, re-run on save: pnpm kata watch 01',
    ]);
  });
});

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
