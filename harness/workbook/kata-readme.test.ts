import { describe, expect, it } from 'vitest';
import { parseKataReadme } from './kata-readme.js';

const readme = `# Kata 01 — Simple cache

Intro.

## Step 1 — Key/value with TTL

Write \`set\` and \`get\`.

\`\`\`sh
## Step 9 — not a heading inside a fence
\`\`\`

Stuck? \`pnpm kata hint 01 1\` shows the next hint.

## Step 2: Cache-aside

### Run it
1. not learned

## What you learned

- TTLs keep a cache fresh.
- SCAN, never KEYS.

After the list, prose that is not learned.
`;

describe('parseKataReadme', () => {
  const parsed = parseKataReadme(readme);

  it('reads every "## Step N — title" heading in order, none inside a code fence', () => {
    expect(parsed.steps).toEqual([
      { number: 1, title: 'Key/value with TTL' },
      { number: 2, title: 'Cache-aside' },
    ]);
  });

  it('reads "## What you learned", up to the paragraph after it', () => {
    expect(parsed.learned).toEqual(['TTLs keep a cache fresh.', 'SCAN, never KEYS.']);
  });

  it('reads a README without steps as empty', () => {
    expect(parseKataReadme('# Soon\n')).toEqual({ steps: [], learned: [] });
  });
});
