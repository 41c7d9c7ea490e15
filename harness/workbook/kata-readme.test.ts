import { describe, expect, it } from 'vitest';
import { parseHintsFile, parseKataReadme } from './kata-readme.js';

const readme = `# Kata 01 — Simple cache

Intro.

## Step 1 — Key/value with TTL

Write \`set\` and \`get\`.

### Hints

1. A key can expire by itself.
2. Give \`SET\` an expiry
   in seconds.
3. The commands:

   \`\`\`
   SET key value EX 60
   - not a new item
   \`\`\`

After the list, prose that is not a hint.

## Step 2: Cache-aside

### Hints
- Look in Redis first.
- \`GET\`, then \`SET … EX\` on a miss.

### Run it
1. not a hint

## Run the specs

1. not a hint either

## What you learned

- TTLs keep a cache fresh.
- SCAN, never KEYS.
`;

describe('parseKataReadme', () => {
  const parsed = parseKataReadme(readme);

  it('reads every "## Step N — title" heading in order', () => {
    expect(parsed.steps.map(({ number, title }) => ({ number, title }))).toEqual([
      { number: 1, title: 'Key/value with TTL' },
      { number: 2, title: 'Cache-aside' },
    ]);
  });

  it('reads the hint ladder of a step, multi-line items and code fences included', () => {
    expect(parsed.steps[0]?.hints).toEqual([
      'A key can expire by itself.',
      'Give `SET` an expiry\nin seconds.',
      'The commands:\n\n```\nSET key value EX 60\n- not a new item\n```',
    ]);
  });

  it('ends a hint list at the next heading', () => {
    expect(parsed.steps[1]?.hints).toEqual(['Look in Redis first.', '`GET`, then `SET … EX` on a miss.']);
  });

  it('reads "## What you learned"', () => {
    expect(parsed.learned).toEqual(['TTLs keep a cache fresh.', 'SCAN, never KEYS.']);
  });

  it('reads a README without steps as empty', () => {
    expect(parseKataReadme('# Soon\n')).toEqual({ steps: [], learned: [] });
  });
});

describe('parseHintsFile', () => {
  const hints = `# Kata 09 · hints

## Step 1 — Store a value

1. A key holds a string.
2. The commands:

   \`\`\`
   SET key value
   \`\`\`

## Step 2 — Expire it

1. Keys can expire.
2. \`SET key value EX 60\`
`;

  it('reads the numbered list right under each step heading as its ladder, fences included', () => {
    expect(parseHintsFile(hints)).toEqual(
      new Map([
        [1, ['A key holds a string.', 'The commands:\n\n```\nSET key value\n```']],
        [2, ['Keys can expire.', '`SET key value EX 60`']],
      ]),
    );
  });
});
