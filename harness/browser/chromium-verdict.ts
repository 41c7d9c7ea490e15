/**
 * What a browser spec does about the Chromium lookup: run with it; skip with a message that
 * says what to install; or, under CI, fail, so that CI can never pass by skipping it.
 */
import type { ChromiumLookup } from './find-chromium.js';

export type ChromiumVerdict =
  | { action: 'run'; path: string }
  | { action: 'skip'; message: string }
  | { action: 'fail'; message: string };

/** How to get a Chromium, for the messages. */
export const INSTALL_CHROMIUM =
  "Install Debian's package (`sudo apt-get install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome binary.";

/** `run` when Chromium is found; otherwise `skip`, or `fail` when `ci` (the CI variable is set and not "false"). */
export function chromiumVerdict(lookup: ChromiumLookup, ci: boolean): ChromiumVerdict {
  if (lookup.found) return { action: 'run', path: lookup.path };
  const missing = `The browser test needs Chromium: ${lookup.reason} ${INSTALL_CHROMIUM}`;
  return ci
    ? { action: 'fail', message: `${missing} Under CI the browser test may not be skipped.` }
    : { action: 'skip', message: missing };
}

/** Whether `CI` says this is a CI run (`true`, `1`, …; not empty, `0` or `false`). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
