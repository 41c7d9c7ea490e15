import type { Browser } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { specChromium } from './spec-chromium.js';

const found = () => ({ found: true, path: '/usr/bin/chromium', via: 'Debian package' }) as const;
const missing = () => ({ found: false, reason: 'No Chromium here.' }) as const;
/** A stand-in for a launched browser: only `close` is used. */
const fakeBrowser = () =>
  ({ close: vi.fn(async () => {}) }) as unknown as Browser & { close: ReturnType<typeof vi.fn> };
const skipping = (note: string): never => {
  throw new Error(`skipped: ${note}`);
};

describe('the spec files’ Chromium', () => {
  it('launches once and hands the same browser to every test, closing it once', async () => {
    const browser = fakeBrowser();
    const launch = vi.fn(async () => browser);
    const chromium = specChromium({ lookup: found, ci: false, launch });
    expect(await chromium.browser(skipping)).toBe(browser);
    expect(await chromium.browser(skipping)).toBe(browser);
    expect(launch).toHaveBeenCalledTimes(1);
    expect(launch).toHaveBeenCalledWith('/usr/bin/chromium');
    await chromium.close();
    await chromium.close();
    expect(browser.close).toHaveBeenCalledTimes(1);
  });

  it('skips the test with what to install when Chromium is missing, launching nothing', async ({ onTestFinished }) => {
    const launch = vi.fn(async () => fakeBrowser());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    const chromium = specChromium({ lookup: missing, ci: false, launch });
    await expect(chromium.browser(skipping)).rejects.toThrow(/^skipped: .*sudo apt-get install chromium/);
    expect(launch).not.toHaveBeenCalled();
  });

  it('fails the test under CI when Chromium is missing', async () => {
    const chromium = specChromium({ lookup: missing, ci: true, launch: async () => fakeBrowser() });
    const skip = vi.fn(skipping);
    await expect(chromium.browser(skip)).rejects.toThrow('Under CI the browser test may not be skipped.');
    expect(skip).not.toHaveBeenCalled();
  });

  it('closes nothing when nothing was launched', async () => {
    await expect(specChromium({ lookup: missing, ci: false }).close()).resolves.toBeUndefined();
  });
});
