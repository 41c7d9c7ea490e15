/**
 * Every code block of every kata's HINTS.md compiles where it says it goes, and every whole
 * answer passes its step on the mock. Two planted blocks prove that the check catches
 * both kinds of fault and names where they are: kata 01's old step 7 hint (a type error)
 * and an answer that fails its step.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listKatas } from './find-kata.js';
import { buildHintScratch, type HintScratch, runHintAnswers, typecheckHints } from './hint-check.js';
import { describeHintCode, type HintCode, hintCode } from './hint-code.js';
import { readKataHints } from './kata-hints.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const katas = listKatas(root);
const found = katas.map((kata) => hintCode(kata.id, readKataHints(root, kata.id)));
const blocks = found.flatMap((each) => each.blocks);

const planted = { kata: '01-simple-cache', step: 1, level: 99, block: 1 };
const solvedCache = readFileSync(new URL('../../solutions/01-simple-cache/cache.ts', import.meta.url), 'utf8');
const wrongCache = solvedCache.replace('get: (key) => redis.get(keyFor(key)),', 'get: async () => null,');
// Kata 01 step 7's hint as it once was: `ttl` left out when not given, so the answer broke
// its response schema (a 500). The check must catch it as a type error.
const ttlLeftOut = `import { z } from 'zod';
import type { KataServer } from '../../server-kit/index.js';
import type { Cache } from './cache.js';
declare const app: KataServer;
declare const cache: Cache;

const body = z.object({ key: z.string(), value: z.string(), ttl: z.number().int().min(1).optional() });
const entry = z.object({ key: z.string(), value: z.string(), ttl: z.number().int().nullable() });
app.post('/cache', { schema: { body, response: { 201: entry } } }, async (request, reply) => {
  const { key, value, ttl } = request.body;
  await cache.set(key, value, { ttlSeconds: ttl });
  return reply.code(201).send({ key, value, ttl });
});
`;
const plantedBroken: HintCode = { ...planted, step: 7, kind: 'in', file: 'server.ts', code: ttlLeftOut };
const plantedWrong: HintCode = { ...planted, block: 2, kind: 'answer', file: 'cache.ts', code: wrongCache };

let scratch: HintScratch;
let typeErrors: Promise<string[]>;
let failedAnswers: Promise<string[]>;
beforeAll(() => {
  scratch = buildHintScratch(root, [...blocks, plantedBroken, plantedWrong]);
  // Two processes, side by side: tsc over every block, Vitest over every answer.
  typeErrors = typecheckHints(root, scratch);
  failedAnswers = runHintAnswers(root, scratch);
});
afterAll(() => scratch?.remove());

// The two checks are child processes (about 5 s alone); the timeouts leave room for a busy machine.
describe('the code in the hints', () => {
  it('marks every ts block with in:<file> or answer:<file>', () => {
    const unmarked = found.flatMap((each) => each.unmarked);
    expect(unmarked.map((each) => `${describeHintCode(each)}: \`\`\`${each.info}`)).toEqual([]);
  });

  it('finds code to check, and a planted wrong answer that differs from the solution', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(wrongCache).not.toBe(solvedCache);
  });

  it('compiles, each block in the kata file it names', { timeout: 300_000 }, async () => {
    const problems = await typeErrors;
    const plantedProblem = `${describeHintCode(plantedBroken)}: line 12 of the block: error TS2322`;
    expect(
      problems.some((problem) => problem.startsWith(plantedProblem)),
      problems.join('\n'),
    ).toBe(true);
    const real = problems.filter((problem) => !problem.startsWith(describeHintCode(plantedBroken)));
    expect(real, `hint code that does not compile:\n${real.join('\n')}`).toEqual([]);
  });

  it('passes its step on the mock, for every whole answer', { timeout: 300_000 }, async () => {
    const problems = await failedAnswers;
    const plantedProblem = `${describeHintCode(plantedWrong)} does not pass step 1:`;
    expect(
      problems.some((problem) => problem.startsWith(plantedProblem)),
      problems.join('\n'),
    ).toBe(true);
    const real = problems.filter((problem) => !problem.startsWith(describeHintCode(plantedWrong)));
    expect(real, `answers that do not pass their step:\n${real.join('\n')}`).toEqual([]);
  });
});
