import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestError, manifestProblems, PROVIDED_HEADER, parseManifest } from './kata-manifest.js';

const kata = { id: '01-demo', number: 1, name: 'demo' };
const manifest = { id: '01-demo', title: 'Demo', steps: [], starterFiles: ['demo.ts'], providedFiles: ['helper.ts'] };

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kata-manifest-'));
  mkdirSync(join(root, 'katas', kata.id), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'katas', kata.id, name), content);
  return root;
}

describe('manifestProblems', () => {
  it('finds nothing wrong when every file is covered', () => {
    const root = folder({
      'demo.ts': '',
      'helper.ts': `/** ${PROVIDED_HEADER} */`,
      'demo.spec.ts': '',
      'README.md': '',
      'kata.json': '',
    });
    expect(manifestProblems(root, kata, manifest)).toEqual([]);
  });

  it('names a file in no list, a listed file that is missing, and a provided file without its header', () => {
    const root = folder({ 'helper.ts': '// helps', 'extra.ts': '' });
    expect(manifestProblems(root, kata, manifest)).toEqual([
      'katas/01-demo/demo.ts is listed in kata.json but does not exist.',
      'katas/01-demo/extra.ts is in no list of kata.json: add it to "starterFiles" or "providedFiles".',
      `katas/01-demo/helper.ts is provided: its header comment must say "${PROVIDED_HEADER}"`,
    ]);
  });
});

describe('parseManifest', () => {
  it('names the field that is wrong', () => {
    expect(() => parseManifest({ ...manifest, starterFiles: 'demo.ts' }, 'kata.json')).toThrow(
      new ManifestError('kata.json: "starterFiles" must be a list of file names.'),
    );
  });
});
