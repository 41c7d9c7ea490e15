/** The steps a kata's specs name, read from their source (no run): `describe('step N · …')`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KataInfo } from './find-kata.js';
import { readKataReadme } from './kata-readme.js';

/** Step numbers of `describe('step N · …')` in the kata's spec files, in order, each once. */
export function specStepNumbers(root: string, kata: KataInfo): number[] {
  const folder = join(root, 'katas', kata.id);
  const numbers = new Set<number>();
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.spec.ts')) continue;
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/describe\(\s*['"`]step\s+(\d+)\b/gi))
      numbers.add(Number(match[1]));
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Whether the kata has any step yet, in its specs or its README (a kata "on its way" has none). */
export function hasSteps(root: string, kata: KataInfo): boolean {
  return specStepNumbers(root, kata).length > 0 || readKataReadme(root, kata.id).steps.length > 0;
}

/** Step numbers of `describe('step N · …')` in one spec file (`file` relative to `root`), in order. */
export function fileStepNumbers(root: string, file: string): number[] {
  let source: string;
  try {
    source = readFileSync(join(root, file), 'utf8');
  } catch {
    return [];
  }
  const numbers = [...source.matchAll(/describe\(\s*['"`]step\s+(\d+)\b/gi)].map((match) => Number(match[1]));
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** `describe('step N · title')` of the kata's spec files, by number, each number once (its first title). */
export function specStepTitles(root: string, kata: KataInfo): { number: number; title: string }[] {
  const folder = join(root, 'katas', kata.id);
  const steps = new Map<number, string>();
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith('.spec.ts')) continue;
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(
      /describe\(\s*['"`]step\s+(\d+)\s*·\s*([^'"`]*)/gi,
    ))
      if (!steps.has(Number(match[1]))) steps.set(Number(match[1]), (match[2] ?? '').trim());
  }
  return [...steps.entries()].sort(([a], [b]) => a - b).map(([number, title]) => ({ number, title }));
}
