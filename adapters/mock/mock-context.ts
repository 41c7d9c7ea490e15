import type { MockClient, MockServer } from './mock-server.js';

/** What an emulation gets: the server, its client, and `run` for nested emulated commands. */
export interface MockContext {
  readonly server: MockServer;
  readonly client: MockClient;
  /** Runs a command line with every emulation. The caller already holds the server's lock. */
  run(args: string[]): Promise<unknown>;
}

/** Emulates one command: `args` is the whole command line, `['ZADD', key, …]`. */
export type Emulation = (context: MockContext, args: string[]) => Promise<unknown>;
