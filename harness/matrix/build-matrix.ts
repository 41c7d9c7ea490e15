/**
 * The adapter matrix, from one run's results (`MatrixResults`): a row per kata step and
 * per conformance concern, a column per backend, per-backend totals, and the parity gate.
 *
 * The parity gate, per spec (a test, named by its file and titles), in plain words:
 * - every failure is a problem, said as a comparison: `passes on ioredis, fails on
 *   node-redis`, `fails on the mock (passes on ioredis, node-redis)`, or `fails on …`;
 * - a real client that skips a spec the other client passes on the same topology (one
 *   server, or a cluster) is a problem;
 * - the mock skipping a spec that runs elsewhere is a problem unless the skip is declared
 *   (`declared-gaps.ts`); declared skips are listed as the mock's declared gaps;
 * - a cluster backend skipping a spec that passes on one server is a problem unless its note
 *   names a capability that is false on the cluster (`keysAcrossSlots`, …): a declared gap;
 * - a spec file that does not load on a backend is a problem;
 * - a backend that did not run at all is a problem when `requireAllBackends` (CI), a
 *   warning otherwise.
 * Unit tests (`*.test.ts`) are not specs and are left out.
 */
import { backendNames, isClusterBackend, serverBackendNames } from '../backend-names.js';
import { type Declaration, declarationOf, type MockDeclarations } from './declared-gaps.js';
import type { CaseState, MatrixCase, MatrixResults } from './results.js';

export const matrixBackends = backendNames;
export type MatrixBackend = (typeof matrixBackends)[number];

/** Each real client's peer: the other client on the same topology. */
const peerOf: Partial<Record<MatrixBackend, MatrixBackend>> = {
  ioredis: 'node-redis',
  'node-redis': 'ioredis',
  'ioredis-cluster': 'node-redis-cluster',
  'node-redis-cluster': 'ioredis-cluster',
};

export interface RowKey {
  /** Stable id: `katas/01-simple-cache#step-2`, `conformance/errors`, or the file. */
  id: string;
  /** `01-simple-cache · step 2 · cache-aside over a slow data source`, `conformance · errors`. */
  label: string;
  group: 'kata' | 'conformance' | 'other';
  /** Sorts rows: group, kata, step number, name. */
  sortKey: string;
}

/** What one backend did with the specs of one row. */
export interface Cell {
  passed: number;
  failed: number;
  skipped: number;
  /** Redis commands and round trips the tests' `redis` adapters sent. */
  commands: number;
  roundTrips: number;
  /** Distinct skip notes, in order of appearance. */
  skipNotes: string[];
}

export interface MatrixRow extends RowKey {
  files: string[];
  /** One cell per backend that ran; absent for a backend that did not run. */
  cells: Partial<Record<MatrixBackend, Cell>>;
}

export interface BackendTotals extends Omit<Cell, 'skipNotes'> {
  tests: number;
  /** First test start to last test end in this backend (projects run side by side). */
  wallMs: number;
  /** Sum of the tests' own durations. */
  testMs: number;
}

export type ProblemKind =
  | 'real-clients-disagree'
  | 'mock-failed'
  | 'mock-skipped-undeclared'
  | 'cluster-skipped-undeclared'
  | 'failed'
  | 'did-not-load'
  | 'backend-missing';

export interface ParityProblem {
  kind: ProblemKind;
  /** The backend at fault. */
  backend: MatrixBackend;
  /** `file › describe › test`, or the file for `did-not-load`; absent for `backend-missing`. */
  spec?: string;
  message: string;
}

export interface DeclaredGap {
  spec: string;
  row: string;
  /** The backend that skips: the mock, or a cluster backend. */
  backend: MatrixBackend;
  /** `capabilities.blockingPops` or `deviations.missing-commands`. */
  declaredBy: string;
  /** Why the backend lacks it: from `adapters/mock/deviations.ts`, or the capability's name. */
  reason: string;
  note: string;
}

export interface AdapterMatrix {
  kind: 'redis-katas/adapter-matrix';
  version: 1;
  startedAt: string;
  wallMs: number;
  /** The backends that ran, in column order. */
  backends: MatrixBackend[];
  rows: MatrixRow[];
  totals: Partial<Record<MatrixBackend, BackendTotals>>;
  problems: ParityProblem[];
  warnings: string[];
  declaredGaps: DeclaredGap[];
  /** Every spec that did not pass somewhere, with what each backend did. */
  specs: SpecOutcomes[];
}

