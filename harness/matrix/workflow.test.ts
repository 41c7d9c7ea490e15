/**
 * What `.github/workflows/ci.yml` must keep doing that its linter cannot see: the
 * newcomer job runs the README's commands as written, and the matrix step reads the
 * results that `pnpm verify` writes. (actionlint, in `pnpm verify`, checks the rest.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const workflow = read('.github/workflows/ci.yml');

/** The commands of the README's "## Start" section: its `sh` code blocks, line by line. */
function startCommands(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Start'));
  if (!section) return [];
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block = '']) =>
    block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

/** The text of one job: from `  name:` to the next job or the end. */
function job(name: string): string {
  const start = workflow.indexOf(`\n  ${name}:\n`);
  if (start < 0) return '';
  const next = workflow.slice(start + 1).search(/\n {2}[a-z][\w-]*:\n/);
  return next < 0 ? workflow.slice(start) : workflow.slice(start, start + 1 + next);
}

describe('the CI workflow', () => {
  it("runs the README's two commands, as written, in the newcomer job after deleting only node_modules", () => {
    const commands = startCommands(read('README.md'));
    expect(commands).toHaveLength(2);
    const newcomer = job('newcomer');
    for (const command of commands) expect(newcomer).toContain(command);
    expect(newcomer.match(/\brm -rf? [^\n]*/g)).toEqual(['rm -rf node_modules']);
    expect(newcomer).not.toContain('actions/cache');
  });

  it('runs pnpm verify on Node 20, 22 and 24 against a Redis service, then the matrix from its results', () => {
    const verify = job('verify');
    expect(verify).toMatch(/node: \[20, 22, 24\]/);
    expect(verify).toMatch(/services:\n\s+redis:\n\s+image: redis:/);
    expect(verify).toContain('run: pnpm verify');
    const from = /run: pnpm matrix --from (\S+)/.exec(verify)?.[1];
    expect(from).toBeDefined();
    expect(read('harness/cli/verify.ts')).toContain(`--outputFile.matrix=${from}`);
  });

  it('caches the pnpm store', () => {
    expect(job('verify')).toMatch(
      /pnpm store path[\s\S]*uses: actions\/cache@v\d+\n\s+with:\n\s+path: \$\{\{ steps\.pnpm-store/,
    );
  });
});
