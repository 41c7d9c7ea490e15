/**
 * One Chromium per spec file, launched when a test first asks for it and reused by the
 * file's other tests (contexts keep them apart), closed in `afterAll`:
 *
 *   const chromium = specChromium();
 *   afterAll(() => chromium.close());
 *   test('…', async ({ skip }) => { const browser = await chromium.browser(skip); … });
 *
 * Without Chromium the test is skipped with a note saying what to install, or fails under CI.
 */
import type { Browser } from 'playwright-core';
import { chromiumVerdict, isCi } from './chromium-verdict.js';
import { type ChromiumLookup, findChromium } from './find-chromium.js';
import { launchChromium } from './launch-chromium.js';

export interface SpecChromium {
  /** The shared browser; calls `skip(note)` when Chromium is missing (throws under CI instead). */
  browser(skip: (note: string) => never): Promise<Browser>;
  /** Closes the browser if it was launched. */
  close(): Promise<void>;
}

export interface SpecChromiumOptions {
  lookup?: () => ChromiumLookup;
  ci?: boolean;
  launch?: (path: string) => Promise<Browser>;
}

export function specChromium(options: SpecChromiumOptions = {}): SpecChromium {
  const { lookup = () => findChromium(), ci = isCi(), launch = launchChromium } = options;
  let launched: Promise<Browser> | undefined;
  let warned = false;
  return {
    async browser(skip) {
      const verdict = chromiumVerdict(lookup(), ci);
      if (verdict.action === 'fail') throw new Error(verdict.message);
      if (verdict.action === 'skip') {
        if (!warned) console.warn(`⚠ ${verdict.message}`);
        warned = true;
        return skip(verdict.message);
      }
      launched ??= launch(verdict.path);
      return launched;
    },
    async close() {
      const browser = launched;
      launched = undefined;
      await (await browser?.catch(() => undefined))?.close();
    },
  };
}
