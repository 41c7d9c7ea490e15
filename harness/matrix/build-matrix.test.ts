import { describe, expect, it } from 'vitest';
import { buildMatrix, judgeSpec, rowKeyOf } from './build-matrix.js';
import { cluster, mock, onEveryBackend, results, testCase } from './fixtures.js';

const CACHE = 'katas/01-simple-cache/cache.spec.ts';
const LISTS = 'adapters/conformance/lists-and-blocking.spec.ts';
const options = { mock, requireAllBackends: true };

describe('rowKeyOf', () => {
  it('puts a kata spec in the row of its kata and step', () => {
    expect(rowKeyOf(CACHE, ['step 1 · key/value with TTL', 'get returns null'])).toEqual({
      id: 'katas/01-simple-cache#step-1',
      label: '01-simple-cache · step 1 · key/value with TTL',
      group: 'kata',
      sortKey: '0 01-simple-cache 0001',
    });
  });

  it('puts the steps of a kata in order, step 2 before step 10, whatever the file', () => {
    const two = rowKeyOf('katas/02-sessions/z.spec.ts', ['step 2 · a', 't']);
    const ten = rowKeyOf('katas/02-sessions/a.spec.ts', ['step 10 · b', 't']);
    expect((two?.sortKey ?? '') < (ten?.sortKey ?? '')).toBe(true);
  });

  it('puts a kata spec without a step describe in a row of its file', () => {
    expect(rowKeyOf(CACHE, ['helpers', 't'])).toMatchObject({ id: 'katas/01-simple-cache#cache', group: 'kata' });
  });

  it('puts a conformance spec in the row of its concern (its file)', () => {
    expect(rowKeyOf(LISTS, ['blocking pops', 't'])).toMatchObject({
      id: 'conformance/lists-and-blocking',
      label: 'conformance · lists-and-blocking',
      group: 'conformance',
    });
  });

  it('leaves unit tests out', () => {
    expect(rowKeyOf('harness/tcp-switch.test.ts', ['t'])).toBeNull();
  });
});

