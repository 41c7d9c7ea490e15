import { describe, expect, it } from 'vitest';
import type { ClusterMaster } from './cluster-client.js';
import { scanMasters } from './scan-masters.js';

/** A master whose SCAN returns its keys two at a time, cursors 0, 2, 4… */
function fakeMaster(address: string, keys: string[]): ClusterMaster & { sent: string[][] } {
  const sent: string[][] = [];
  return {
    address,
    sent,
    async send(args) {
      sent.push([...args]);
      const at = Number(args[1]);
      const next = at + 2 >= keys.length ? '0' : String(at + 2);
      return [next, keys.slice(at, at + 2)];
    },
  };
}

async function walk(masters: ClusterMaster[]): Promise<string[]> {
  const seen: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await scanMasters(masters, ['SCAN', cursor, 'COUNT', '2'])) as [string, string[]];
    seen.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return seen;
}

describe('scanMasters', () => {
  it('walks every master in turn and ends with cursor 0', async () => {
    const masters = [fakeMaster('a:1', ['a1', 'a2', 'a3']), fakeMaster('b:1', []), fakeMaster('c:1', ['c1'])];
    expect(await walk(masters)).toEqual(['a1', 'a2', 'a3', 'c1']);
  });

  it('sends each master its own cursor and the other arguments unchanged', async () => {
    const masters = [fakeMaster('a:1', ['a1', 'a2', 'a3']), fakeMaster('b:1', ['b1'])];
    await walk(masters);
    expect(masters[0]?.sent).toEqual([
      ['SCAN', '0', 'COUNT', '2'],
      ['SCAN', '2', 'COUNT', '2'],
    ]);
    expect(masters[1]?.sent).toEqual([['SCAN', '0', 'COUNT', '2']]);
  });

  it('passes a cursor that is not a number to Redis, which refuses it', async () => {
    const master = fakeMaster('a:1', []);
    await scanMasters([master], ['SCAN', 'nope']);
    expect(master.sent).toEqual([['SCAN', 'nope']]);
  });
});
