/**
 * README and specs agree, both ways: the **Specs** paragraph of every library step lists
 * exactly the tests of that step, in the spec files it names (a spec no README states, or
 * a README promise no spec checks, fails here). Server steps summarise their spec instead:
 * their routes and rules are in the README's route table and `## HTTP contract`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { splitSections, stepHeading } from './markdown-sections.js';
import { namesSpec, readSpecNames } from './spec-names.js';
import { specStepNumbers } from './spec-steps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const katas = listKatas(root).filter((kata) => specStepNumbers(root, kata).length > 0);

/** `**Specs** (`a.spec.ts`, `b.spec.ts`, `step 1 · …`): x · y · z.` → its files and its items. */
function specsParagraph(lines: string[]): { files: string[]; items: string[] } | null {
  const start = lines.findIndex((line) => line.startsWith('**Specs**'));
  if (start === -1) return null;
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  const text = lines.slice(start, end === -1 ? undefined : end).join(' ');
  const head = text.slice(0, text.indexOf('):'));
  const files = [...head.matchAll(/`([\w-]+\.spec\.ts)`/g)].map((match) => match[1] ?? '');
  const body = text
    .slice(text.indexOf('):') + 2)
    .trim()
    .replace(/\.$/, '');
  const items = body.split(' · ').map((item) => item.trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  return { files, items };
}

describe.each(katas.map((kata) => [kata.id] as const))('the README of %s and its specs', (kataId) => {
  const folder = join(root, 'katas', kataId);
  const sections = splitSections(readFileSync(join(folder, 'README.md'), 'utf8'));
  const steps = sections.flatMap((section) => {
    const step = stepHeading(section.heading);
    const specs = step ? specsParagraph(section.lines) : null;
    return step && specs && !specs.files.includes('server.spec.ts') ? [{ ...step, ...specs }] : [];
  });

  it('lists the specs of every library step', () => {
    expect(steps.length).toBeGreaterThan(0);
  });

  it.each(steps.map((step) => [step.number, step] as const))('step %i lists exactly its specs', (_number, step) => {
    const names = step.files.flatMap((file) => readSpecNames(join(folder, file)).get(step.number) ?? []);
    expect(names.length, `specs of step ${step.number} in ${step.files.join(', ')}`).toBeGreaterThan(0);
    const unstated = names.filter((name) => !step.items.some((item) => namesSpec(name, item)));
    const unchecked = step.items.filter((item) => !names.some((name) => namesSpec(name, item)));
    expect({ unstated, unchecked }, 'specs the README does not list, and README items no spec has').toEqual({
      unstated: [],
      unchecked: [],
    });
  });
});