describe('judgeSpec: the parity gate for one spec', () => {
  const spec = `${LISTS} › blPop`;
  const passed = { state: 'passed' as const };
  const failed = { state: 'failed' as const, error: "AssertionError: expected '5' to be 5" };

  it('finds nothing when every backend passes', () => {
    expect(judgeSpec(spec, { mock: passed, ioredis: passed, 'node-redis': passed }, mock).problems).toEqual([]);
  });

  it('names the real client that fails a spec the other passes', () => {
    expect(judgeSpec(spec, { mock: passed, ioredis: passed, 'node-redis': failed }, mock).problems).toEqual([
      {
        kind: 'real-clients-disagree',
        backend: 'node-redis',
        spec,
        message: "passes on ioredis, fails on node-redis: AssertionError: expected '5' to be 5",
      },
    ]);
  });

  it('names a real client that skips a spec the other passes', () => {
    const skipped = { state: 'skipped' as const, note: 'no server' };
    expect(judgeSpec(spec, { ioredis: skipped, 'node-redis': passed }, mock).problems).toEqual([
      expect.objectContaining({
        kind: 'real-clients-disagree',
        backend: 'ioredis',
        message: expect.stringContaining('no server'),
      }),
    ]);
  });

  it('reports a failure on every real client as a failure of each', () => {
    const problems = judgeSpec(spec, { mock: passed, ioredis: failed, 'node-redis': failed }, mock).problems;
    expect(problems.map((problem) => [problem.kind, problem.backend])).toEqual([
      ['failed', 'ioredis'],
      ['failed', 'node-redis'],
    ]);
  });

  it('never declares a failure on the mock', () => {
    expect(judgeSpec(spec, { mock: failed, ioredis: passed, 'node-redis': passed }, mock).problems).toEqual([
      expect.objectContaining({
        kind: 'mock-failed',
        backend: 'mock',
        message: "fails on the mock (passes on ioredis, node-redis): AssertionError: expected '5' to be 5",
      }),
    ]);
  });

  it('lists a mock skip that names a false capability as a declared gap', () => {
    const note = 'the mock backend polls (capabilities.blockingPops)';
    const verdict = judgeSpec(spec, { mock: { state: 'skipped', note }, ioredis: passed, 'node-redis': passed }, mock);
    expect(verdict.problems).toEqual([]);
    expect(verdict.gaps).toEqual([
      {
        backend: 'mock',
        declaredBy: 'capabilities.blockingPops',
        reason: 'Emulated blocking pops wake up to 10 ms late.',
        note,
      },
    ]);
  });

  it('lists a cluster skip that names a capability false on a cluster as a declared gap of that backend', () => {
    const note = 'PUBLISH counts one node (capabilities.publishCountsEverySubscriber)';
    const skipped = { state: 'skipped' as const, note };
    const verdict = judgeSpec(
      spec,
      { ioredis: passed, 'node-redis': passed, 'ioredis-cluster': skipped, 'node-redis-cluster': skipped },
      mock,
      cluster,
    );
    expect(verdict.problems).toEqual([]);
    expect(verdict.gaps.map((gap) => [gap.backend, gap.declaredBy])).toEqual([
      ['ioredis-cluster', 'capabilities.publishCountsEverySubscriber'],
      ['node-redis-cluster', 'capabilities.publishCountsEverySubscriber'],
    ]);
  });

  it('fails a cluster skip of a spec that passes on one server when no cluster capability declares it', () => {
    const skipped = { state: 'skipped' as const, note: 'no cluster here (capabilities.blockingPops)' };
    const verdict = judgeSpec(
      spec,
      { ioredis: passed, 'node-redis': passed, 'ioredis-cluster': skipped, 'node-redis-cluster': skipped },
      mock,
      cluster,
    );
    expect(verdict.problems.map((problem) => [problem.kind, problem.backend])).toEqual([
      ['cluster-skipped-undeclared', 'ioredis-cluster'],
      ['cluster-skipped-undeclared', 'node-redis-cluster'],
    ]);
  });

  it('names the cluster client that fails a spec its peer on the cluster passes', () => {
    const failed = { state: 'failed' as const, error: 'CROSSSLOT' };
    const verdict = judgeSpec(spec, { 'ioredis-cluster': passed, 'node-redis-cluster': failed }, mock, cluster);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'real-clients-disagree',
        backend: 'node-redis-cluster',
        message: 'passes on ioredis-cluster, fails on node-redis-cluster: CROSSSLOT',
      }),
    ]);
  });

  it('fails a mock skip whose note names no declared capability', () => {
    const note = 'the mock backend polls for blocking pops instead of waking up';
    const verdict = judgeSpec(spec, { mock: { state: 'skipped', note }, ioredis: passed, 'node-redis': passed }, mock);
    expect(verdict.gaps).toEqual([]);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'mock-skipped-undeclared',
        backend: 'mock',
        message: expect.stringContaining(note),
      }),
    ]);
  });

  it('fails a mock skip without a note, even when only the mock ran', () => {
    expect(judgeSpec(spec, { mock: { state: 'skipped' } }, mock).problems).toEqual([
      expect.objectContaining({ kind: 'mock-skipped-undeclared', message: expect.stringContaining('without a note') }),
    ]);
  });

  it('lets a spec skipped on every backend be (a test.skip is not a gap of the mock)', () => {
    const skipped = { state: 'skipped' as const };
    expect(judgeSpec(spec, { mock: skipped, ioredis: skipped, 'node-redis': skipped }, mock).problems).toEqual([]);
  });

  it('lets the real clients skip a mock-only spec', () => {
    const mockOnly = { state: 'skipped' as const, note: 'runs in the mock project only' };
    expect(judgeSpec(spec, { mock: passed, ioredis: mockOnly, 'node-redis': mockOnly }, mock).problems).toEqual([]);
  });
});

