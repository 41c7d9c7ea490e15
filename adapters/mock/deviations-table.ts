import { mockDeviations } from './deviations.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * `adapters/MOCK-DEVIATIONS.md`: the deviations of `deviations.ts` as a Markdown table,
 * in the list's order. Generated, never edited by hand.
 */
export function renderDeviationsTable(): string {
  const normalised = mockDeviations.filter((deviation) => deviation.handling === 'normalised').length;
  const lines = [
    '# How ioredis-mock differs from Redis, and what the mock adapter does about it',
    '',
    '<!-- Generated from adapters/mock/deviations.ts by `npx tsx adapters/conformance/write-deviations-table.ts`. Do not edit. -->',
    '',
    `Raw ioredis-mock 8.13.1 against Redis 7: ${mockDeviations.length} deviations, ${normalised} normalised by the`,
    `adapter (it behaves like Redis), ${mockDeviations.length - normalised} declared (a capability or this table says so).`,
    '',
    '| id | area | ioredis-mock | handling | what the adapter does |',
    '|---|---|---|---|---|',
    ...mockDeviations.map(
      ({ id, area, deviation, handling, how }) =>
        `| \`${id}\` | ${area} | ${cell(deviation)} | ${handling} | ${cell(how)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
