import { describe, expect, it } from 'vitest';
import { mockCapabilities } from '../../adapters/mock/capabilities.js';
import { mockDeviations } from '../../adapters/mock/deviations.js';
import { declarationOf } from './declared-gaps.js';
import { mock } from './fixtures.js';

describe('declarationOf', () => {
  it('declares a note naming a capability that is false on the mock, with the deviation as the reason', () => {
    expect(declarationOf('the mock backend polls (capabilities.blockingPops)', mock)).toEqual({
      declared: true,
      ref: 'capabilities.blockingPops',
      kind: 'capability',
      name: 'blockingPops',
      reason: 'Emulated blocking pops wake up to 10 ms late.',
    });
  });

  it('declares a note naming a deviation handled as declared', () => {
    expect(declarationOf('XREADGROUP is not in the mock (deviations.missing-commands)', mock)).toMatchObject({
      declared: true,
      ref: 'deviations.missing-commands',
      reason: 'XREADGROUP is missing.',
    });
  });

  it.each([
    [undefined, 'skipped without a note'],
    ['  ', 'skipped without a note'],
    ['the mock backend polls for blocking pops instead of waking up', 'names no capabilities.NAME'],
    ['(capabilities.luaSemantics)', 'capabilities.luaSemantics is true on the mock'],
    ['(capabilities.teleport)', 'capabilities.teleport is not a capability'],
    ['(deviations.set-get)', 'deviations.set-get is normalised, not declared'],
    ['(deviations.no-such-thing)', 'deviations.no-such-thing is not in adapters/mock/deviations.ts'],
  ])('does not declare %j', (note, why) => {
    const declaration = declarationOf(note, mock);
    expect(declaration.declared).toBe(false);
    expect(declaration.declared ? '' : declaration.why).toContain(why);
  });

  it('takes the first valid reference when a note names several', () => {
    expect(declarationOf('(capabilities.luaSemantics, capabilities.errorReplies)', mock)).toMatchObject({
      declared: true,
      ref: 'capabilities.errorReplies',
    });
  });

  it('can declare every capability that is false on the real mock adapter', () => {
    const real = { capabilities: { ...mockCapabilities } as Record<string, boolean>, deviations: mockDeviations };
    for (const [name, value] of Object.entries(real.capabilities)) {
      if (value) continue;
      expect(declarationOf(`(capabilities.${name})`, real)).toMatchObject({ declared: true });
    }
  });
});
