import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardConnection } from '../core/connection-guard.js';
import { CrossSlotError } from '../errors/cross-slot-error.js';
import type { ClusterClient } from './cluster-client.js';
import { createClusterDriver } from './cluster-driver.js';
import { keySlot } from './key-slot.js';

/** A cluster client that answers OK and records where each line went. */
function fakeCluster() {
  const sent: { to: string; args: string[] }[] = [];
  const events = new EventEmitter();
  const guard = guardConnection({
    endpoint: 'a fake cluster',
    commandTimeoutMs: 750,
    events,
    isReady: () => true,
    isReplyError: (_value: unknown): _value is Error => false,
    quit: async () => undefined,
    destroy: () => undefined,
  });
  const master = (address: string) => ({
    address,
    send: async (args: readonly string[]) => {
      sent.push({ to: address, args: [...args] });
      return 'OK';
    },
  });
  const client: ClusterClient = {
    backend: 'ioredis-cluster',
    guard,
    events,
    timeoutMs: 750,
    send: async (args, key) => {
      sent.push({ to: `slot ${keySlot(key)}`, args: [...args] });
      return 'OK';
    },
    masters: () => [master('127.0.0.1:7000'), master('127.0.0.1:7001')],
    multi: async (commands, slot) => {
      sent.push({ to: `multi on slot ${slot}`, args: commands.flat() });
      return commands.map(() => ({ value: 'OK' }));
    },
    duplicate: () => client,
    subscriber: () => {
      throw new Error('not in this test');
    },
  };
  return { driver: createClusterDriver(client), sent };
}

// "foo" and "bar" hash to different slots (12182 and 5061).
describe('createClusterDriver', () => {
  it('refuses a multi-key command over two slots with CrossSlotError, and sends nothing', async () => {
    const { driver, sent } = fakeCluster();
    await expect(driver.send(['MGET', 'foo', 'bar'])).rejects.toBeInstanceOf(CrossSlotError);
    expect(sent).toEqual([]);
  });

  it('refuses a MULTI over two slots, and a pipeline holding a cross-slot line, sending nothing', async () => {
    const { driver, sent } = fakeCluster();
    await expect(
      driver.batch('multi', [
        ['SET', 'foo', '1'],
        ['SET', 'bar', '2'],
      ]),
    ).rejects.toBeInstanceOf(CrossSlotError);
    await expect(
      driver.batch('pipeline', [
        ['SET', 'foo', '1'],
        ['DEL', 'foo', 'bar'],
      ]),
    ).rejects.toBeInstanceOf(CrossSlotError);
    expect(sent).toEqual([]);
  });

  it('sends a MULTI to the master of its one slot, and a pipeline line by line to each key', async () => {
    const { driver, sent } = fakeCluster();
    await driver.batch('multi', [
      ['SET', '{u1}a', '1'],
      ['INCR', '{u1}b'],
    ]);
    await driver.batch('pipeline', [
      ['SET', 'foo', '1'],
      ['SET', 'bar', '2'],
    ]);
    expect(sent.map((entry) => entry.to)).toEqual([
      `multi on slot ${keySlot('u1')}`,
      `slot ${keySlot('foo')}`,
      `slot ${keySlot('bar')}`,
    ]);
  });

  it('checks a MULTI after WATCH against the watched keys, and sends UNWATCH where WATCH went', async () => {
    const { driver, sent } = fakeCluster();
    await driver.send(['WATCH', 'foo']);
    await expect(driver.batch('multi', [['SET', 'bar', '1']])).rejects.toThrow(/^CROSSSLOT MULTI after WATCH/);
    await driver.send(['UNWATCH']);
    expect(sent.map((entry) => entry.to)).toEqual([`slot ${keySlot('foo')}`, `slot ${keySlot('foo')}`]);
  });

  it('sends keyless commands to the first master by address, every time', async () => {
    const { driver, sent } = fakeCluster();
    await driver.send(['PING']);
    await driver.send(['EVAL', 'return 1', '0']);
    const commands = sent.filter((entry) => entry.args[0] !== 'SCRIPT');
    expect(commands.map((entry) => entry.to)).toEqual(['127.0.0.1:7000', '127.0.0.1:7000']);
  });

  it('loads a script on every master once EVAL ran, so EVALSHA finds it wherever its keys live', async () => {
    const { driver, sent } = fakeCluster();
    await driver.send(['EVAL', 'return 1', '1', 'foo']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.filter((entry) => entry.args[0] === 'SCRIPT')).toEqual([
      { to: '127.0.0.1:7000', args: ['SCRIPT', 'LOAD', 'return 1'] },
      { to: '127.0.0.1:7001', args: ['SCRIPT', 'LOAD', 'return 1'] },
    ]);
  });
});
