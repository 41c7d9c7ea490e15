import { describe, expect, it } from 'vitest';
import { failureDetail, trimLines, workbookFrames } from './failure-detail.js';

const root = '/work/book';
const spec = 'katas/01-x/cache.spec.ts';

describe('failureDetail', () => {
  it('keeps the assertion, the spec line and the line of the learner code', () => {
    const detail = failureDetail(root, spec, {
      name: 'AssertionError',
      message: "expected null to be 'hello'",
      stack: [
        "AssertionError: expected null to be 'hello'",
        '    at get (/work/book/katas/01-x/cache.ts:12:5)',
        '    at /work/book/node_modules/vitest/dist/index.js:1:1',
        '    at /work/book/katas/01-x/cache.spec.ts:8:41',
      ].join('\n'),
      expected: "'hello'",
      actual: 'null',
      diff: '- Expected:\n"hello"\n\n+ Received:\nnull',
    });
    expect(detail).toEqual({
      message: "AssertionError: expected null to be 'hello'",
      spec: { file: spec, line: 8, column: 41 },
      code: { file: 'katas/01-x/cache.ts', line: 12, column: 5 },
    });
  });

  it('keeps the diff of values that span lines, trimmed', () => {
    const diff = Array.from({ length: 40 }, (_, index) => `+   "key:${index}",`).join('\n');
    const detail = failureDetail(root, spec, {
      message: 'expected [ …(40) ] to deeply equal []',
      expected: '[]',
      actual: '[\n…\n]',
      diff,
    });
    expect(detail.diff?.split('\n')).toHaveLength(17);
    expect(detail.diff).toContain('… 24 more lines of the diff (--verbose shows them all)');
  });

  it('takes an expected or actual that is an object, not text (a received Error), without throwing', () => {
    const received = Object.assign(Object.create(null), { name: 'RangeError', message: 'no name' });
    const detail = failureDetail(root, spec, {
      name: 'AssertionError',
      message: 'expected RangeError: no name to be an instance of EmptyNameError',
      actual: received,
      diff: '- Expected:\nEmptyNameError\n\n+ Received:\nRangeError',
    });
    expect(detail.message).toBe('AssertionError: expected RangeError: no name to be an instance of EmptyNameError');
    expect(detail.diff).toBe('- Expected:\nEmptyNameError\n\n+ Received:\nRangeError');
  });
});

describe('workbookFrames', () => {
  it('reads the frames in the workbook, not in node_modules or elsewhere', () => {
    const stack =
      'Error\n    at f (/work/book/harness/test.ts:3:1)\n    at /elsewhere/x.js:1:1\n    at /work/book/node_modules/a.js:1:1';
    expect(workbookFrames(root, stack)).toEqual([{ file: 'harness/test.ts', line: 3, column: 1 }]);
  });
});

describe('trimLines', () => {
  it('leaves a short text as it is', () => {
    expect(trimLines('a\nb', 2, 'it')).toBe('a\nb');
  });
});
