import { describe, expect, it } from 'vitest';
import type { SpecOutcome } from '../reporters/spec-outcomes.js';
import { kataScreen, type ScreenOptions } from './kata-screen.js';
import { summarizeKata } from './kata-status.js';

const kata = { id: '01-simple-cache', number: 1, name: 'simple-cache' };
const readme = { steps: [1, 2, 3].map((number) => ({ number, title: `title ${number}`, hints: [] })), learned: [] };
const plain = (_style: string, text: string) => text;

function outcome(step: number, test: string, project: string, failure?: string | 'not-implemented'): SpecOutcome {
  const notImplemented = failure === 'not-implemented';
  const error = notImplemented
    ? `NotImplementedError: Not started yet: step${step}Function("x") (01, step ${step})`
    : failure;
  return {
    project,
    kataId: kata.id,
    file: 'katas/01-simple-cache/cache.spec.ts',
    titles: [`step ${step} · title ${step}`, test],
    state: failure ? 'failed' : 'passed',
    notImplemented,
    ...(error ? { error, failure: { message: error } } : {}),
  };
}

function screen(specs: SpecOutcome[], backends: string[], options: Partial<ScreenOptions> = {}): string[] {
  const status = summarizeKata(kata, readme, { specs, broken: [] });
  return kataScreen(status, specs, {
    root: '/nowhere',
    paint: plain,
    backends,
    failures: true,
    stepsOfFile: () => [],
    ...options,
  });
}

describe('kataScreen', () => {
  it('names the first step not green and shows its failures only; later steps get one line', () => {
    const lines = screen(
      [
        outcome(1, 'a', 'mock'),
        outcome(2, 'b', 'mock', 'expected 1 to be 2'),
        outcome(2, 'c', 'mock'),
        outcome(3, 'd', 'mock', 'expected 3 to be 4'),
      ],
      ['mock'],
    );
    expect(lines[0]).toBe('kata 01-simple-cache · now: step 2 of 3 · title 2');
    expect(lines).toContain('  ✓ step 1 · title 1');
    expect(lines).toContain('  ▶ step 2 · title 2: 1 of 2 tests green, 1 failing');
    expect(lines).toContain('      expected 1 to be 2');
    expect(lines).toContain('  ○ step 3 · title 3: 0 of 1 test green, 1 failing');
    expect(lines.join('\n')).not.toContain('expected 3 to be 4');
  });

  it('shows a failure that is alike on every backend once, and counts tests once', () => {
    const failing = ['mock', 'ioredis', 'node-redis'].map((project) => outcome(1, 'a', project, 'expected 1 to be 2'));
    const lines = screen(failing, ['mock', 'ioredis', 'node-redis']);
    expect(lines.filter((line) => line.includes('expected 1 to be 2'))).toHaveLength(1);
    expect(lines).toContain('  ▶ step 1 · title 1: 0 of 1 test green, 1 failing');
  });

  it('names the backends a failure is limited to', () => {
    const lines = screen(
      [outcome(1, 'a', 'mock'), outcome(1, 'a', 'ioredis', 'expected 1 to be 2')],
      ['mock', 'ioredis'],
    );
    expect(lines).toContain('    ✗ cache.spec.ts › a (fails on ioredis only)');
  });

  it('groups "not started yet" tests by the starter function that throws', () => {
    const lines = screen(
      [outcome(1, 'a', 'mock', 'not-implemented'), outcome(1, 'b', 'mock', 'not-implemented')],
      ['mock'],
    );
    expect(lines).toContain('  ▶ step 1 · title 1: not started yet (2 tests)');
    expect(lines).toContain('      step1Function · 2 tests');
  });

  it('says which steps could not load, and puts them first', () => {
    const specs = [outcome(1, 'a', 'mock'), outcome(3, 'd', 'mock', 'not-implemented')];
    const status = summarizeKata(kata, readme, {
      specs,
      broken: [{ project: 'mock', kataId: kata.id, file: 'katas/01-simple-cache/x.spec.ts', message: 'SyntaxError' }],
    });
    const lines = kataScreen(status, specs, {
      root: '/nowhere',
      paint: plain,
      backends: ['mock'],
      failures: true,
      stepsOfFile: () => [2],
    });
    expect(lines[0]).toBe('kata 01-simple-cache · step 2 could not load');
    expect(lines).toContain('  ! step 2 could not load: x.spec.ts failed to import:');
    expect(lines).toContain('  ○ step 3 · title 3: not started yet (1 test)');
  });
});
