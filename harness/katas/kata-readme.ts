/**
 * What the CLI reads from a kata's README, so a kata needs no file besides it:
 *
 *   ## Step 2 — Cache-aside over a slow source      (also `## Step 2: …`, `## Step 2 · …`)
 *   …prose…
 *   ### Hints
 *   1. the gentlest nudge
 *   2. a closer one
 *   3. the exact Redis commands: `SET key value EX 60`, `GET key`
 *
 *   ## What you learned
 *   - cache-aside puts Redis in front of a slow source
 *
 * A hint is one list item (`1.` or `-`); lines indented under it, code fences included,
 * belong to it. A `###` or `##` heading ends the list.
 *
 * Hints may instead live beside the README in `HINTS.md`, one `## Step N — title` section
 * per step holding the numbered ladder; a step's hints there take the place of the README's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `## Step N — title` section. */
export interface ReadmeStep {
  number: number;
  title: string;
  /** The hint ladder, gentlest first; the last names the exact Redis commands. */
  hints: string[];
}

/** The parts of a kata README the CLI uses. */
export interface KataReadme {
  steps: ReadmeStep[];
  /** The items of `## What you learned`, shown when the kata turns green. */
  learned: string[];
}

const STEP_HEADING = /^##\s+step\s+(\d+)\b\s*[—–:·.-]?\s*(.*?)\s*$/i;
const LEARNED_HEADING = /^##\s+what you (learned|learnt)\b/i;
const HINTS_HEADING = /^###\s+hints?\b/i;
const LIST_ITEM = /^ {0,3}(?:\d+[.)]|[-*+])\s+(.*)$/;

/** Reads `katas/<id>/README.md` (and `HINTS.md`); an empty README (no steps, nothing learned) when it is missing. */
export function readKataReadme(root: string, kataId: string): KataReadme {
  const path = join(root, 'katas', kataId, 'README.md');
  if (!existsSync(path)) return { steps: [], learned: [] };
  const readme = parseKataReadme(readFileSync(path, 'utf8'));
  const hintsPath = join(root, 'katas', kataId, 'HINTS.md');
  return existsSync(hintsPath) ? withHintsFile(readme, readFileSync(hintsPath, 'utf8')) : readme;
}

/** The README with each step's hints taken from `HINTS.md` text where it has a ladder for that step. */
export function withHintsFile(readme: KataReadme, hintsMarkdown: string): KataReadme {
  // In HINTS.md the list sits right under the step heading: read it as if `### Hints` were there.
  const asReadme = hintsMarkdown.replace(/^(##\s+step\s+\d+\b.*)$/gim, '$1\n### Hints');
  const ladders = new Map(parseKataReadme(asReadme).steps.map((step) => [step.number, step.hints]));
  return {
    ...readme,
    steps: readme.steps.map((step) => {
      const hints = ladders.get(step.number);
      return hints && hints.length > 0 ? { ...step, hints } : step;
    }),
  };
}

/** Parses README text; see the module comment for the format. */
export function parseKataReadme(markdown: string): KataReadme {
  const readme: KataReadme = { steps: [], learned: [] };
  let list: string[] | null = null;
  let step: ReadmeStep | null = null;
  let inFence = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (!inFence && line.startsWith('#')) {
      const stepMatch = STEP_HEADING.exec(line);
      if (stepMatch) {
        step = { number: Number(stepMatch[1]), title: stepMatch[2] ?? '', hints: [] };
        readme.steps.push(step);
        list = null;
      } else if (LEARNED_HEADING.test(line)) {
        step = null;
        list = readme.learned;
      } else if (HINTS_HEADING.test(line) && step) list = step.hints;
      else {
        if (line.startsWith('## ')) step = null;
        list = null;
      }
      continue;
    }
    const fence = /^\s*(```|~~~)/.test(line);
    if (list && !inFence && !fence && endsList(list, line)) list = null;
    if (fence) inFence = !inFence;
    if (list) addListLine(list, line, inFence || fence);
  }
  for (const items of [readme.learned, ...readme.steps.map((each) => each.hints)]) {
    items.splice(0, items.length, ...items.map(tidyItem).filter(Boolean));
  }
  return readme;
}

/** A paragraph after a blank line, not indented under the last item, ends the list. */
function endsList(items: string[], line: string): boolean {
  const last = items[items.length - 1];
  return last !== undefined && /\n\s*$/.test(last) && /^\S/.test(line) && !LIST_ITEM.test(line);
}

function addListLine(items: string[], line: string, inFence: boolean): void {
  const item = inFence ? null : LIST_ITEM.exec(line);
  if (item) items.push(item[1] ?? '');
  else if (items.length > 0) items[items.length - 1] += `\n${line}`;
}

/** Drops trailing blank lines and the list indentation of continuation lines. */
function tidyItem(item: string): string {
  const [first = '', ...rest] = item.trimEnd().split('\n');
  const indents = rest.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = Math.min(...indents, 4);
  return [first, ...rest.map((line) => line.slice(Math.min(indent, /^ */.exec(line)?.[0].length ?? 0)))]
    .join('\n')
    .trim();
}
