import { describe, expect, it } from 'vitest';
import { createConnectionPool } from './connection-pool.js';
import type { RedisDriver } from './driver.js';

/** Stand-in connections that only know their number and whether they were closed. */
function fakeConnections() {
  const made: { id: number; closed: boolean; closes: number }[] = [];
  const open = async () => {
    const connection = { id: made.length + 1, closed: false, closes: 0 };
    made.push(connection);
    return {
      id: connection.id,
      close: async () => {
        connection.closed = true;
        connection.closes += 1;
      },
    } as unknown as RedisDriver & { id: number };
  };
  return { made, open };
}

const idOf = (connection: RedisDriver) => (connection as RedisDriver & { id: number }).id;

describe('createConnectionPool', () => {
  it('hands a released connection to the next borrower instead of opening one', async () => {
    const { made, open } = fakeConnections();
    const pool = createConnectionPool(open);
    const first = await pool.acquire();
    await pool.release(first, true);
    const second = await pool.acquire();
    expect(idOf(second)).toBe(idOf(first));
    expect(made).toHaveLength(1);
  });

  it('opens a connection per borrower while all are borrowed', async () => {
    const { made, open } = fakeConnections();
    const pool = createConnectionPool(open);
    const borrowed = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
    expect(new Set(borrowed.map(idOf)).size).toBe(3);
    expect(made).toHaveLength(3);
  });

  it('lends the connection released last first', async () => {
    const { open } = fakeConnections();
    const pool = createConnectionPool(open);
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
    await pool.release(a, true);
    await pool.release(b, true);
    expect(idOf(await pool.acquire())).toBe(idOf(b));
  });

  it('closes a connection released as not reusable, and never lends it again', async () => {
    const { made, open } = fakeConnections();
    const pool = createConnectionPool(open);
    const broken = await pool.acquire();
    await pool.release(broken, false);
    expect(made[0]?.closed).toBe(true);
    expect(idOf(await pool.acquire())).toBe(2);
  });

  it('keeps at most maxIdle idle connections and closes the rest as they come back', async () => {
    const { made, open } = fakeConnections();
    const pool = createConnectionPool(open, 2);
    const borrowed = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
    for (const connection of borrowed) await pool.release(connection, true);
    expect(made.map((connection) => connection.closed)).toEqual([false, false, true]);
  });

  it('close closes idle and borrowed connections; a later release closes its connection', async () => {
    const { made, open } = fakeConnections();
    const pool = createConnectionPool(open);
    const [idle, borrowed] = await Promise.all([pool.acquire(), pool.acquire()]);
    await pool.release(idle, true);
    await pool.close();
    expect(made.map((connection) => connection.closes)).toEqual([1, 1]);
    await pool.release(borrowed, true);
    expect(made.map((connection) => connection.closes)).toEqual([1, 2]);
  });
});
