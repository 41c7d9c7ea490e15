/**
 * Provided: you do not need to edit this file.
 *
 * The parent's handle on the benchmark's client process (`bench-client-process.ts`):
 * connect a group of sockets to some instances, run a fan-out through a group, close.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FanOutOptions } from '../../harness/bench/fan-out-load.js';
import type { ClientReply, ClientRequest, ClientRun } from './bench-client-process.js';
import type { ClientKind } from './bench-connectors.js';

export interface ClientProcess {
  /** Opens `count` sockets named `group`, spread over `ports`, all in `room`. */
  connect(group: string, kind: ClientKind, ports: number[], room: string, count: number): Promise<void>;
  /** One fan-out run through the sockets of `group`. */
  run(group: string, options: FanOutOptions): Promise<ClientRun>;
  /** Closes every socket and ends the process. */
  close(): Promise<void>;
}

/** Forks the client process (with this process's loader flags, so TypeScript runs as here). */
export function startClientProcess(): ClientProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL('./bench-client-process.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let exited = false;
  child.on('message', (reply: ClientReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(reply.error));
  });
  child.on('exit', (code) => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error(`The client process exited (code ${code}).`));
    pending.clear();
  });
  const ask = (request: ClientRequest) =>
    new Promise<unknown>((resolve, reject) => {
      if (exited) return reject(new Error('The client process has exited.'));
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      child.send({ id: nextId, request });
    });
  return {
    async connect(group, kind, ports, room, count) {
      await ask({ op: 'connect', group, kind, ports, room, count });
    },
    run: (group, options) => ask({ op: 'run', group, options }) as Promise<ClientRun>,
    async close() {
      if (exited) return;
      await ask({ op: 'close' }).catch(() => undefined);
      child.disconnect();
    },
  };
}
