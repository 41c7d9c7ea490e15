import { describe, expect, it } from 'vitest';
import { chromiumVerdict, isCi } from './chromium-verdict.js';
import { type ChromiumSearch, findChromium } from './find-chromium.js';

/** A machine with these executables, and these commands on PATH (`/bin` holds them). */
function machine(env: ChromiumSearch['env'], executables: string[]): ChromiumSearch {
  const isExecutable = (path: string) => executables.includes(path);
  return {
    env,
    isExecutable,
    onPath: (command, path) =>
      path.split(':').includes('/bin') && isExecutable(`/bin/${command}`) ? `/bin/${command}` : null,
  };
}

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, when it is an executable', () => {
    const search = machine({ CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/bin' }, [
      '/opt/chrome/chrome',
      '/usr/bin/chromium',
    ]);
    expect(findChromium(search)).toEqual({ found: true, path: '/opt/chrome/chrome', via: 'CHROMIUM_PATH' });
  });

  it('looks nowhere else when CHROMIUM_PATH names no executable, and says so', () => {
    const search = machine({ CHROMIUM_PATH: '/nonexistent', PATH: '/bin' }, ['/usr/bin/chromium']);
    expect(findChromium(search)).toEqual({
      found: false,
      reason: 'CHROMIUM_PATH is "/nonexistent", which is not an executable file.',
    });
  });

  it("takes Debian's /usr/bin/chromium before anything on PATH", () => {
    const search = machine({ PATH: '/bin' }, ['/usr/bin/chromium', '/bin/google-chrome']);
    expect(findChromium(search)).toEqual({ found: true, path: '/usr/bin/chromium', via: 'Debian package' });
  });

  it('then tries chromium, chromium-browser and google-chrome on PATH, in that order', () => {
    const both = machine({ PATH: '/usr/local/bin:/bin' }, ['/bin/chromium-browser', '/bin/google-chrome']);
    expect(findChromium(both)).toEqual({ found: true, path: '/bin/chromium-browser', via: 'chromium-browser on PATH' });
    const chrome = machine({ PATH: '/bin' }, ['/bin/google-chrome']);
    expect(findChromium(chrome)).toMatchObject({ path: '/bin/google-chrome' });
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    const search = machine({ CHROMIUM_PATH: ' ', PATH: '/bin' }, ['/bin/chromium']);
    expect(findChromium(search)).toEqual({ found: true, path: '/bin/chromium', via: 'chromium on PATH' });
  });

  it('names every place it looked when there is none', () => {
    expect(findChromium(machine({ PATH: '/bin' }, []))).toEqual({
      found: false,
      reason: 'No Chromium at /usr/bin/chromium, and none of chromium, chromium-browser, google-chrome is on PATH.',
    });
  });
});

describe('what a browser spec does about it', () => {
  const missing = { found: false, reason: 'No Chromium here.' } as const;

  it('runs with the Chromium found', () => {
    expect(chromiumVerdict({ found: true, path: '/usr/bin/chromium', via: 'Debian package' }, true)).toEqual({
      action: 'run',
      path: '/usr/bin/chromium',
    });
  });

  it('skips outside CI, saying what to install', () => {
    const verdict = chromiumVerdict(missing, false);
    expect(verdict.action).toBe('skip');
    expect(verdict).toHaveProperty('message', expect.stringContaining('No Chromium here.'));
    expect(verdict).toHaveProperty('message', expect.stringContaining('sudo apt-get install chromium'));
    expect(verdict).toHaveProperty('message', expect.stringContaining('CHROMIUM_PATH'));
  });

  it('fails under CI, so that CI cannot pass by skipping the browser test', () => {
    const verdict = chromiumVerdict(missing, true);
    expect(verdict.action).toBe('fail');
    expect(verdict).toHaveProperty('message', expect.stringContaining('sudo apt-get install chromium'));
  });

  it('reads CI as set unless it is empty, 0 or false', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'TRUE' })]).toEqual([true, true, true]);
    expect([isCi({}), isCi({ CI: '' }), isCi({ CI: '0' }), isCi({ CI: 'false' })]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
