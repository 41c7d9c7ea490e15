/**
 * An outage of a whole Redis Cluster, for the cluster backends: one TCP switch in front of
 * each master, and an adapter told to reach every announced master address through its
 * switch (`nodeAddressMap`). `goDown`, `hang` and `comeBack` act on every switch at once.
 */
import type { AdapterFactory } from './open-backend-adapter.js';
import type { RedisOutage } from './outage.js';
import { createTcpSwitch, type TcpSwitch } from './tcp-switch.js';

/** `seedUrls`: the cluster's seed URLs, comma-separated, as the cluster backends take them. */
export async function createClusterOutage(seedUrls: string, open: AdapterFactory): Promise<RedisOutage> {
  const masters = await announcedMasters(seedUrls, open);
  const switches: TcpSwitch[] = [];
  try {
    for (const address of masters) switches.push(await createTcpSwitch(`redis://${address}`));
  } catch (error) {
    await Promise.allSettled(switches.map((relay) => relay.close()));
    throw error;
  }
  const nodeAddressMap = Object.fromEntries(masters.map((address, index) => [address, hostPort(switches[index])]));
  const redis = open(switches.map((relay) => relay.url).join(','), { nodeAddressMap });
  const everySwitch = (act: (relay: TcpSwitch) => Promise<void>) => async () => {
    await Promise.all(switches.map(act));
  };
  return {
    redis,
    goDown: everySwitch((relay) => relay.cut()),
    hang: everySwitch((relay) => relay.stall()),
    comeBack: everySwitch((relay) => relay.restore()),
    close: async () => {
      await redis.close();
      await Promise.allSettled(switches.map((relay) => relay.close()));
    },
  };
}

/** `host:port` of every master, as CLUSTER SLOTS names them. */
async function announcedMasters(seedUrls: string, open: AdapterFactory): Promise<string[]> {
  const direct = open(seedUrls);
  try {
    const ranges = (await direct.sendCommand(['CLUSTER', 'SLOTS'])) as [number, number, [string, number]][];
    return [...new Set(ranges.map(([, , [host, port]]) => `${host}:${port}`))];
  } finally {
    await direct.close();
  }
}

function hostPort(relay: TcpSwitch | undefined): string {
  const { hostname, port } = new URL(relay?.url ?? '');
  return `${hostname}:${port}`;
}
