/**
 * What the CLI reads from a kata's README:
 *
 *   ## Step 2 — Cache-aside over a slow source      (also `## Step 2: …`, `## Step 2 · …`)
 *   …prose…
 *   Stuck? `pnpm kata hint 01 2` shows the next hint.
 *
 *   ## What you learned
 *   - cache-aside puts Redis in front of a slow source
 *
 * The hint ladders live apart, in the kata's HINTS.md (see kata-hints.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstList, splitSections, stepHeading } from './markdown-sections.js';

/** One `## Step N — title` section. */
export interface ReadmeStep {
  number: number;
  title: string;
}

/** The parts of a kata README the CLI uses. */
export interface KataReadme {
  steps: ReadmeStep[];
  /** The items of `## What you learned`, shown when the kata turns green. */
  learned: string[];
}

const LEARNED_HEADING = /^##\s+what you (learned|learnt)\b/i;

/** Reads `katas/<id>/README.md`; an empty README (no steps, nothing learned) when it is missing. */
export function readKataReadme(root: string, kataId: string): KataReadme {
  const path = join(root, 'katas', kataId, 'README.md');
  return existsSync(path) ? parseKataReadme(readFileSync(path, 'utf8')) : { steps: [], learned: [] };
}

/** Parses README text; see the module comment for the format. */
export function parseKataReadme(markdown: string): KataReadme {
  const readme: KataReadme = { steps: [], learned: [] };
  for (const section of splitSections(markdown)) {
    const step = stepHeading(section.heading);
    if (step) readme.steps.push(step);
    else if (LEARNED_HEADING.test(section.heading) && readme.learned.length === 0)
      readme.learned = firstList(section.lines);
  }
  return readme;
}
