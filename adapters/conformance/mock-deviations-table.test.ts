import { describe, expect, it } from 'vitest';
import { renderDeviationsTable } from '../mock/deviations.js';
import { readDeviationsTable, regenerateCommand } from './write-deviations-table.js';

describe('adapters/MOCK-DEVIATIONS.md', () => {
  it('is exactly the table rendered from adapters/mock/deviations.ts (regenerated, never hand-edited)', async () => {
    const committed = await readDeviationsTable();
    expect(committed, `adapters/MOCK-DEVIATIONS.md is missing: run ${regenerateCommand}`).not.toBeNull();
    expect(committed, `adapters/MOCK-DEVIATIONS.md is out of date: run ${regenerateCommand}`).toBe(
      renderDeviationsTable(),
    );
  });
});
