import { describe, expect, it } from 'vitest';
import { results } from './fixtures.js';
import { asMatrixResults } from './results.js';

describe('asMatrixResults', () => {
  it('accepts what the matrix reporter writes', () => {
    const written = JSON.parse(JSON.stringify(results([])));
    expect(asMatrixResults(written)).toEqual(results([]));
  });

  it("says what to pass instead of Vitest's own JSON report", () => {
    expect(() => asMatrixResults({ testResults: [] }, 'reports/verify-solutions.json')).toThrow(
      /reports\/verify-solutions\.json is Vitest's JSON report.*--outputFile\.matrix/,
    );
  });

  it('refuses anything else', () => {
    expect(() => asMatrixResults({ kind: 'other' })).toThrow(/not a matrix results file/);
    expect(() => asMatrixResults(null)).toThrow(/not a matrix results file/);
  });
});
