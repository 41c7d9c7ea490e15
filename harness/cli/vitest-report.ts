/** The parts of Vitest's JSON report (`--reporter=json`) the CLI reads. */
import { readFileSync } from 'node:fs';

export interface SpecResult {
  /** `describe` titles then the test title, e.g. `['step 1 · key/value with TTL', 'get returns …']`. */
  titles: string[];
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
  failureMessages: string[];
  file: string;
}

interface JsonReport {
  testResults: {
    name: string;
    message?: string;
    assertionResults: {
      ancestorTitles: string[];
      title: string;
      status: SpecResult['status'];
      failureMessages?: string[];
    }[];
  }[];
}

export function readVitestReport(path: string): SpecResult[] {
  const report = JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((result) => ({
      titles: [...result.ancestorTitles, result.title],
      status: result.status,
      failureMessages: result.failureMessages ?? [],
      file: file.name,
    })),
  );
}

/** Files that failed before any test ran (import or compile errors), with their message. */
export function readBrokenFiles(path: string): { file: string; message: string }[] {
  const report = JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
  return report.testResults
    .filter((file) => file.assertionResults.length === 0 && file.message)
    .map((file) => ({ file: file.name, message: file.message ?? '' }));
}