describe('buildMatrix', () => {
  const cases = [
    ...onEveryBackend(CACHE, ['step 1 · key/value with TTL', 'get']),
    ...onEveryBackend(CACHE, ['step 1 · key/value with TTL', 'set'], {
      'node-redis': { state: 'failed', error: 'boom', redisCommands: 3 },
    }),
    ...onEveryBackend(LISTS, ['blocking', 'wakes up'], {
      mock: { state: 'skipped', note: '(capabilities.blockingPops)', startTime: undefined, durationMs: undefined },
    }),
    testCase('mock', 'harness/tcp-switch.test.ts', ['unit']),
  ];

  it('makes a row per kata step and conformance concern, a cell per backend', () => {
    const matrix = buildMatrix(results(cases), options);
    expect(matrix.backends).toEqual(['mock', 'ioredis', 'node-redis', 'ioredis-cluster', 'node-redis-cluster']);
    expect(matrix.rows.map((row) => row.label)).toEqual([
      '01-simple-cache · step 1 · key/value with TTL',
      'conformance · lists-and-blocking',
    ]);
    expect(matrix.rows[0]?.cells['node-redis']).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
      commands: 5,
      roundTrips: 0,
      skipNotes: [],
    });
    expect(matrix.rows[1]?.cells.mock).toMatchObject({ skipped: 1, skipNotes: ['(capabilities.blockingPops)'] });
  });

  it('totals each backend: counts, commands, and wall time from first test start to last test end', () => {
    const timed = [
      testCase('ioredis', CACHE, ['step 1 · a', 'x'], { startTime: 1000, durationMs: 100 }),
      testCase('ioredis', CACHE, ['step 1 · a', 'y'], { startTime: 1500, durationMs: 200 }),
    ];
    expect(buildMatrix(results(timed), { ...options, requireAllBackends: false }).totals.ioredis).toEqual({
      tests: 2,
      passed: 2,
      failed: 0,
      skipped: 0,
      commands: 4,
      roundTrips: 0,
      wallMs: 700,
      testMs: 300,
    });
  });

  it('gates on the failing backend and lists the declared gap', () => {
    const matrix = buildMatrix(results(cases), options);
    expect(matrix.problems).toEqual([
      {
        kind: 'real-clients-disagree',
        backend: 'node-redis',
        spec: `${CACHE} › step 1 · key/value with TTL › set`,
        message: 'passes on ioredis, fails on node-redis: boom',
      },
    ]);
    expect(matrix.declaredGaps).toEqual([
      expect.objectContaining({ spec: `${LISTS} › blocking › wakes up`, declaredBy: 'capabilities.blockingPops' }),
    ]);
    expect(matrix.specs.map((spec) => spec.spec)).toEqual([
      `${LISTS} › blocking › wakes up`,
      `${CACHE} › step 1 · key/value with TTL › set`,
    ]);
  });

  it('counts a spec file that did not load', () => {
    const broken = results([], { broken: [{ project: 'ioredis', file: LISTS, message: 'SyntaxError: x' }] });
    expect(buildMatrix(broken, options).problems).toEqual([
      { kind: 'did-not-load', backend: 'ioredis', spec: LISTS, message: 'did not load on ioredis: SyntaxError: x' },
    ]);
  });

  it('fails on a missing backend in CI, and only warns elsewhere', () => {
    const mockOnly = results(onEveryBackend(CACHE, ['step 1 · a', 'x']), { projects: ['mock'] });
    const strict = buildMatrix(mockOnly, { ...options, missingBackendHint: 'install Redis' });
    expect(strict.backends).toEqual(['mock']);
    expect(strict.problems.map((problem) => problem.message)).toEqual([
      'ioredis did not run: install Redis',
      'ioredis-cluster did not run: install Redis',
      'node-redis did not run: install Redis',
      'node-redis-cluster did not run: install Redis',
    ]);
    const withClusterHint = buildMatrix(mockOnly, {
      ...options,
      missingBackendHint: 'install Redis',
      missingClusterHint: 'set REDIS_CLUSTER_URLS',
    });
    expect(withClusterHint.problems.map((problem) => problem.message)).toContain(
      'ioredis-cluster did not run: set REDIS_CLUSTER_URLS',
    );
    const lenient = buildMatrix(mockOnly, { ...options, requireAllBackends: false });
    expect(lenient.problems).toEqual([]);
    expect(lenient.warnings).toEqual([
      'ioredis did not run',
      'node-redis did not run',
      'ioredis-cluster did not run',
      'node-redis-cluster did not run',
    ]);
    expect(lenient.rows[0]?.cells).toEqual({ mock: expect.objectContaining({ passed: 1 }) });
  });
});
