/**
 * SCAN over a whole cluster: each master holds only its own slots' keys, so a full scan
 * walks every master in turn. The cursor stays one number: `nodeCursor × masters + index`
 * says which master (sorted by address) and where in it; `0` starts and ends the walk.
 * A topology change during a walk (a master added or removed) restarts nothing: finish
 * the walk and scan again.
 */
import type { ClusterMaster } from './cluster-client.js';
import { firstMaster } from './first-master.js';

/** Runs a `SCAN cursor …` command line across `masters`; replies `[cursor, keys]` like SCAN. */
export async function scanMasters(masters: readonly ClusterMaster[], args: readonly string[]): Promise<unknown> {
  const [first] = masters;
  const cursor = args[1] ?? '';
  // Not a cursor SCAN could have given: let Redis answer its own error.
  if (!first || !/^\d+$/.test(cursor)) return firstMaster(masters).send(args);
  const count = BigInt(masters.length);
  const index = Number(BigInt(cursor) % count);
  const nodeCursor = BigInt(cursor) / count;
  const master = masters[index] as ClusterMaster;
  const reply = await master.send(['SCAN', String(nodeCursor), ...args.slice(2)]);
  if (!Array.isArray(reply)) return reply;
  const [next, keys] = reply as [string, string[]];
  return [nextCursor(BigInt(next), index, masters.length), keys];
}

function nextCursor(nodeNext: bigint, index: number, masterCount: number): string {
  if (nodeNext !== 0n) return String(nodeNext * BigInt(masterCount) + BigInt(index));
  // This master is done: the next one from its start, or the end of the walk.
  return index + 1 < masterCount ? String(index + 1) : '0';
}
