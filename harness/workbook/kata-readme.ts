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
 * A kata may keep its hints apart, in `katas/<id>/HINTS.md`: one `## Step N — title`
 * section per step, the numbered list right under it. Its ladders then replace the
 * README's (the README keeps the steps and what was learned).
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

/**
 * Reads `katas/<id>/README.md`, with the hint ladders of `HINTS.md` when the kata has one;
 * an empty README (no steps, nothing learned) when it is missing.
 */
export function readKataReadme(root: string, kataId: string): KataReadme {
  const path = join(root, 'katas', kataId, 'README.md');
  const readme = existsSync(path) ? parseKataReadme(readFileSync(path, 'utf8')) : { steps: [], learned: [] };
  const hintsPath = join(root, 'katas', kataId, 'HINTS.md');
  if (existsSync(hintsPath)) {
    const ladders = parseHintsFile(readFileSync(hintsPath, 'utf8'));
    for (const step of readme.steps) step.hints = ladders.get(step.number) ?? [];
  }
  return readme;
}

/** Parses a `HINTS.md`: step number → its hint ladder, gentlest first. */
export function parseHintsFile(markdown: string): Map<number, string[]> {
  const { steps } = parseKataReadme(markdown, { hintsUnderStep: true });
  return new Map(steps.map((step) => [step.number, step.hints]));
}

/**
 * Parses README text; see the module comment for the format. `hintsUnderStep`: the list
 * right under a step heading is its hint ladder (the `HINTS.md` format).
 */
export function parseKataReadme(markdown: string, { hintsUnderStep = false } = {}): KataReadme {
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
        list = hintsUnderStep ? step.hints : null;
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
