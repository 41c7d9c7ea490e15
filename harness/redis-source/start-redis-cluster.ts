/**
 * A throwaway Redis Cluster: three masters on free ports of 127.0.0.1, no replicas, no
 * persistence, the 16384 slots split evenly, started with nothing but `redis-server`
 * (no `redis-cli --cluster create`). Stopped, temp dirs removed, by `stop()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { infoFields } from './info-fields.js';
import { type StartedRedis, startRedisServer } from './start-redis-server.js';

export interface StartedCluster {
  /** The seed URLs, one per master: `redis://127.0.0.1:port`. */
  urls: string[];
  stop(): Promise<void>;
}

const SLOTS = 16384;
/** How long the cluster may take to agree on its state before the start fails. */
const readyWithinMs = 10_000;

export async function startRedisCluster(binary: string, masters = 3): Promise<StartedCluster> {
  const directories = Array.from({ length: masters }, () => mkdtempSync(join(tmpdir(), 'redis-katas-cluster-')));
  const servers: StartedRedis[] = [];
  const removeDirectories = () => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  };
  // The servers are killed at exit (`startRedisServer`); their directories go too.
  process.once('exit', removeDirectories);
  const stop = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    process.off('exit', removeDirectories);
    removeDirectories();
  };
  try {
    servers.push(...(await Promise.all(directories.map((directory) => startClusterNode(binary, directory)))));
    await formCluster(servers.map((server) => server.port));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: servers.map((server) => server.url), stop };
}

function startClusterNode(binary: string, directory: string): Promise<StartedRedis> {
  return startRedisServer(binary, undefined, [
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    join(directory, 'nodes.conf'),
    '--dir',
    directory,
    // Without it a node learns its own address from its peers, a while after MEET: until
    // then CLUSTER SLOTS names it with an empty host, and clients skip its slots.
    '--cluster-announce-ip',
    '127.0.0.1',
    // A node that stops answering is marked failing after this long (no replicas to promote anyway).
    '--cluster-node-timeout',
    '5000',
  ]);
}

/** Slot ranges, epochs, MEET; then waits until every node says `cluster_state:ok`. */
async function formCluster(ports: number[]): Promise<void> {
  const nodes = ports.map(
    (port) => new Redis({ port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 1 }),
  );
  try {
    await Promise.all(
      nodes.map(async (node, index) => {
        const [first, last] = slotRange(index, nodes.length);
        await node.call('CLUSTER', 'ADDSLOTSRANGE', String(first), String(last));
        await node.call('CLUSTER', 'SET-CONFIG-EPOCH', String(index + 1));
      }),
    );
    const [first, ...others] = nodes;
    await Promise.all(others.map((_, index) => first?.call('CLUSTER', 'MEET', '127.0.0.1', String(ports[index + 1]))));
    await waitUntilOk(nodes, ports);
  } finally {
    for (const node of nodes) node.disconnect();
  }
}

/** The slots of master `index` of `count`: `[first, last]`, contiguous, covering all. */
export function slotRange(index: number, count: number): [number, number] {
  const first = Math.floor((SLOTS * index) / count);
  const last = Math.floor((SLOTS * (index + 1)) / count) - 1;
  return [first, last];
}

async function waitUntilOk(nodes: Redis[], ports: number[]): Promise<void> {
  const deadline = Date.now() + readyWithinMs;
  let states: string[] = [];
  while (Date.now() < deadline) {
    states = await Promise.all(nodes.map((node) => node.call('CLUSTER', 'INFO') as Promise<string>));
    if (states.every((info) => isReady(info, nodes.length))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const summary = states.map((info, index) => `${ports[index]}: ${infoSummary(info)}`).join('; ');
  throw new Error(
    `The local Redis Cluster did not become ready within ${readyWithinMs / 1000} s (want cluster_state:ok, ${SLOTS} slots, ${nodes.length} nodes on every node): ${summary}`,
  );
}

function isReady(info: string, nodes: number): boolean {
  const fields = infoFields(info);
  return (
    fields.cluster_state === 'ok' &&
    fields.cluster_slots_ok === String(SLOTS) &&
    fields.cluster_known_nodes === String(nodes)
  );
}

function infoSummary(info: string): string {
  const fields = infoFields(info);
  return `state ${fields.cluster_state}, ${fields.cluster_slots_ok} slots ok, ${fields.cluster_known_nodes} nodes known`;
}