export interface SpecOutcomes {
  spec: string;
  row: string;
  outcomes: Partial<Record<MatrixBackend, { state: CaseState; note?: string; error?: string }>>;
}

export interface BuildOptions {
  mock: MockDeclarations;
  /** The cluster backends' capabilities (no deviations); without it no cluster skip is declared. */
  cluster?: MockDeclarations;
  /** A backend that did not run is a problem (CI), not just a warning. */
  requireAllBackends: boolean;
  /** Says why real backends are missing, e.g. the Redis source's hint. */
  missingBackendHint?: string;
  /** Says why the cluster backends are missing; `missingBackendHint` when absent. */
  missingClusterHint?: string;
}

const KATA_SPEC = /^katas\/(\d{2})-([a-z0-9-]+)\/(?:.*\/)?([^/]+)\.spec\.ts$/;
const CONFORMANCE_SPEC = /^adapters\/conformance\/(?:.*\/)?([^/]+)\.spec\.ts$/;
const STEP_TITLE = /^step\s+(\d+)\b\s*[·:—–-]?\s*(.*)$/i;

/** Which row a spec belongs to; `null` for anything that is not a `*.spec.ts`. */
export function rowKeyOf(file: string, titles: readonly string[]): RowKey | null {
  if (!file.endsWith('.spec.ts')) return null;
  const kata = KATA_SPEC.exec(file);
  if (kata) {
    const [, number = '', name = '', base = ''] = kata;
    const kataId = `${number}-${name}`;
    const step = STEP_TITLE.exec((titles[0] ?? '').trim());
    if (step) {
      const stepNumber = Number(step[1]);
      const title = (step[2] ?? '').trim();
      return {
        id: `katas/${kataId}#step-${stepNumber}`,
        label: `${kataId} · step ${stepNumber}${title ? ` · ${title}` : ''}`,
        group: 'kata',
        sortKey: `0 ${kataId} ${String(stepNumber).padStart(4, '0')}`,
      };
    }
    return {
      id: `katas/${kataId}#${base}`,
      label: `${kataId} · ${base}.spec.ts`,
      group: 'kata',
      sortKey: `0 ${kataId} 9999 ${base}`,
    };
  }
  const concern = CONFORMANCE_SPEC.exec(file)?.[1];
  if (concern) {
    return {
      id: `conformance/${concern}`,
      label: `conformance · ${concern}`,
      group: 'conformance',
      sortKey: `1 ${concern}`,
    };
  }
  return { id: file, label: file, group: 'other', sortKey: `2 ${file}` };
}

export function specName(file: string, titles: readonly string[]): string {
  return [file, ...titles].join(' › ');
}

function isBackend(name: string): name is MatrixBackend {
  return (matrixBackends as readonly string[]).includes(name);
}

const emptyCell = (): Cell => ({ passed: 0, failed: 0, skipped: 0, commands: 0, roundTrips: 0, skipNotes: [] });

