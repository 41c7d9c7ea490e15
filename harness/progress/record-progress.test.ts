import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KataStatus, StepState } from '../workbook/kata-status.js';
import { emptyProgress, readProgress, writeProgress } from './progress-file.js';
import { forgetKata, recordHint, recordRun } from './record-progress.js';

const kata = { id: '01-simple-cache', number: 1, name: 'simple-cache' };

function status(states: StepState[], state: KataStatus['state']): KataStatus {
  return {
    kata,
    broken: [],
    state,
    steps: states.map((each, index) => ({
      number: index + 1,
      title: '',
      state: each,
      passed: 0,
      ran: 1,
      notStarted: 0,
    })),
  };
}

describe('recordRun', () => {
  it('keeps what the last run of a step said when this run did not run it', () => {
    const first = recordRun(emptyProgress(), status(['passed', 'not-started', 'not-started'], 'in-progress'));
    const focused = recordRun(first, status(['not-run', 'passed', 'not-run'], 'in-progress'));
    expect(focused.katas[kata.id]).toMatchObject({ stepsPassed: [1, 2], stepsTotal: 3, state: 'in-progress' });
  });

  it('forgets a step that turned red, and says done only after a run of every step', () => {
    const progress = recordRun(emptyProgress(), status(['passed', 'passed', 'not-run'], 'in-progress'));
    expect(recordRun(progress, status(['not-run', 'not-run', 'passed'], 'in-progress')).katas[kata.id]?.state).toBe(
      'in-progress',
    );
    expect(
      recordRun(progress, status(['failing', 'passed', 'passed'], 'in-progress')).katas[kata.id]?.stepsPassed,
    ).toEqual([2, 3]);
    expect(recordRun(progress, status(['passed', 'passed', 'passed'], 'done')).katas[kata.id]?.state).toBe('done');
  });
});

describe('the progress file', () => {
  const root = mkdtempSync(join(tmpdir(), 'kata-progress-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips, in a stable order, with hints and a forgotten kata', () => {
    let progress = recordRun(emptyProgress(), status(['passed', 'not-started'], 'in-progress'));
    progress = recordHint(progress, '02-sessions', 3, 2);
    progress = recordHint(progress, kata.id, 2, 1);
    writeProgress(root, progress);
    const text = readFileSync(join(root, '.katas/progress.json'), 'utf8');
    expect(text.indexOf('01-simple-cache')).toBeLessThan(text.indexOf('02-sessions'));
    expect(text).toContain('"stepsPassed": [1],');
    expect(readProgress(root)).toEqual(progress);
    expect(Object.keys(forgetKata(progress, kata.id).katas)).toEqual(['02-sessions']);
  });

  it('reads a missing or damaged file as empty', () => {
    expect(readProgress(join(root, 'nowhere'))).toEqual(emptyProgress());
  });
});
