/**
 * The contract between the kata READMEs, their HINTS.md and the `kata` CLI, checked on the
 * real katas: a `## Step N — title` section for every step the specs name, each ending
 * with the line that points to `pnpm kata hint`; a hint ladder per step in HINTS.md, of at
 * least two levels whose last names the exact commands (in backticks), and none left open
 * in the README; the server's `## HTTP contract`; a `## What you learned` list. Katas without specs yet are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { readKataHints } from './kata-hints.js';
import { readKataReadme } from './kata-readme.js';
import { shortId } from './learner-commands.js';
import { splitSections, stepHeading } from './markdown-sections.js';
import { specStepNumbers } from './spec-steps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const katas = listKatas(root).filter((kata) => specStepNumbers(root, kata).length > 0);

describe.each(katas.map((kata) => [kata.id, kata] as const))('the README of %s', (_id, kata) => {
  const readme = readKataReadme(root, kata.id);
  const markdown = readFileSync(join(root, 'katas', kata.id, 'README.md'), 'utf8');
  const hints = readKataHints(root, kata.id);

  it('has a "## Step N — title" section for each step of the specs, and no other', () => {
    expect(readme.steps.map((step) => step.number)).toEqual(specStepNumbers(root, kata));
    for (const step of readme.steps) expect(step.title, `step ${step.number}`).not.toBe('');
  });

  it('ends every step section with the line that shows the next hint', () => {
    for (const section of splitSections(markdown)) {
      const step = stepHeading(section.heading);
      if (!step) continue;
      const last = section.lines.filter((line) => line.trim()).at(-1);
      expect(last, `the last line of step ${step.number}`).toBe(
        `Stuck? \`pnpm kata hint ${shortId(kata)} ${step.number}\` shows the next hint.`,
      );
    }
  });

  it('leaves the hint ladders to HINTS.md', () => {
    expect(markdown).not.toMatch(/^#{2,4}\s+hints?\b/im);
  });

  it('has a hint ladder in HINTS.md for every step, each with the same title', () => {
    expect(hints.map(({ number, title }) => ({ number, title }))).toEqual(readme.steps);
  });

  it('climbs each ladder to a last level that names the exact commands', () => {
    for (const step of hints) {
      expect(step.hints.length, `hints of step ${step.number}`).toBeGreaterThanOrEqual(2);
      expect(step.hints.at(-1), `last hint of step ${step.number}`).toMatch(/`[^`]+`/);
    }
  });

  it('states the HTTP contract of its server in the README itself', () => {
    if (!existsSync(join(root, 'katas', kata.id, 'server.spec.ts'))) return;
    const contract = splitSections(markdown).find((section) => /^##\s+HTTP contract\s*$/i.test(section.heading));
    expect(contract?.lines.join('\n'), 'a "## HTTP contract" section with its route table').toMatch(/^\| `[A-Z]+ \//m);
  });

  it('says what was learned', () => {
    expect(readme.learned.length).toBeGreaterThan(0);
  });
});
