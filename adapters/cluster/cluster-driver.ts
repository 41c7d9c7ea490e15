/**
 * The `RedisDriver` of both cluster backends, over a `ClusterClient`. What a cluster adds
 * to one server, in one place: each command goes to the master of its keys' slot, and
 * whatever would span slots (a multi-key command, MULTI, a script, WATCH then MULTI) is
 * refused with `CrossSlotError` before anything is sent; SCAN walks every master; a
 * pipeline may span slots (it is not atomic anyway): its commands go to their own masters.
 */
import { toRawOutcomes } from '../core/batch-outcomes.js';
import { replyTimeoutMs } from '../core/blocking-timeout.js';
import { commandNameOf } from '../core/command-facts.js';
import type { ParseReply, RedisDriver } from '../core/driver.js';
import { execPlainPipeline } from '../core/plain-batches.js';
import { trackWatch } from '../core/watch-across-reconnects.js';
import { clusterCapabilities } from './cluster-capabilities.js';
import type { ClusterClient } from './cluster-client.js';
import { keysOf, slotOfCommand, slotOfKeys } from './command-slot.js';
import { firstMaster } from './first-master.js';
import { scanMasters } from './scan-masters.js';

export function createClusterDriver(client: ClusterClient): RedisDriver {
  const { guard, timeoutMs } = client;
  const watch = trackWatch(client.events);
  // The keys WATCHed on this connection: EXEC must run on their master, in their slot.
  let watchedKeys: string[] = [];

  function followWatch(command: string, args: readonly string[]): void {
    watch.sent(command);
    if (command === 'WATCH') watchedKeys = [...watchedKeys, ...args.slice(1)];
    else if (command === 'UNWATCH' || command === 'EXEC' || command === 'DISCARD') watchedKeys = [];
  }

  /** To the master of `key`'s slot, or to the first master for a keyless line. */
  function sendLine(args: readonly string[], key: string | undefined): Promise<unknown> {
    return key === undefined ? firstMaster(client.masters()).send(args) : client.send(args, key);
  }

  function send(args: string[], parse?: ParseReply): Promise<unknown> {
    const command = commandNameOf(args);
    try {
      slotOfCommand(args);
    } catch (error) {
      return Promise.reject(error);
    }
    if (command === 'SCAN') return guard.run(command, timeoutMs, () => scanMasters(client.masters(), args), parse);
    // UNWATCH names no key: it goes where WATCH went. Other keyless commands (PING, TIME, a
    // script without keys) go to the first master, always the same one: a script loaded
    // there by EVAL is found there by EVALSHA.
    const routingKey = keysOf(args)[0] ?? watchedKeys[0];
    const reply = guard.run(
      command,
      replyTimeoutMs(command, args, timeoutMs),
      () => {
        followWatch(command, args);
        return sendLine(args, routingKey);
      },
      parse,
    );
    if (command === 'EVAL')
      reply.then(
        () => loadOnEveryMaster(args[1] ?? ''),
        () => undefined,
      );
    return reply;
  }

  /**
   * Each master has its own script cache: EVAL (after NOSCRIPT, see `define-script.ts`) loaded
   * the script on one. SCRIPT LOAD on every master, in the background, so that EVALSHA finds
   * it wherever the next keys live: one round trip per run, as on one server.
   */
  function loadOnEveryMaster(source: string): void {
    for (const master of client.masters()) master.send(['SCRIPT', 'LOAD', source]).catch(() => undefined);
  }

  async function batch(kind: 'multi' | 'pipeline', commands: string[][]) {
    if (kind === 'pipeline') {
      for (const line of commands) slotOfCommand(line);
      const results = await guard.run('a pipeline', timeoutMs, () =>
        execPlainPipeline(commands, (line) => sendLine(line, keysOf(line)[0])),
      );
      return toRawOutcomes(results, commands, guard.toAdapterError);
    }
    const keys = [...watchedKeys, ...commands.flatMap(keysOf)];
    const slot = slotOfKeys(watchedKeys.length > 0 ? 'MULTI after WATCH' : 'MULTI', keys);
    const results = await guard.run('EXEC', timeoutMs, () => {
      watchedKeys = [];
      watch.exec();
      return client.multi(commands, slot);
    });
    return toRawOutcomes(results, commands, guard.toAdapterError);
  }

  return {
    backend: client.backend,
    capabilities: clusterCapabilities,
    send,
    batch,
    duplicate: async () => createClusterDriver(client.duplicate()),
    subscriber: async () => client.subscriber(),
    close: () => guard.close(),
  };
}
