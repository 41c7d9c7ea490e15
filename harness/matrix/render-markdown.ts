/**
 * The adapter matrix as Markdown, for the terminal, `reports/adapter-matrix.md` and the
 * GitHub job summary: the table (a row per kata step and conformance concern, a column
 * per backend), the totals, the parity problems, the declared gaps, and the skip
 * reasons that the cells point to by letter.
 */
import type { AdapterMatrix, BackendTotals, Cell, MatrixBackend } from './build-matrix.js';
import { type Declaration, declarationOf, type MockDeclarations } from './declared-gaps.js';

export interface RenderContext {
  mock: MockDeclarations;
  /** Where the results came from: `pnpm matrix` or `reports/verify-matrix-results.json`. */
  source: string;
  /** `v22.11.0` */
  nodeVersion: string;
}

export function renderMarkdown(matrix: AdapterMatrix, context: RenderContext): string {
  const { backends } = matrix;
  const letters = new SkipLetters();
  const lines: string[] = [];
  const verdict =
    matrix.problems.length === 0
      ? `✓ parity: no spec passes on one backend and fails or skips on another without a declared reason (${plural(matrix.declaredGaps.length, 'declared gap')})`
      : `✗ parity: ${plural(matrix.problems.length, 'problem')}, listed below`;

  lines.push(`## Adapter matrix: ${backends.join(', ') || 'no backend'}`, '');
  lines.push(
    `Every spec against the solutions, per backend. ${verdict}.`,
    '',
    `Run ${matrix.startedAt} · Node ${context.nodeVersion} · ${seconds(matrix.wallMs)} wall · results from ${context.source}`,
    '',
  );
  for (const warning of matrix.warnings) lines.push(`> ⚠ ${escapeText(warning)}`, '');

  lines.push(`| kata · step, or conformance · concern | ${backends.join(' | ')} |`);
  lines.push(`|---|${backends.map(() => '---').join('|')}|`);
  for (const row of matrix.rows) {
    const cells = backends.map((backend) => renderCell(row.cells[backend], backend, letters));
    lines.push(`| ${escapeCell(row.label)} | ${cells.join(' | ')} |`);
  }
  const totals = backends.map((backend) => matrix.totals[backend]);
  lines.push(`| **total** | ${totals.map((total) => `**${renderCounts(total)}**`).join(' | ')} |`);
  lines.push(`| wall time, first to last test | ${totals.map((total) => seconds(total?.wallMs ?? 0)).join(' | ')} |`);
  lines.push(
    `| Redis commands (round trips) | ${totals.map((total) => `${count(total?.commands ?? 0)} (${count(total?.roundTrips ?? 0)})`).join(' | ')} |`,
  );
  lines.push(
    '',
    '✓ passed · ✗ failed · ⊘ skipped, with the letter of its reason (below) · — not run on that backend (its project leaves the file out) · cmds: Redis commands sent by the tests’ `redis` adapters.',
  );

  lines.push('', matrix.problems.length === 0 ? '### ✓ No parity problems' : '### ✗ Parity problems', '');
  for (const problem of matrix.problems) {
    const where = problem.spec ? ` · ${code(problem.spec)}` : '';
    lines.push(`- **${problem.backend}**${where}: ${escapeText(problem.message)}`);
  }
  if (matrix.problems.length === 0) {
    lines.push('Every failure, and every mock skip without a declared capability, would be listed here.');
  }

  lines.push('', `### Declared gaps (${matrix.declaredGaps.length})`, '');
  if (matrix.declaredGaps.length === 0) lines.push('None: every backend runs every spec.');
  else {
    lines.push(
      'Specs a backend skips on purpose: its note names a capability that is false on that backend (the mock, or Redis Cluster), or a declared deviation of the mock (`adapters/mock/deviations.ts`). This list only changes when a capability or a spec does.',
      '',
      '| spec | backend | declared by | why |',
      '|---|---|---|---|',
    );
    for (const gap of matrix.declaredGaps) {
      lines.push(`| ${escapeCell(gap.spec)} | ${gap.backend} | \`${gap.declaredBy}\` | ${escapeCell(gap.reason)} |`);
    }
  }

  const reasons = letters.list();
  if (reasons.length > 0) {
    lines.push('', '### Skip reasons', '');
    for (const { letter, note, backends: where } of reasons) {
      const declared = where.includes('mock') ? mockStatus(declarationOf(note, context.mock)) : '';
      lines.push(`- **${letter}** (${where.join(', ')}): ${escapeText(note)}${declared}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function mockStatus(declaration: Declaration): string {
  return declaration.declared ? ` · declared by \`${declaration.ref}\`` : ` · **not declared** (${declaration.why})`;
}

function renderCell(cell: Cell | undefined, backend: MatrixBackend, letters: SkipLetters): string {
  if (!cell) return 'not run';
  if (cell.passed + cell.failed + cell.skipped === 0) return '—';
  const parts: string[] = [];
  if (cell.passed > 0) parts.push(`✓ ${cell.passed}`);
  if (cell.failed > 0) parts.push(`✗ ${cell.failed}`);
  if (cell.skipped > 0) {
    parts.push(`⊘ ${cell.skipped} ${cell.skipNotes.map((note) => letters.of(note, backend)).join(',')}`);
  }
  return `${parts.join(' ')} · ${count(cell.commands)} cmds`;
}

function renderCounts(total: BackendTotals | undefined): string {
  if (!total) return 'not run';
  const parts = [`✓ ${total.passed}`];
  if (total.failed > 0) parts.push(`✗ ${total.failed}`);
  if (total.skipped > 0) parts.push(`⊘ ${total.skipped}`);
  return `${parts.join(' ')} of ${total.tests}`;
}

/** Letters for skip notes, in order of first appearance: a, b, …, z, aa, ab, … */
class SkipLetters {
  private readonly notes = new Map<string, { letter: string; backends: MatrixBackend[] }>();

  of(note: string, backend: MatrixBackend): string {
    let entry = this.notes.get(note);
    if (!entry) {
      entry = { letter: letterFor(this.notes.size), backends: [] };
      this.notes.set(note, entry);
    }
    if (!entry.backends.includes(backend)) entry.backends.push(backend);
    return entry.letter;
  }

  list(): { letter: string; note: string; backends: MatrixBackend[] }[] {
    return [...this.notes].map(([note, entry]) => ({ note, ...entry }));
  }
}

export function letterFor(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : letterFor(Math.floor(index / 26) - 1) + letter;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en-US');
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Text inside a table cell: no pipe or newline may break the row. */
export function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|');
}

/** Text outside code: one line, and nothing GitHub would take for an HTML tag. */
export function escapeText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  if (!flat.includes('`')) return `\`${flat}\``;
  return `\`\` ${flat} \`\``;
}
