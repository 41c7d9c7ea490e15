/**
 * How long the learner waits: `pnpm test katas/<kata>` on its starter, against a bare
 * one-test Vitest run on the same machine, in interleaved rounds (so a busy machine slows
 * both alike). The learner's run is timed twice a round: right after a save (a starter
 * file's modification time changes, so TypeScript checks again) and with nothing changed.
 * Prints each median and the ratios; the goal is 3 or less.
 *
 *   pnpm bench:loop [kata] [--rounds N]      (default: 01-simple-cache, 7 rounds)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { vitestBin } from '../cli/run-specs.js';
import { requireKata } from '../workbook/find-kata.js';
import { requireManifest } from '../workbook/kata-manifest.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values, positionals } = parseArgs({
  options: { rounds: { type: 'string', default: '7' } },
  allowPositionals: true,
});
const kata = requireKata(root, positionals[0] ?? '01');
const rounds = Number(values.rounds);

/** A folder with one passing test and an empty config: the bare run. */
function bareProject(): string {
  const folder = mkdtempSync(join(tmpdir(), 'bare-vitest-'));
  writeFileSync(join(folder, 'vitest.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(folder, 'one.test.mjs'),
    "import { expect, test } from 'vitest';\ntest('one', () => expect(1).toBe(1));\n",
  );
  return folder;
}

function seconds(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const env = { ...process.env, NO_COLOR: '1' };
  spawnSync(command, args, { cwd, env, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A save without a change: the file's modification time moves on. */
function touchStarter(): void {
  const file = join(root, 'katas', kata.id, requireManifest(root, kata).starterFiles[0] ?? 'README.md');
  const now = new Date();
  utimesSync(file, now, now);
}

const bare = bareProject();
const runs = { bare: [] as number[], saved: [] as number[], unchanged: [] as number[] };
const learner = () => seconds('pnpm', ['test', `katas/${kata.id}`], root);
try {
  // One of each first, not counted: caches (TypeScript's build info, Vite's) warm up.
  seconds(process.execPath, [vitestBin(root), 'run', '--root', bare], bare);
  learner();
  for (let round = 0; round < rounds; round += 1) {
    runs.bare.push(seconds(process.execPath, [vitestBin(root), 'run', '--root', bare], bare));
    touchStarter();
    runs.saved.push(learner());
    runs.unchanged.push(learner());
  }
} finally {
  rmSync(bare, { recursive: true, force: true });
}
const line = (label: string, times: number[]) =>
  `${label.padEnd(44)} median ${median(times).toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(' ')})`;
const ratio = (times: number[]) => `${(median(times) / median(runs.bare)).toFixed(2)}×`;
console.log(`${rounds} interleaved rounds, ${new Date().toISOString()}`);
console.log(line('bare one-test Vitest run', runs.bare));
console.log(`${line(`pnpm test katas/${kata.id}, after a save`, runs.saved)} · ${ratio(runs.saved)}`);
console.log(`${line(`pnpm test katas/${kata.id}, nothing changed`, runs.unchanged)} · ${ratio(runs.unchanged)}`);
console.log('goal: ≤ 3× the bare run');
