/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark's client process (`bench-clients.ts` forks it): it holds every client
 * socket, so that the servers' process does the servers' work only, as in production, and
 * its CPU time is theirs. It answers the parent's requests over IPC, one at a time.
 */

import { type FanOutOptions, type FanOutResult, runFanOut } from '../../harness/bench/fan-out-load.js';
import { type ClientKind, type ConnectedClient, connectClient } from './bench-connectors.js';

export type ClientRequest =
  | { op: 'connect'; group: string; kind: ClientKind; ports: number[]; room: string; count: number }
  | { op: 'run'; group: string; options: FanOutOptions }
  | { op: 'close' };

/** A run as the clients saw it, and the CPU time this process spent on it. */
export interface ClientRun extends FanOutResult {
  cpuMs: number;
}

export type ClientReply = { id: number } & ({ ok: true; result?: unknown } | { ok: false; error: string });

const groups = new Map<string, ConnectedClient[]>();
const CONNECTING_AT_ONCE = 10;

async function handle(request: ClientRequest): Promise<unknown> {
  switch (request.op) {
    case 'connect': {
      const { kind, ports, room, count } = request;
      const sockets: ConnectedClient[] = [];
      groups.set(request.group, sockets);
      // Socket i goes to instance i % ports.length: the room spread evenly. A few handshakes at a
      // time: a burst of them on a busy machine can outlast the server's route deadline (503).
      for (let first = 0; first < count; first += CONNECTING_AT_ONCE) {
        const batch = Array.from(
          { length: Math.min(CONNECTING_AT_ONCE, count - first) },
          (_, offset) => first + offset,
        );
        sockets.push(
          ...(await Promise.all(batch.map((i) => connectClient(kind, ports[i % ports.length] ?? 0, room, `user${i}`)))),
        );
      }
      return undefined;
    }
    case 'run': {
      const sockets = groups.get(request.group);
      if (!sockets) throw new Error(`No clients connected for "${request.group}".`);
      const before = process.cpuUsage();
      const result = await runFanOut(sockets, request.options);
      const cpu = process.cpuUsage(before);
      return { ...result, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies ClientRun;
    }
    case 'close':
      for (const socket of [...groups.values()].flat()) socket.close();
      groups.clear();
      return undefined;
  }
}

process.on('message', (message: { id: number; request: ClientRequest }) => {
  handle(message.request).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies ClientReply),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ClientReply),
  );
});
// The parent going away ends this process too.
process.on('disconnect', () => process.exit(0));
