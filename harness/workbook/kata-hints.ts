/**
 * A kata's hint ladders, read from `katas/<id>/HINTS.md` by `pnpm kata hint`, one level
 * per call, so the README's flow never shows them open:
 *
 *   ## Step 2 — Cache-aside over a slow source
 *   1. the gentlest nudge
 *   2. a closer one
 *   3. the exact Redis commands: `SET key value PX 300000`, `GET key`
 *
 * A hint is one list item; lines indented under it, code fences included, belong to it.
 * A fenced block may carry what the hint check (hint-code.test.ts) does with it:
 * ```` ```ts answer:cache.ts ```` is a whole answer for that starter file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstList, splitSections, stepHeading } from './markdown-sections.js';

/** The hint ladder of one step, gentlest first; the last names the exact Redis commands. */
export interface StepHints {
  number: number;
  title: string;
  hints: string[];
}

/** `katas/<id>/HINTS.md` (the path the CLI names). */
export function hintsPath(kataId: string): string {
  return `katas/${kataId}/HINTS.md`;
}

/** Reads a kata's HINTS.md; no steps when it is missing. */
export function readKataHints(root: string, kataId: string): StepHints[] {
  const path = join(root, hintsPath(kataId));
  return existsSync(path) ? parseKataHints(readFileSync(path, 'utf8')) : [];
}

/** Parses HINTS.md text; see the module comment for the format. */
export function parseKataHints(markdown: string): StepHints[] {
  return splitSections(markdown).flatMap((section) => {
    const step = stepHeading(section.heading);
    return step ? [{ ...step, hints: firstList(section.lines) }] : [];
  });
}

const DECLARE_NOTE = '(`declare` lines say what the code is given: they are not part of the answer.)';

/** A hint as the learner sees it: fences keep their language, not the check's marks; `declare` lines explained. */
export function hintForDisplay(hint: string): string {
  const shown = hint.replace(/^(\s*(?:```|~~~)\S*)[ \t].*$/gm, '$1');
  return /^\s*declare\s/m.test(shown) ? `${shown}\n\n${DECLARE_NOTE}` : shown;
}
