/** Launches the system's Chromium headless through playwright-core (no browser download). */
import { type Browser, chromium } from 'playwright-core';

/**
 * Headless, no sandbox (CI containers run as root), no GPU, and nothing that talks to the
 * network by itself. playwright-core gives every launch a fresh temporary user-data-dir and
 * deletes it on close (it refuses a `--user-data-dir` flag).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** How long Chromium may take to start before the launch fails with playwright's message. */
export const LAUNCH_TIMEOUT_MS = 20_000;

/** Starts Chromium at `executablePath`; close it with `browser.close()`. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    timeout: LAUNCH_TIMEOUT_MS,
  });
}
