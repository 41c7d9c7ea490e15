/**
 * Two tiny katas with the anatomy of the real ones (README with steps, HINTS.md with hint ladders,
 * `step N · …` specs, starters throwing `NotImplementedError`, a solution), so the CLI's
 * tests do not depend on the curriculum being written around them.
 */

/** Relative path → content. */
export type Files = Record<string, string>;

const counterReadme = `# Kata 01 — Counter

## Step 1 — Increment

Add one.

Stuck? \`pnpm kata hint 01 1\` shows the next hint.

## Step 2 — Reset

Back to zero.

Stuck? \`pnpm kata hint 01 2\` shows the next hint.

## What you learned

- INCR counts atomically.
- DEL puts a counter back to nothing.
`;

const counterHints = `# Hints · 01 counter

## Step 1 — Increment

1. A counter only ever moves up by one.
2. Return \`value + 1\`.
3. In Redis this is one command: \`INCR key\`.

## Step 2 — Reset

1. Back to where it started.
2. \`DEL key\` (or \`SET key 0\`).
`;

const counterSpec = `import { describe, expect, it } from 'vitest';
import { increment, reset } from './counter.js';

describe('step 1 · increment', () => {
  it('adds one', () => {
    expect(increment(1)).toBe(2);
  });
  it('starts from zero', () => {
    expect(increment(0)).toBe(1);
  });
});

describe('step 2 · reset', () => {
  it('returns zero', () => {
    expect(reset()).toBe(0);
  });
});
`;

const starterImport = `import { NotImplementedError } from '../not-implemented-error.js';\n\n`;

/** The starter of kata 01, both steps to do. */
export const counterStarter = `${starterImport}export function increment(_value: number): number {
  throw new NotImplementedError('01-counter', 1, 'increment');
}

export function reset(): number {
  throw new NotImplementedError('01-counter', 2, 'reset');
}
`;

/** Kata 01 with step 1 solved by the learner. */
export const counterStep1Solved = counterStarter.replace(
  "throw new NotImplementedError('01-counter', 1, 'increment');",
  'return _value + 1;',
);

/** Kata 01 with a syntax error the learner typed. */
export const counterBroken = counterStarter.replace(
  "throw new NotImplementedError('01-counter', 1, 'increment');",
  'return _value + ;',
);

/** The reference solution of kata 01. */
export const counterSolution = `export function increment(value: number): number {
  return value + 1;
}

export function reset(): number {
  return 0;
}
`;

const greeterSpec = `import { describe, expect, it } from 'vitest';
import { greet } from './greeter.js';

describe('step 1 · greet', () => {
  it('greets by name', () => {
    expect(greet('Ada')).toBe('Hello, Ada!');
  });
});
`;

/** The starter of kata 02. */
export const greeterStarter = `${starterImport}export function greet(_name: string): string {
  throw new NotImplementedError('02-greeter', 1, 'greet');
}
`;

/** Kata 02 with a syntax error the learner typed. */
export const greeterBroken = greeterStarter.replace(
  "throw new NotImplementedError('02-greeter', 1, 'greet');",
  "return 'Hello, ' + ;",
);

/** Kata 02 started, wrongly. */
export const greeterWrong = greeterStarter.replace(
  "throw new NotImplementedError('02-greeter', 1, 'greet');",
  "return 'Hi';",
);

/**
 * Kata 02 with a spec that awaits a rejection, and a learner's greet that rejects with
 * another error: the failure message then carries that Error object.
 */
export const greeterRejecting: Files = {
  'katas/02-greeter/greeter.spec.ts': `import { describe, expect, it } from 'vitest';
import { EmptyNameError, greetChecked } from './greeter.js';

describe('step 1 · greet', () => {
  it('refuses an empty name', async () => {
    await expect(greetChecked('')).rejects.toBeInstanceOf(EmptyNameError);
  });
});
`,
  'katas/02-greeter/greeter.ts': `export class EmptyNameError extends Error {}

export async function greetChecked(_name: string): Promise<string> {
  throw new RangeError('no name');
}
`,
};

/** The manifest of kata 01. */
export const counterManifest = `${JSON.stringify({
  id: '01-counter',
  title: 'Counter',
  steps: [
    { number: 1, title: 'increment' },
    { number: 2, title: 'reset' },
  ],
  starterFiles: ['counter.ts'],
  providedFiles: [],
})}\n`;

const greeterManifest = `${JSON.stringify({
  id: '02-greeter',
  title: 'Greeter',
  steps: [{ number: 1, title: 'greet' }],
  starterFiles: ['greeter.ts'],
  providedFiles: [],
})}\n`;

/** Every file of the two fixture katas. */
export const fixtureKatas: Files = {
  'katas/01-counter/README.md': counterReadme,
  'katas/01-counter/HINTS.md': counterHints,
  'katas/01-counter/counter.spec.ts': counterSpec,
  'katas/01-counter/counter.ts': counterStarter,
  'katas/01-counter/kata.json': counterManifest,
  'solutions/01-counter/counter.ts': counterSolution,
  'katas/02-greeter/README.md': '# Kata 02 — Greeter\n\n## Step 1 — Greet\n\nSay hello.\n',
  'katas/02-greeter/HINTS.md': '# Hints · 02 greeter\n\n## Step 1 — Greet\n\n1. Use a template string.\n',
  'katas/02-greeter/greeter.spec.ts': greeterSpec,
  'katas/02-greeter/greeter.ts': greeterStarter,
  'katas/02-greeter/kata.json': greeterManifest,
  'solutions/02-greeter/greeter.ts':
    "export function greet(name: string): string {\n  return 'Hello, ' + name + '!';\n}\n",
};
