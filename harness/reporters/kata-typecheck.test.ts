import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTypeErrors, sourceFingerprint } from './kata-typecheck.mjs';

describe('parseTypeErrors', () => {
  it('reads file, line, column, code and message, continuation lines included', () => {
    const output = [
      "katas/01-x/cache.ts(66,25): error TS2322: Type 'Promise<number>' is not assignable to type 'Promise<string>'.",
      "  Type 'number' is not assignable to type 'string'.",
      "harness/test.ts(1,1): error TS1005: ';' expected.",
    ].join('\n');
    expect(parseTypeErrors(output)).toEqual([
      {
        file: 'katas/01-x/cache.ts',
        line: 66,
        column: 25,
        code: 'TS2322',
        message:
          "Type 'Promise<number>' is not assignable to type 'Promise<string>'.\nType 'number' is not assignable to type 'string'.",
      },
      { file: 'harness/test.ts', line: 1, column: 1, code: 'TS1005', message: "';' expected." },
    ]);
  });
});

describe('sourceFingerprint', () => {
  it('changes when a file is saved again, and only then', () => {
    const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    mkdirSync(join(root, 'katas'));
    writeFileSync(join(root, 'katas/a.ts'), 'export {};\n');
    const before = sourceFingerprint(root, ['katas', 'missing.json']);
    expect(sourceFingerprint(root, ['katas', 'missing.json'])).toBe(before);
    utimesSync(join(root, 'katas/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(sourceFingerprint(root, ['katas', 'missing.json'])).not.toBe(before);
  });
});
