/**
 * One resource for the whole Vitest run (a Redis, a cluster), started by the first project
 * whose global setup asks for it and stopped when the last of them tears down. Global setups
 * run in the main process, so a registry on `globalThis` is shared by every project.
 */
interface Shared<T> {
  started: Promise<T | null>;
  users: number;
}

const registry = globalThis as { [key: symbol]: Shared<unknown> | undefined };

/** The resource under `key`, started by `start` for the first caller; `release` stops it after the last. */
export async function acquireForRun<T extends { stop(): Promise<void> }>(
  key: symbol,
  start: () => Promise<T | null>,
): Promise<{ resource: T | null; release(): Promise<void> }> {
  registry[key] ??= { started: start(), users: 0 };
  const shared = registry[key] as Shared<T>;
  shared.users += 1;
  const resource = await shared.started;
  return {
    resource,
    async release() {
      shared.users -= 1;
      if (shared.users > 0) return;
      delete registry[key];
      await resource?.stop();
    },
  };
}
