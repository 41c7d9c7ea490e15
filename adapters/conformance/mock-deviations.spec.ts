/**
 * Keeps `adapters/mock/deviations.ts` honest. For every entry: raw ioredis-mock still
 * deviates (when ioredis-mock fixes one, its test fails: drop the entry on purpose), and
 * the mock adapter does what the entry says (behaves like Redis when `normalised`; shows
 * the declared difference, or its capability is false, when `declared`). Mock project only.
 */

import { describe, expect, test } from '../../harness/test.js';
import { createMockAdapter } from '../ioredis-mock.js';
import { mockDeviations } from '../mock/deviations.js';
import { createRawMock, deviationProbes } from './mock-probes/index.js';

const mockOnly = 'probes raw ioredis-mock and the mock adapter: runs in the mock project only';

describe('the deviation list', () => {
  test('every deviation has a probe, and every probe a deviation', ({ backend, skip }) => {
    skip(backend !== 'mock', mockOnly);
    expect(Object.keys(deviationProbes).sort()).toEqual(mockDeviations.map(({ id }) => id).sort());
  });

  test('ids are unique', ({ backend, skip }) => {
    skip(backend !== 'mock', mockOnly);
    const ids = mockDeviations.map(({ id }) => id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  test("a declared deviation's capability is false on the mock adapter", async ({ backend, skip }) => {
    skip(backend !== 'mock', mockOnly);
    const redis = createMockAdapter();
    try {
      const declared = mockDeviations.flatMap(({ capability }) => (capability ? [capability] : []));
      expect(declared.filter((capability) => redis.capabilities[capability])).toEqual([]);
    } finally {
      await redis.close();
    }
  });
});

describe.each(mockDeviations.map((deviation) => [deviation.id, deviation] as const))('%s', (id, deviation) => {
  test('raw ioredis-mock still deviates', async ({ backend, skip }) => {
    skip(backend !== 'mock', mockOnly);
    const probe = deviationProbes[id];
    if (!probe) throw new Error(`No probe for deviation ${id}: add one to adapters/conformance/mock-probes/.`);
    const raw = createRawMock();
    try {
      await probe.raw(raw);
    } catch (error) {
      throw new Error(
        `Raw ioredis-mock no longer shows deviation "${id}" (${deviation.deviation}). If ioredis-mock fixed it, ` +
          'remove the entry from adapters/mock/deviations.ts (and its emulation), then regenerate MOCK-DEVIATIONS.md.',
        { cause: error },
      );
    } finally {
      raw.close();
    }
  });

  const behaves = deviation.handling === 'normalised' ? 'behaves like Redis' : 'shows the declared difference';
  test(`the mock adapter ${behaves} (${deviation.handling})`, async ({ backend, prefix, skip }) => {
    skip(backend !== 'mock', mockOnly);
    const probe = deviationProbes[id];
    if (!probe) throw new Error(`No probe for deviation ${id}: add one to adapters/conformance/mock-probes/.`);
    const redis = createMockAdapter();
    const other = createMockAdapter();
    try {
      await probe.adapter({ redis, other, prefix });
    } finally {
      await Promise.all([redis.close(), other.close()]);
    }
  });
});
