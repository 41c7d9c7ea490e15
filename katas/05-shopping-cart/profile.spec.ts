import { describe, expect, test } from '../../harness/test.js';
import { profileKey } from './keys.js';
import { fromHash, type Profile, toHash } from './profile-codec.js';
import { createProfileStore } from './profile-store.js';

const ada: Profile = {
  userId: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  age: 36,
  balanceCents: -1250,
  rating: 4.75,
  newsletter: true,
  verified: false,
  joinedAt: new Date('2024-02-29T23:59:59.123Z'),
};

describe('step 1 · a profile object in a hash', () => {
  test('a profile comes back equal, every value with its type: strings, numbers, booleans, dates', async ({
    redis,
    prefix,
  }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    await profiles.save('ada', ada);
    const loaded = await profiles.load('ada');
    expect(loaded).toEqual(ada);
    expect(loaded?.joinedAt, 'a Date comes back a Date, to the millisecond').toBeInstanceOf(Date);
  });

  test('strings that look like other types stay strings; numbers keep every digit', async ({ redis, prefix }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    const tricky: Profile = {
      zip: '01234',
      answer: '42',
      yes: 'true',
      empty: '',
      day: '2024-01-01',
      tag: 'n:1',
      zero: 0,
      negativeZero: -0,
      big: Number.MAX_SAFE_INTEGER,
      huge: 1e21,
      tiny: 5e-324,
      third: 1 / 3,
    };
    await profiles.save('u1', tricky);
    const loaded = await profiles.load('u1');
    expect(loaded).toEqual(tricky);
    expect(Object.is(loaded?.negativeZero, -0), '-0 comes back -0').toBe(true);
  });

  test('an absent field is not written, and comes back absent (not null, not "")', async ({ redis, prefix }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    await profiles.save('u1', { userId: 'u1', name: 'Grace', nickname: undefined });
    expect(await redis.hExists(profileKey(prefix, 'u1'), 'nickname'), 'no "nickname" field in the hash').toBe(false);
    const loaded = await profiles.load('u1');
    expect(loaded).toEqual({ userId: 'u1', name: 'Grace' });
    expect(loaded && Object.hasOwn(loaded, 'nickname')).toBe(false);
  });

  test('field names are kept as they are: spaces, colons, accents, constructor, toString', async ({
    redis,
    prefix,
  }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    const odd: Profile = { 'first name': 'Zoë', 'a:b': 1, ünïcødé: true, constructor: 'c', toString: 't' };
    await profiles.save('u1', odd);
    expect(await profiles.load('u1')).toEqual(odd);
  });

  test('a field named `__proto__` is kept as a field, and sets no prototype', async ({ redis, prefix }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    const profile: Profile = JSON.parse('{"userId":"u1","__proto__":"not a prototype"}');
    await profiles.save('u1', profile);
    expect(await redis.hExists(profileKey(prefix, 'u1'), '__proto__'), 'a "__proto__" field in the hash').toBe(true);
    const loaded = await profiles.load('u1');
    expect(loaded && Object.getOwnPropertyDescriptor(loaded, '__proto__')?.value).toBe('not a prototype');
    expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
  });

  test('the profile is a hash under profileKey(namespace, userId), one field per present value', async ({
    redis,
    prefix,
  }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    await profiles.save('ada', ada);
    expect(profiles.keyFor('ada')).toBe(`${prefix}user:ada`);
    expect(await redis.type(`${prefix}user:ada`)).toBe('hash');
    expect((await redis.hLen(`${prefix}user:ada`)) as number).toBe(Object.keys(ada).length);
  });

  test('saving again replaces the whole profile: a field left out is gone', async ({ redis, prefix }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    await profiles.save('ada', ada);
    await profiles.save('ada', { userId: 'ada', name: 'Ada King' });
    expect(await profiles.load('ada')).toEqual({ userId: 'ada', name: 'Ada King' });
  });

  test('saving is one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    commandLog.clear();
    await profiles.save('ada', ada);
    expect(commandLog.roundTrips, 'round trips sent by save()').toHaveLength(1);
  });

  test('load gives null for an unknown user; remove says whether there was a profile', async ({ redis, prefix }) => {
    const profiles = createProfileStore({ redis, namespace: prefix });
    expect(await profiles.load('nobody')).toBeNull();
    await profiles.save('ada', ada);
    expect(await profiles.remove('ada')).toBe(true);
    expect(await profiles.load('ada')).toBeNull();
    expect(await profiles.remove('ada')).toBe(false);
  });

  test.for([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date('not a date')],
    ['null', null],
    ['an object', { nested: true }],
    ['an array', ['a']],
  ] as const)(
    'saving %s throws a TypeError naming the field, and changes nothing',
    async ([, value], { redis, prefix }) => {
      const profiles = createProfileStore({ redis, namespace: prefix });
      await profiles.save('ada', ada);
      const bad = { ...ada, name: 'Changed', oops: value } as unknown as Profile;
      await expect(profiles.save('ada', bad)).rejects.toThrow(TypeError);
      await expect(profiles.save('ada', bad)).rejects.toThrow(/oops/);
      expect(await profiles.load('ada'), 'the saved profile, untouched').toEqual(ada);
    },
  );

  test('toHash and fromHash are inverse, and fromHash refuses text toHash did not write', () => {
    expect(fromHash(toHash(ada))).toEqual(ada);
    expect(Object.values(toHash(ada)).every((text) => typeof text === 'string')).toBe(true);
    expect(() => fromHash({ name: 'Ada' })).toThrow(TypeError);
    expect(() => fromHash({ name: 'Ada' })).toThrow(/name/);
  });
});
