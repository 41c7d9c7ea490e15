/** The end of the learner's screen: failures outside the katas (unit tests, conformance), and the totals per backend. */
import type { TestModule } from 'vitest/node';
import type { Style } from '../cli/terminal.js';
import { failureBlockLines } from './failure-block.js';
import { failureDetail } from './failure-detail.js';
import { kataIdOf, workbookPath } from './kata-spec-file.js';
import { describeLoadError } from './load-error.js';
import { ancestorTitles, stripAnsi } from './test-case-text.js';

type Paint = (style: Style, text: string) => string;

const MAX_SHOWN = 6;

/** Failed tests and unloadable files that are not kata specs, each once, and errors outside any test. */
export function otherFailureLines(
  root: string,
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  paint: Paint,
): string[] {
  const blocks = new Map<string, string[]>();
  for (const module of testModules) {
    if (kataIdOf(root, module.moduleId)) continue;
    const file = workbookPath(root, module.moduleId);
    const [loadError] = module.errors();
    if (loadError && module.children.size === 0)
      blocks.set(`${file}\u0000load`, [
        `    ${paint('red', '!')} ${file} did not load:`,
        `      ${describeLoadError(root, loadError)}`,
      ]);
    for (const test of module.children.allTests('failed')) {
      const title = `${file} › ${[...ancestorTitles(test), test.name].join(' › ')}`;
      const error = test.result().errors?.[0];
      if (!error || blocks.has(title)) continue;
      blocks.set(title, failureBlockLines(root, { title, detail: failureDetail(root, file, error) }, paint));
    }
  }
  const shown = [...blocks.values()].slice(0, MAX_SHOWN).flatMap((block) => ['', ...block]);
  const lines = blocks.size > 0 ? ['', paint('bold', `Other failures (${blocks.size}):`), ...shown] : [];
  if (blocks.size > MAX_SHOWN)
    lines.push('', `    … and ${blocks.size - MAX_SHOWN} more: add --verbose to see every one`);
  if (unhandledErrors.length > 0) {
    const first = unhandledErrors[0] as { message?: string } | undefined;
    lines.push(
      '',
      paint(
        'red',
        `! ${unhandledErrors.length} error(s) outside any test: ${stripAnsi(first?.message ?? String(first)).split('\n')[0]}`,
      ),
    );
  }
  return lines;
}

/** `Tests: 22 passed, 91 failed (113) on the mock` or one count per backend. */
export function totalsLine(testModules: ReadonlyArray<TestModule>, backends: readonly string[]): string {
  const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
  for (const module of testModules) {
    const count = counts.get(module.project.name) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') count.passed += 1;
      else if (state === 'failed') count.failed += 1;
      else count.skipped += 1;
    }
    counts.set(module.project.name, count);
  }
  const describe = (name: string, count: { passed: number; failed: number; skipped: number }) => {
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : '';
    return `${count.passed} passed, ${count.failed} failed${skipped} on ${name === 'mock' ? 'the mock' : name}`;
  };
  const parts = [...counts.entries()]
    .sort(([a], [b]) => backends.indexOf(a) - backends.indexOf(b))
    .map(([name, count]) => describe(name, count));
  return `Tests: ${parts.length > 0 ? parts.join(' · ') : 'none ran'}`;
}
