import { describe, expect, it } from 'vitest';
import { hintForDisplay, parseKataHints } from './kata-hints.js';

const hints = `# Hints · 01 simple cache

Read one level at a time: \`pnpm kata hint 01\`.

## Step 1 — Key/value with TTL

1. A key can expire by itself.
2. Give \`SET\` an expiry
   in seconds.
3. The commands:

   \`\`\`ts answer:cache.ts
   SET key value EX 60
   - not a new item
   ## not a heading
   \`\`\`

After the list, prose that is not a hint.

## Step 2: Cache-aside

- Look in Redis first.
- \`GET\`, then \`SET … EX\` on a miss.

### Run it
1. not a hint
`;

describe('parseKataHints', () => {
  const parsed = parseKataHints(hints);

  it('reads every "## Step N — title" section in order', () => {
    expect(parsed.map(({ number, title }) => ({ number, title }))).toEqual([
      { number: 1, title: 'Key/value with TTL' },
      { number: 2, title: 'Cache-aside' },
    ]);
  });

  it('reads the ladder of a step, multi-line items and code fences included', () => {
    expect(parsed[0]?.hints).toEqual([
      'A key can expire by itself.',
      'Give `SET` an expiry\nin seconds.',
      'The commands:\n\n```ts answer:cache.ts\nSET key value EX 60\n- not a new item\n## not a heading\n```',
    ]);
  });

  it('ends a ladder at the next heading', () => {
    expect(parsed[1]?.hints).toEqual(['Look in Redis first.', '`GET`, then `SET … EX` on a miss.']);
  });

  it('reads a file without steps as none', () => {
    expect(parseKataHints('# Soon\n')).toEqual([]);
  });
});

describe('hintForDisplay', () => {
  it("keeps a fence's language and drops the check's marks", () => {
    expect(hintForDisplay('Try:\n  ```ts answer:cache.ts\n  x\n  ```')).toBe('Try:\n  ```ts\n  x\n  ```');
  });

  it('explains declare lines when a block has them', () => {
    expect(hintForDisplay('```ts in:cache.ts\ndeclare const redis: RedisAdapter;\n```')).toBe(
      '```ts\ndeclare const redis: RedisAdapter;\n```\n\n(`declare` lines say what the code is given: they are not part of the answer.)',
    );
  });
});
