import { expectRoundTrips } from '../../harness/expect-round-trips.js';
import { describe, expect, test } from '../../harness/test.js';
import { createHistory } from './history.js';
import { createRoomHub } from './room-hub.js';

const poll = { timeout: 5000, interval: 10 };

describe('step 3 · bounded history, stored and published in one round trip', () => {
  test('send resolves with the message: id, room, user, text and ts', async ({ redis, prefix }) => {
    const history = createHistory({ redis, namespace: prefix, now: () => 1_700_000_000_000 });
    const message = await history.send({ room: 'general', user: 'ada', text: 'hello' });
    expect(message).toEqual({
      type: 'message',
      id: expect.any(String),
      room: 'general',
      user: 'ada',
      text: 'hello',
      ts: 1_700_000_000_000,
    });
    const again = await history.send({ room: 'general', user: 'ada', text: 'hello' });
    expect(again.id, 'two messages have two ids').not.toBe(message.id);
  });

  test('read returns the messages oldest first', async ({ redis, prefix }) => {
    const history = createHistory({ redis, namespace: prefix });
    for (const text of ['one', 'two', 'three']) await history.send({ room: 'general', user: 'ada', text });
    expect((await history.read('general', 50)).map((message) => message.text)).toEqual(['one', 'two', 'three']);
  });

  test('read with a limit returns the last messages, still oldest first', async ({ redis, prefix }) => {
    const history = createHistory({ redis, namespace: prefix });
    for (const text of ['one', 'two', 'three', 'four']) await history.send({ room: 'general', user: 'ada', text });
    expect((await history.read('general', 2)).map((message) => message.text)).toEqual(['three', 'four']);
  });

  test('a room keeps its last 100 messages, in a list under <namespace>chat:{room}:history', async ({
    redis,
    prefix,
  }) => {
    const history = createHistory({ redis, namespace: prefix });
    for (let index = 1; index <= 105; index += 1)
      await history.send({ room: 'general', user: 'ada', text: `#${index}` });
    expect(await redis.lLen(`${prefix}chat:{general}:history`), 'messages in the list').toBe(100);
    const kept = await history.read('general', 100);
    expect(kept[0]?.text, 'the oldest kept').toBe('#6');
    expect(kept.at(-1)?.text, 'the newest').toBe('#105');
  });

  test('rooms keep separate histories', async ({ redis, prefix }) => {
    const history = createHistory({ redis, namespace: prefix });
    await history.send({ room: 'general', user: 'ada', text: 'in general' });
    await history.send({ room: 'random', user: 'bob', text: 'in random' });
    expect((await history.read('general', 50)).map((message) => message.text)).toEqual(['in general']);
    expect(await history.read('empty', 50)).toEqual([]);
  });

  test('send stores and publishes in one round trip; listeners get the stored message', async ({
    redis,
    prefix,
    commandLog,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('general', (frame) => heard.push(frame));
    const history = createHistory({ redis, namespace: prefix });
    commandLog.clear();
    const message = await history.send({ room: 'general', user: 'ada', text: 'hello' });
    expectRoundTrips(commandLog, 1);
    await expect.poll(() => heard.map((frame) => JSON.parse(frame)), poll).toEqual([message]);
  });

  test('messages sent at once are heard in the order the history keeps them', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('general', (frame) => heard.push((JSON.parse(frame) as { id: string }).id));
    const history = createHistory({ redis, namespace: prefix });
    const other = createHistory({ redis, namespace: prefix });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? history : other).send({ room: 'general', user: 'ada', text: String(index) }),
      ),
    );
    const kept = (await history.read('general', 100)).map((message) => message.id);
    await expect.poll(() => heard, poll).toEqual(kept);
  });

  test('a stored entry that is not a message is skipped', async ({ redis, prefix }) => {
    const history = createHistory({ redis, namespace: prefix });
    await history.send({ room: 'general', user: 'ada', text: 'real' });
    await redis.lPush(`${prefix}chat:{general}:history`, 'not json', '{"type":"message"}');
    expect((await history.read('general', 50)).map((message) => message.text)).toEqual(['real']);
  });

  test.for([0, 101, 2.5])(
    'read rejects a limit of %s and reads nothing',
    async (limit, { redis, prefix, commandLog }) => {
      const history = createHistory({ redis, namespace: prefix });
      await history.send({ room: 'general', user: 'ada', text: 'kept' });
      commandLog.clear();
      await expect(history.read('general', limit)).rejects.toThrow(RangeError);
      expect(commandLog.commands, 'commands sent').toEqual([]);
    },
  );
});