export function buildMatrix(results: MatrixResults, options: BuildOptions): AdapterMatrix {
  const backends = matrixBackends.filter((backend) => results.projects.includes(backend));
  const problems: ParityProblem[] = [];
  const warnings: string[] = [];
  const declaredGaps: DeclaredGap[] = [];
  const specs: SpecOutcomes[] = [];

  for (const backend of matrixBackends) {
    if (backends.includes(backend)) continue;
    const hint = isClusterBackend(backend)
      ? (options.missingClusterHint ?? options.missingBackendHint)
      : options.missingBackendHint;
    const message = `${backend} did not run${hint ? `: ${hint}` : ''}`;
    if (options.requireAllBackends) problems.push({ kind: 'backend-missing', backend, message });
    else warnings.push(message);
  }

  // Group the cases: by row (for cells) and by spec (for the parity gate).
  const rows = new Map<string, MatrixRow>();
  const bySpec = new Map<string, { row: RowKey; cases: Partial<Record<MatrixBackend, MatrixCase>> }>();
  for (const entry of results.cases) {
    if (!isBackend(entry.project) || !backends.includes(entry.project)) continue;
    const key = rowKeyOf(entry.file, entry.titles);
    if (!key) continue;
    let row = rows.get(key.id);
    if (!row) {
      row = { ...key, files: [], cells: Object.fromEntries(backends.map((backend) => [backend, emptyCell()])) };
      rows.set(key.id, row);
    }
    if (!row.files.includes(entry.file)) row.files.push(entry.file);
    addToCell(row.cells[entry.project] as Cell, entry);
    const name = specName(entry.file, entry.titles);
    const spec = bySpec.get(name) ?? { row: key, cases: {} };
    spec.cases[entry.project] = entry;
    bySpec.set(name, spec);
  }

  for (const broken of results.broken) {
    if (!isBackend(broken.project) || !rowKeyOf(broken.file, [])) continue;
    problems.push({
      kind: 'did-not-load',
      backend: broken.project,
      spec: broken.file,
      message: `did not load on ${broken.project}: ${broken.message}`,
    });
  }

  for (const [name, { row, cases }] of bySpec) {
    const verdict = judgeSpec(name, cases, options.mock, options.cluster);
    problems.push(...verdict.problems);
    for (const gap of verdict.gaps) declaredGaps.push({ ...gap, spec: name, row: row.label });
    const states = Object.values(cases).map((entry) => entry?.state);
    if (states.some((state) => state !== 'passed')) {
      specs.push({
        spec: name,
        row: row.label,
        outcomes: Object.fromEntries(
          Object.entries(cases).map(([backend, entry]) => [
            backend,
            {
              state: entry.state,
              ...(entry.note ? { note: entry.note } : {}),
              ...(entry.error ? { error: entry.error } : {}),
            },
          ]),
        ),
      });
    }
  }

  const sortedRows = [...rows.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return {
    kind: 'redis-katas/adapter-matrix',
    version: 1,
    startedAt: results.startedAt,
    wallMs: results.wallMs,
    backends,
    rows: sortedRows,
    totals: Object.fromEntries(backends.map((backend) => [backend, totalsOf(results.cases, backend)])),
    problems: problems.sort(byProblem),
    warnings,
    declaredGaps: declaredGaps.sort((a, b) => a.spec.localeCompare(b.spec)),
    specs: specs.sort((a, b) => a.spec.localeCompare(b.spec)),
  };
}

function addToCell(cell: Cell, entry: MatrixCase): void {
  if (entry.state === 'passed') cell.passed += 1;
  else if (entry.state === 'failed') cell.failed += 1;
  else {
    cell.skipped += 1;
    const note = skipNote(entry);
    if (!cell.skipNotes.includes(note)) cell.skipNotes.push(note);
  }
  cell.commands += entry.redisCommands ?? 0;
  cell.roundTrips += entry.redisRoundTrips ?? 0;
}

/** The note a skip is shown with: its own, or what Vitest knows about it. */
export function skipNote(entry: Pick<MatrixCase, 'state' | 'note'>): string {
  if (entry.note?.trim()) return entry.note.trim();
  return entry.state === 'pending' ? '(did not run)' : '(skipped without a note)';
}

interface Verdict {
  problems: ParityProblem[];
  gaps: Omit<DeclaredGap, 'spec' | 'row'>[];
}

/** The parity rules of this file's header, for one spec's outcomes on each backend. */
export function judgeSpec(
  spec: string,
  cases: Partial<Record<MatrixBackend, Pick<MatrixCase, 'state' | 'note' | 'error'>>>,
  mock: MockDeclarations,
  cluster: MockDeclarations = { capabilities: {}, deviations: [] },
): Verdict {
  const verdict: Verdict = { problems: [], gaps: [] };
  const state = (backend: MatrixBackend) => cases[backend]?.state;
  const skippedState = (backend: MatrixBackend) => state(backend) === 'skipped' || state(backend) === 'pending';
  const ran = matrixBackends.filter((backend) => cases[backend]);
  const passedOn = ran.filter((backend) => state(backend) === 'passed');
  const errorOf = (backend: MatrixBackend) => (cases[backend]?.error ? `: ${cases[backend]?.error}` : '');

  for (const backend of matrixBackends) {
    const other = peerOf[backend];
    if (!other) continue;
    if (state(backend) === 'failed') {
      verdict.problems.push(
        state(other) === 'passed'
          ? {
              kind: 'real-clients-disagree',
              backend,
              spec,
              message: `passes on ${other}, fails on ${backend}${errorOf(backend)}`,
            }
          : { kind: 'failed', backend, spec, message: `fails on ${backend}${errorOf(backend)}` },
      );
    } else if (skippedState(backend) && state(other) === 'passed') {
      verdict.problems.push({
        kind: 'real-clients-disagree',
        backend,
        spec,
        message: `passes on ${other}, skipped on ${backend}: ${skipNote(cases[backend] as MatrixCase)}`,
      });
    }
  }

  // A cluster skip where one server passes: declared by a capability false on the cluster, or a problem.
  const passesOnOneServer = serverBackendNames.some((backend) => state(backend) === 'passed');
  for (const backend of matrixBackends.filter(isClusterBackend)) {
    if (!skippedState(backend) || !passesOnOneServer) continue;
    const note = cases[backend]?.note;
    const declaration = declarationOf(note, cluster, `the ${backend} backend`);
    if (declaration.declared)
      verdict.gaps.push({ backend, declaredBy: declaration.ref, reason: declaration.reason, note: note ?? '' });
    else
      verdict.problems.push({
        kind: 'cluster-skipped-undeclared',
        backend,
        spec,
        message: `passes on one server, skipped on ${backend} without a capability that is false on a cluster (${declaration.why}): ${skipNote(cases[backend] as MatrixCase)}`,
      });
  }

  if (state('mock') === 'failed') {
    const elsewhere = passedOn.length > 0 ? ` (passes on ${passedOn.join(', ')})` : '';
    verdict.problems.push({
      kind: 'mock-failed',
      backend: 'mock',
      spec,
      message: `fails on the mock${elsewhere}${errorOf('mock')}`,
    });
  } else if (skippedState('mock')) {
    const note = cases.mock?.note;
    const declaration: Declaration = declarationOf(note, mock);
    // Skipped on every backend, real ones included (a `test.skip`): not a gap of the mock.
    const skippedEverywhere = ran.some((backend) => backend !== 'mock') && ran.every(skippedState);
    if (declaration.declared) {
      verdict.gaps.push({ backend: 'mock', declaredBy: declaration.ref, reason: declaration.reason, note: note ?? '' });
    } else if (!skippedEverywhere) {
      verdict.problems.push({
        kind: 'mock-skipped-undeclared',
        backend: 'mock',
        spec,
        message: `skipped on the mock without a declared capability (${declaration.why}): ${skipNote(cases.mock as MatrixCase)}`,
      });
    }
  }
  return verdict;
}

function totalsOf(cases: readonly MatrixCase[], backend: MatrixBackend): BackendTotals {
  const totals: BackendTotals = {
    tests: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
    commands: 0,
    roundTrips: 0,
    wallMs: 0,
    testMs: 0,
  };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const entry of cases) {
    if (entry.project !== backend || !rowKeyOf(entry.file, entry.titles)) continue;
    totals.tests += 1;
    if (entry.state === 'passed') totals.passed += 1;
    else if (entry.state === 'failed') totals.failed += 1;
    else totals.skipped += 1;
    totals.commands += entry.redisCommands ?? 0;
    totals.roundTrips += entry.redisRoundTrips ?? 0;
    if (entry.startTime !== undefined && entry.durationMs !== undefined) {
      totals.testMs += entry.durationMs;
      first = Math.min(first, entry.startTime);
      last = Math.max(last, entry.startTime + entry.durationMs);
    }
  }
  totals.wallMs = last > first ? last - first : 0;
  return totals;
}

const problemOrder: ProblemKind[] = [
  'backend-missing',
  'did-not-load',
  'real-clients-disagree',
  'mock-failed',
  'mock-skipped-undeclared',
  'cluster-skipped-undeclared',
  'failed',
];

function byProblem(a: ParityProblem, b: ParityProblem): number {
  return (
    problemOrder.indexOf(a.kind) - problemOrder.indexOf(b.kind) ||
    (a.spec ?? '').localeCompare(b.spec ?? '') ||
    a.backend.localeCompare(b.backend)
  );
}
