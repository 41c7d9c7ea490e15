/** What the status and the reporters know of a kata before a run: its steps from the manifest, what it teaches from the README. */
import type { KataInfo } from './find-kata.js';
import { readManifest } from './kata-manifest.js';
import { type KataReadme, readKataReadme } from './kata-readme.js';

/** The README's parts, with the manifest's steps when the kata has one. */
export function kataOutline(root: string, kata: KataInfo): KataReadme {
  const readme = readKataReadme(root, kata.id);
  const manifest = readManifest(root, kata);
  if (!manifest) return readme;
  return { ...readme, steps: manifest.steps.map(({ number, title }) => ({ number, title })) };
}
