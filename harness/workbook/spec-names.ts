/** The names of a spec file's tests, read from its source (no run), grouped by their `step N · …` describe. */
import { readFileSync } from 'node:fs';

const DESCRIBE_STEP = /\bdescribe\(\s*(['"`])step\s+(\d+)\b/gi;
// `test('name'`, `it.concurrent('name'`, `test.skipIf(…)('name'`, `test.for([…])('name %s'`.
const TEST_NAME =
  /(?:^|[^.\w])(?:test|it)(?:\.(?:concurrent|skipIf\([^)]*\)|runIf\([^)]*\)|(?:each|for)\((?:[^()]|\([^()]*\))*\)))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;

/** Test names by step number, in source order. A test belongs to the last `describe('step N …')` above it. */
export function specNamesByStep(specSource: string): Map<number, string[]> {
  const steps = [...specSource.matchAll(DESCRIBE_STEP)].map((match) => ({ at: match.index, step: Number(match[2]) }));
  const names = new Map<number, string[]>();
  for (const match of specSource.matchAll(TEST_NAME)) {
    const step = steps.filter((each) => each.at < match.index).at(-1)?.step;
    if (step === undefined) continue;
    names.set(step, [...(names.get(step) ?? []), (match[2] ?? '').replace(/\\(.)/g, '$1')]);
  }
  return names;
}

/** Whether a README's wording of a spec is that spec's name (`%s` of a `test.each` stands for any text). */
export function namesSpec(name: string, item: string): boolean {
  if (!/%[sdifj]/.test(name)) return name === item;
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%[sdifj]/g, '.+');
  return new RegExp(`^${pattern}$`).test(item);
}

/** `specNamesByStep` of a file. */
export function readSpecNames(path: string): Map<number, string[]> {
  return specNamesByStep(readFileSync(path, 'utf8'));
}
