import type { RedisDriver, SubscriberDriver } from './driver.js';

/**
 * Watches every round trip an adapter makes: one call per command sent on its own, one
 * per MULTI/EXEC or pipeline (with all its commands). Specs use it to prove that an
 * operation costs exactly one round trip; benchmarks to report commands per operation.
 */
export interface CommandMonitor {
  onRoundTrip(commands: string[][]): void;
}

/** A driver that reports its round trips (and those of its duplicates) to `monitor`. */
export function monitorDriver(driver: RedisDriver, monitor: CommandMonitor): RedisDriver {
  return {
    backend: driver.backend,
    capabilities: driver.capabilities,
    send(args, parse) {
      monitor.onRoundTrip([args]);
      return driver.send(args, parse);
    },
    batch(kind, commands) {
      monitor.onRoundTrip(kind === 'multi' ? [['MULTI'], ...commands, ['EXEC']] : commands);
      return driver.batch(kind, commands);
    },
    duplicate: async () => monitorDriver(await driver.duplicate(), monitor),
    subscriber: async (): Promise<SubscriberDriver> => driver.subscriber(),
    close: () => driver.close(),
  };
}

/** A monitor that records round trips in memory, for specs. */
export interface CommandLog extends CommandMonitor {
  /** Every round trip so far; each is the list of commands sent together. */
  readonly roundTrips: string[][][];
  /** Every command so far, flattened: `['SET', 'k', 'v']`, … */
  readonly commands: string[][];
  /** Forgets what was recorded. */
  clear(): void;
}

export function createCommandLog(): CommandLog {
  const roundTrips: string[][][] = [];
  return {
    roundTrips,
    get commands() {
      return roundTrips.flat();
    },
    onRoundTrip(commands) {
      roundTrips.push(commands.map((command) => [...command]));
    },
    clear() {
      roundTrips.length = 0;
    },
  };
}
