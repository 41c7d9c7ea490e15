/**
 * The contract between the kata READMEs and the `kata` CLI, checked on the real katas:
 * a `## Step N — title` section for every step the specs name, each with a `### Hints`
 * ladder of at least two levels whose last names the exact commands (in backticks), and
 * a `## What you learned` list. Katas without specs yet ("on their way") are skipped.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { readKataReadme } from './kata-readme.js';
import { specStepNumbers } from './spec-steps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const katas = listKatas(root).filter((kata) => specStepNumbers(root, kata).length > 0);

describe.each(katas.map((kata) => [kata.id, kata] as const))('the README of %s', (_id, kata) => {
  const readme = readKataReadme(root, kata.id);

  it('has a "## Step N — title" section for each step of the specs, and no other', () => {
    expect(readme.steps.map((step) => step.number)).toEqual(specStepNumbers(root, kata));
    for (const step of readme.steps) expect(step.title, `step ${step.number}`).not.toBe('');
  });

  it('gives every step a hint ladder whose last level names the exact commands', () => {
    for (const step of readme.steps) {
      expect(step.hints.length, `hints of step ${step.number}`).toBeGreaterThanOrEqual(2);
      expect(step.hints.at(-1), `last hint of step ${step.number}`).toMatch(/`[^`]+`/);
    }
  });

  it('says what was learned', () => {
    expect(readme.learned.length).toBeGreaterThan(0);
  });
});
