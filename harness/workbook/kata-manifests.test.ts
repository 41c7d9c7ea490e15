/** Every kata of the workbook has a manifest that covers its folder, file by file, and agrees with its specs. */
import { describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { manifestProblems, readManifest } from './kata-manifest.js';
import { specStepTitles } from './spec-steps.js';

const root = new URL('../..', import.meta.url).pathname;

describe.each(listKatas(root).map((kata) => [kata.id, kata] as const))('katas/%s/kata.json', (_id, kata) => {
  const manifest = readManifest(root, kata);

  it('exists and is well formed', () => {
    expect(manifest, `katas/${kata.id} needs a kata.json (see harness/workbook/kata-manifest.ts)`).toBeDefined();
  });

  it('lists every file of the folder once, and only files that exist', () => {
    expect(manifest && manifestProblems(root, kata, manifest)).toEqual([]);
  });

  it('names the steps the specs have, with their titles', () => {
    const steps = manifest?.steps.map((step) => `step ${step.number} · ${step.title}`);
    expect(steps).toEqual(specStepTitles(root, kata).map((step) => `step ${step.number} · ${step.title}`));
  });
});
