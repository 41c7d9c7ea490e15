/**
 * README and specs agree, both ways: the **Specs** paragraph of every library step lists
 * exactly the tests of that step (a spec no README states, or a README promise no spec
 * checks, fails here). The format, one paragraph in the step's section:
 *
 *   **Specs** (`cache.spec.ts`, `step 1 · key/value with TTL`): get returns the value set
 *   stored · get returns null for a key never set · …
 *
 * A `test.for` name's `%s` stands for any text. Server steps (specs in `server*.spec.ts`
 * only) summarise their spec instead: their rules are in the README's `## HTTP contract`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { splitSections, stepHeading } from './markdown-sections.js';
import { namesSpec, readSpecNames } from './spec-names.js';
import { specStepNumbers } from './spec-steps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const katas = listKatas(root).filter((kata) => specStepNumbers(root, kata).length > 0);
const FORMAT = '**Specs** (`file.spec.ts`, `step N · title`): first test name · second test name · …';

/** The items of a step's `**Specs** (…): a · b · c.` paragraph; `null` when it has none. */
function specsParagraph(lines: string[]): string[] | null {
  const start = lines.findIndex((line) => line.startsWith('**Specs**'));
  if (start === -1) return null;
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  const text = lines.slice(start, end === -1 ? undefined : end).join(' ');
  const body = text
    .slice(text.indexOf('):') + 2)
    .trim()
    .replace(/\.$/, '');
  return body.split(' · ').map((item) => item.trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

describe.each(katas.map((kata) => [kata.id] as const))('the README of %s and its specs', (kataId) => {
  const folder = join(root, 'katas', kataId);
  const specFiles = readdirSync(folder).filter((file) => file.endsWith('.spec.ts'));
  const namesByFile = specFiles.map((file) => ({ file, names: readSpecNames(join(folder, file)) }));
  const sections = splitSections(readFileSync(join(folder, 'README.md'), 'utf8'));
  const librarySteps = sections.flatMap((section) => {
    const step = stepHeading(section.heading);
    if (!step) return [];
    const files = namesByFile.filter(({ names }) => names.has(step.number));
    if (files.length === 0 || files.every(({ file }) => /^server.*\.spec\.ts$/.test(file))) return [];
    const names = files.flatMap(({ names }) => names.get(step.number) ?? []);
    return [{ ...step, names, items: specsParagraph(section.lines) }];
  });

  it.each(librarySteps.map((step) => [step.number, step] as const))(
    'step %i lists exactly its specs',
    (_number, step) => {
      expect(step.items, `step ${step.number} of the README needs a paragraph: ${FORMAT}`).not.toBeNull();
      const items = step.items ?? [];
      const unstated = step.names.filter((name) => !items.some((item) => namesSpec(name, item)));
      const unchecked = items.filter((item) => !step.names.some((name) => namesSpec(name, item)));
      expect({ unstated, unchecked }, 'specs the README does not list, and README items no spec has').toEqual({
        unstated: [],
        unchecked: [],
      });
    },
  );
});
