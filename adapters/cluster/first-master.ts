import type { ClusterMaster } from './cluster-client.js';

/** Thrown while a cluster client has no slot map yet (the guard only sends once it is ready: rare). */
export function noMasterYet(): never {
  throw new Error('No master of the cluster is known yet: its slot map is still loading. Retry in a moment.');
}

/** The first master by address: where keyless commands go, always the same one. */
export function firstMaster(masters: readonly ClusterMaster[]): ClusterMaster {
  return masters[0] ?? noMasterYet();
}
