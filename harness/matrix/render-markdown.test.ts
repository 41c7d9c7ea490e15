import { describe, expect, it } from 'vitest';
import { buildMatrix } from './build-matrix.js';
import { mock, onEveryBackend, results } from './fixtures.js';
import { code, escapeCell, letterFor, renderMarkdown } from './render-markdown.js';

const context = { mock, source: 'pnpm matrix', nodeVersion: 'v20.0.0' };
const CACHE = 'katas/01-simple-cache/cache.spec.ts';
const LISTS = 'adapters/conformance/lists-and-blocking.spec.ts';
const MOCK_ONLY = 'adapters/conformance/mock-deviations.spec.ts';

function render(cases: Parameters<typeof results>[0]) {
  return renderMarkdown(buildMatrix(results(cases), { mock, requireAllBackends: true }), context);
}

describe('renderMarkdown', () => {
  it('renders a row per step and concern, a column per backend, and the totals', () => {
    const markdown = render([
      ...onEveryBackend(CACHE, ['step 1 · key/value with TTL', 'get']),
      ...onEveryBackend(LISTS, ['blocking', 'wakes up'], {
        mock: { state: 'skipped', note: 'polls (capabilities.blockingPops)', redisCommands: 0 },
      }),
      ...onEveryBackend(MOCK_ONLY, ['probes'], {
        ioredis: { state: 'skipped', note: 'mock project only', redisCommands: 0 },
        'node-redis': { state: 'skipped', note: 'mock project only', redisCommands: 0 },
        'ioredis-cluster': { state: 'skipped', note: 'mock project only', redisCommands: 0 },
        'node-redis-cluster': { state: 'skipped', note: 'mock project only', redisCommands: 0 },
      }),
    ]);
    const four = (cell: string) => Array(4).fill(cell).join(' | ');
    expect(markdown).toContain(
      '| kata · step, or conformance · concern | mock | ioredis | node-redis | ioredis-cluster | node-redis-cluster |',
    );
    expect(markdown).toContain(
      `| 01-simple-cache · step 1 · key/value with TTL | ✓ 1 · 2 cmds | ${four('✓ 1 · 2 cmds')} |`,
    );
    expect(markdown).toContain(`| conformance · lists-and-blocking | ⊘ 1 a · 0 cmds | ${four('✓ 1 · 2 cmds')} |`);
    expect(markdown).toContain(`| conformance · mock-deviations | ✓ 1 · 2 cmds | ${four('⊘ 1 b · 0 cmds')} |`);
    expect(markdown).toContain(`| **total** | **✓ 2 ⊘ 1 of 3** | ${four('**✓ 2 ⊘ 1 of 3**')} |`);
    expect(markdown).toContain(`| Redis commands (round trips) | 4 (0) | ${four('4 (0)')} |`);
    expect(markdown).toContain('✓ parity');
    expect(markdown).toContain('### ✓ No parity problems');
    expect(markdown).toContain(
      `| ${LISTS} › blocking › wakes up | mock | \`capabilities.blockingPops\` | Emulated blocking pops wake up to 10 ms late. |`,
    );
    expect(markdown).toContain(
      '- **a** (mock): polls (capabilities.blockingPops) · declared by `capabilities.blockingPops`',
    );
    expect(markdown).toContain(
      '- **b** (ioredis, node-redis, ioredis-cluster, node-redis-cluster): mock project only\n',
    );
  });

  it('lists each parity problem with its backend and spec', () => {
    const markdown = render(
      onEveryBackend(CACHE, ['step 1 · a', 'set'], { ioredis: { state: 'failed', error: 'expected <b> to be 5' } }),
    );
    expect(markdown).toContain('✗ parity: 1 problem, listed below');
    expect(markdown).toContain(
      '| 01-simple-cache · step 1 · a | ✓ 1 · 2 cmds | ✗ 1 · 2 cmds | ✓ 1 · 2 cmds | ✓ 1 · 2 cmds | ✓ 1 · 2 cmds |',
    );
    expect(markdown).toContain(
      `- **ioredis** · \`${CACHE} › step 1 · a › set\`: passes on node-redis, fails on ioredis: expected &lt;b> to be 5`,
    );
  });

  it('marks an undeclared mock skip in the skip reasons', () => {
    const markdown = render(onEveryBackend(LISTS, ['x'], { mock: { state: 'skipped', note: 'too slow' } }));
    expect(markdown).toContain('- **a** (mock): too slow · **not declared** (the note names no');
  });

  it('shows a backend that did not run as such', () => {
    const matrix = buildMatrix(results(onEveryBackend(CACHE, ['step 1 · a', 'x']), { projects: ['mock'] }), {
      mock,
      requireAllBackends: false,
    });
    const markdown = renderMarkdown(matrix, context);
    expect(markdown).toContain('| kata · step, or conformance · concern | mock |');
    expect(markdown).toContain('> ⚠ ioredis did not run');
  });
});

describe('helpers', () => {
  it('letters skip reasons a…z, then aa, ab…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letterFor)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('keeps a table row whole', () => {
    expect(escapeCell('a | b\nc')).toBe('a \\| b c');
  });

  it('quotes code that contains backticks', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('with `tick`')).toBe('`` with `tick` ``');
  });
});
