/**
 * `pnpm bench <kata> [options]`: runs that kata's benchmark (`katas/NN-name/bench.ts`)
 * against the reference solution, or with `--mine` against your code in `katas/`.
 * `pnpm bench adapters [options]`: the adapters against the raw clients they wrap
 * (`adapters/bench/adapter-bench.ts`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireKata } from '../workbook/find-kata.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [query, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');
/** Runs `script` with `args` from the repository root and exits with its code. */
function run(script: string, args: string[]): void {
  const child = spawn('tsx', [script, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

try {
  if (query === 'adapters') run('adapters/bench/adapter-bench.ts', rest);
  else runKataBench();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

function runKataBench(): void {
  const kata = requireKata(root, query);
  const script = `katas/${kata.id}/bench.ts`;
  if (!existsSync(`${root}/${script}`)) throw new Error(`Kata ${kata.id} has no benchmark yet.`);
  const args = rest.includes('--mine') ? rest.filter((arg) => arg !== '--mine') : ['--solution', ...rest];
  run(script, args);
}
