/**
 * Steps come from the specs: every top-level `describe` of a kata spec is titled
 * `step N · what it covers`. The CLI focuses a step with Vitest's `-t`, so no spec is
 * ever edited to unlock one.
 */

/** A step as a spec names it. */
export interface StepTitle {
  /** `2` */
  number: number;
  /** `cache-aside over a slow source` */
  title: string;
}

const STEP_TITLE = /^step\s+(\d+)\b\s*[·:—–-]?\s*(.*)$/i;

/** `'step 2 · cache-aside'` → `{ number: 2, title: 'cache-aside' }`; `null` for any other title. */
export function parseStepTitle(describeTitle: string): StepTitle | null {
  const match = STEP_TITLE.exec(describeTitle.trim());
  if (!match) return null;
  return { number: Number(match[1]), title: (match[2] ?? '').trim() };
}

/**
 * The `-t` pattern (a regular expression over a test's full name, which starts with its
 * top-level `describe` title) that selects the tests of step `number` and no other:
 * `step 1` never matches `step 10`.
 */
export function stepNamePattern(number: number): string {
  return `^step ${number}\\b`;
}
