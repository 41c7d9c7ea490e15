/**
 * Where Chromium is on this machine: `CHROMIUM_PATH` when set, else Debian's
 * `/usr/bin/chromium`, else `chromium`, `chromium-browser` or `google-chrome` on PATH.
 * The browser specs use the system's Chromium through playwright-core: nothing is downloaded.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { findOnPath } from '../redis-source/detect-environment.js';

/** Debian's package puts its launcher here (`sudo apt-get install chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Commands tried on PATH, in order, after `CHROMIUM_PATH` and Debian's launcher. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome'] as const;

/** What the lookup reads from the machine; tests hand in their own. */
export interface ChromiumSearch {
  env: { CHROMIUM_PATH?: string | undefined; PATH?: string | undefined };
  /** Whether `path` is a file this process may execute. */
  isExecutable(path: string): boolean;
  /** The executable `command` on `path` (the PATH variable), or null. */
  onPath(command: string, path: string): string | null;
}

export type ChromiumLookup =
  | { found: true; path: string /** How it was found, e.g. `CHROMIUM_PATH` or `chromium on PATH`. */; via: string }
  | { found: false /** Why nothing was found, in one sentence. */; reason: string };

/** The Chromium to launch, or why there is none. `CHROMIUM_PATH`, when set, is the only place looked at. */
export function findChromium(search: ChromiumSearch = machineSearch()): ChromiumLookup {
  const chosen = search.env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return search.isExecutable(chosen)
      ? { found: true, path: chosen, via: 'CHROMIUM_PATH' }
      : { found: false, reason: `CHROMIUM_PATH is "${chosen}", which is not an executable file.` };
  }
  if (search.isExecutable(DEBIAN_CHROMIUM)) return { found: true, path: DEBIAN_CHROMIUM, via: 'Debian package' };
  for (const command of CHROMIUM_COMMANDS) {
    const path = search.onPath(command, search.env.PATH ?? '');
    if (path) return { found: true, path, via: `${command} on PATH` };
  }
  return {
    found: false,
    reason: `No Chromium at ${DEBIAN_CHROMIUM}, and none of ${CHROMIUM_COMMANDS.join(', ')} is on PATH.`,
  };
}

/** The real machine: `process.env` and the file system. */
export function machineSearch(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  return { env, isExecutable, onPath: findOnPath };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
