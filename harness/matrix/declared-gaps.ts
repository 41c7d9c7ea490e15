/**
 * When a spec may skip on the mock. The rule, kept simple on purpose:
 *
 *   A skip on the mock is declared when its note (`ctx.skip(note)`) names
 *   `capabilities.<name>`, where `<name>` is a capability that is `false` on the mock
 *   adapter, or `deviations.<id>`, where `<id>` is a deviation of
 *   `adapters/mock/deviations.ts` handled as `declared`. Anything else is undeclared.
 *
 * For example `skip(!redis.capabilities.errorReplies, "… (capabilities.errorReplies)")`.
 * A failure is never declared: a spec that the mock cannot pass must skip, saying why.
 */

/** What the mock says about itself: its capabilities and its deviations from Redis. */
export interface MockDeclarations {
  capabilities: Readonly<Record<string, boolean>>;
  deviations: ReadonlyArray<{
    id: string;
    handling: 'normalised' | 'declared';
    deviation: string;
    how: string;
    capability?: string;
  }>;
}

export type Declaration =
  | { declared: true; ref: string; kind: 'capability' | 'deviation'; name: string; reason: string }
  | { declared: false; why: string };

const CAPABILITY_REF = /\bcapabilities\.([A-Za-z][A-Za-z0-9]*)/g;
const DEVIATION_REF = /\bdeviations\.([a-z0-9]+(?:-[a-z0-9]+)*)/g;

/** Whether a mock skip with this note is declared, and by what (or why not). */
export function declarationOf(note: string | undefined, mock: MockDeclarations, backend = 'the mock'): Declaration {
  if (!note?.trim()) return { declared: false, why: 'skipped without a note' };
  const refused: string[] = [];
  for (const [, name = ''] of note.matchAll(CAPABILITY_REF)) {
    if (!(name in mock.capabilities)) refused.push(`capabilities.${name} is not a capability`);
    else if (mock.capabilities[name]) refused.push(`capabilities.${name} is true on ${backend}`);
    else
      return {
        declared: true,
        ref: `capabilities.${name}`,
        kind: 'capability',
        name,
        reason: capabilityReason(name, mock, backend),
      };
  }
  for (const [, id = ''] of note.matchAll(DEVIATION_REF)) {
    const deviation = mock.deviations.find((entry) => entry.id === id);
    if (!deviation) refused.push(`deviations.${id} is not in adapters/mock/deviations.ts`);
    else if (deviation.handling !== 'declared') refused.push(`deviations.${id} is normalised, not declared`);
    else return { declared: true, ref: `deviations.${id}`, kind: 'deviation', name: id, reason: deviation.deviation };
  }
  if (refused.length > 0) return { declared: false, why: refused.join('; ') };
  return { declared: false, why: 'the note names no capabilities.NAME or deviations.ID' };
}

/** The declared deviations' words for a capability that is false on the backend. */
function capabilityReason(name: string, mock: MockDeclarations, backend: string): string {
  const deviations = mock.deviations.filter((entry) => entry.capability === name && entry.handling === 'declared');
  return deviations.length > 0
    ? deviations.map((entry) => entry.deviation).join(' ')
    : `capabilities.${name} is false on ${backend}.`;
}
