/** The commands and places the CLI and the reporters point a learner to, spelled once. */
import type { KataInfo } from './find-kata.js';

/** `01` */
export function shortId(kata: KataInfo): string {
  return kata.id.slice(0, 2);
}

/** `pnpm …` command lines, one per thing a learner may do next. */
export const commands = {
  status: () => 'pnpm kata',
  watch: (kata: KataInfo) => `pnpm kata watch ${shortId(kata)}`,
  hint: (kata: KataInfo, step?: number) => `pnpm kata hint ${shortId(kata)}${step === undefined ? '' : ` ${step}`}`,
  reset: (kata: KataInfo) => `pnpm kata reset ${shortId(kata)}`,
  diff: (kata: KataInfo) => `pnpm kata diff ${shortId(kata)}`,
  test: (kata: KataInfo) => `pnpm test katas/${kata.id}`,
  testSolution: (kata: KataInfo) => `pnpm test:solutions katas/${kata.id}`,
};

/** `katas/01-simple-cache/README.md, "Step 2"` (the README section a step is explained in). */
export function readmeSection(kata: KataInfo, step?: number): string {
  return `katas/${kata.id}/README.md${step === undefined ? '' : `, "Step ${step}"`}`;
}
