/**
 * Checks the code of the hints for real: a scratch workbook in a temporary folder with one
 * kata folder per block (the kata's files, the block in place), then one `tsc` over all of
 * them and one Vitest run, on the mock, of the specs each whole answer must pass.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describeHintCode, type HintCode, onlyStep, placeFragment, scratchFolderName } from './hint-code.js';

const run = promisify(execFile);
const linked = ['node_modules', 'adapters', 'harness', 'server-kit'];

/** Where a block sits in the scratch workbook, and how its lines map back to the block. */
interface PlacedBlock {
  code: HintCode;
  blockLine: (fileLine: number) => number | null;
}

/** A scratch workbook holding every block to check. */
export interface HintScratch {
  dir: string;
  /** By path under `katas/`: `01-simple-cache/cache.step-1.hint-3.block-1.ts`, or an answer's folder. */
  blocks: Map<string, PlacedBlock>;
  remove(): void;
}

const isSpec = (file: string) => file.endsWith('.spec.ts');
const tsFiles = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.ts')) : [];

/** `cache.ts` → `cache.step-1.hint-3.block-1.ts`: a fragment's copy of the starter file, beside it. */
function fragmentFileName(code: HintCode): string {
  return code.file.replace(/\.ts$/, `.step-${code.step}.hint-${code.level}.block-${code.block}.ts`);
}

function writeScratchBase(root: string, dir: string): void {
  for (const entry of linked) symlinkSync(join(root, entry), join(dir, entry), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(dir, 'katas'));
  cpSync(join(root, 'katas/not-implemented-error.ts'), join(dir, 'katas/not-implemented-error.ts'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.json'), include: ['katas'] }),
  );
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\n" +
      "export default defineConfig({ test: { include: ['katas/**/*.spec.ts'], provide: { backend: 'mock', redisUrl: '' } } });\n",
  );
}

/** A fragment: a copy of its starter file with the block at the end, beside the kata's starter files. */
function placeInStarter(root: string, dir: string, code: HintCode): [string, PlacedBlock] {
  const folder = join(dir, 'katas', code.kata);
  const kataFolder = join(root, 'katas', code.kata);
  if (!existsSync(folder)) {
    mkdirSync(folder);
    for (const file of tsFiles(kataFolder).filter((each) => !isSpec(each)))
      cpSync(join(kataFolder, file), join(folder, file));
  }
  const starter = join(kataFolder, code.file);
  const placed = placeFragment(existsSync(starter) ? readFileSync(starter, 'utf8') : '', code.code);
  const file = fragmentFileName(code);
  writeFileSync(join(folder, file), placed.text);
  return [`${code.kata}/${file}`, { code, blockLine: placed.blockLine }];
}

/** An answer: a folder with the reference solution, the answer in place of its file, and its step's specs. */
function placeAnswer(root: string, dir: string, code: HintCode): [string, PlacedBlock] {
  const name = scratchFolderName(code);
  const folder = join(dir, 'katas', name);
  const kataFolder = join(root, 'katas', code.kata);
  const solutionFolder = join(root, 'solutions', code.kata);
  mkdirSync(folder);
  const specs = tsFiles(kataFolder)
    .filter(isSpec)
    .map((spec) => ({ spec, text: onlyStep(readFileSync(join(kataFolder, spec), 'utf8'), code.step) }))
    .filter(({ text }) => /\bdescribe\(\s*['"`]step/i.test(text));
  for (const file of tsFiles(kataFolder).filter((each) => !isSpec(each)))
    cpSync(join(kataFolder, file), join(folder, file));
  // A solution imports the kata's provided files as `../../katas/<kata>/…`: here they sit beside it.
  for (const file of tsFiles(solutionFolder)) {
    const text = readFileSync(join(solutionFolder, file), 'utf8');
    writeFileSync(join(folder, file), text.replaceAll(`../../katas/${code.kata}/`, './'));
  }
  writeFileSync(join(folder, code.file), code.code);
  for (const { spec, text } of specs) writeFileSync(join(folder, spec), text);
  return [name, { code, blockLine: (line) => line }];
}

/** Writes the scratch workbook: the repository's shared code linked, the kata files copied, each block in place. */
export function buildHintScratch(root: string, codes: HintCode[]): HintScratch {
  const dir = mkdtempSync(join(tmpdir(), 'kata-hints-'));
  writeScratchBase(root, dir);
  const blocks = new Map(
    codes.map((code) => (code.kind === 'in' ? placeInStarter(root, dir, code) : placeAnswer(root, dir, code))),
  );
  return { dir, blocks, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An environment without the Vitest run this check itself may be in. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|KATA_|TEST|NODE_ENV$|FORCE_COLOR$)/.test(key)),
  );
}

/** Output of a command that may exit non-zero. */
async function output(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [command, ...args], {
      cwd,
      env: childEnv(),
      maxBuffer: 64 << 20,
    });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

/** Every type error in the blocks, each naming its kata, step, hint level and block. */
export async function typecheckHints(root: string, scratch: HintScratch): Promise<string[]> {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const text = await output(tsc, ['-p', 'tsconfig.json', '--pretty', 'false'], scratch.dir);
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    const error = /^katas\/([^/]+)\/([^(]+)\((\d+),\d+\): (error .*)$/.exec(line.trim());
    if (!error) {
      if (/error TS/.test(line)) problems.push(line.trim());
      continue;
    }
    const [, folder = '', file = '', fileLine = '0', message = ''] = error;
    const block = scratch.blocks.get(`${folder}/${file}`) ?? scratch.blocks.get(folder);
    if (!block) {
      problems.push(line.trim());
      continue;
    }
    const blockLine = block.blockLine(Number(fileLine));
    const where = blockLine === null ? `${file} line ${fileLine}, outside the block` : `line ${blockLine} of the block`;
    problems.push(`${describeHintCode(block.code)}: ${where}: ${message}`);
  }
  return problems;
}

interface VitestJson {
  testResults: {
    name: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Every whole answer that does not pass its step's specs on the mock, naming the failing specs. */
export async function runHintAnswers(root: string, scratch: HintScratch): Promise<string[]> {
  const answers = [...scratch.blocks.values()].filter((block) => block.code.kind === 'answer');
  if (answers.length === 0) return [];
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  // One retry: a timing spec may lose a race on a busy machine; a wrong answer fails twice.
  const log = await output(vitest, ['run', '--retry=1', '--reporter=json', '--outputFile=results.json'], scratch.dir);
  const resultsFile = join(scratch.dir, 'results.json');
  if (!existsSync(resultsFile)) return [`The Vitest run of the answers wrote no results:\n${log.slice(-2000)}`];
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as VitestJson;
  return answers.flatMap(({ code }) => {
    const folder = `/katas/${scratchFolderName(code)}/`;
    const files = results.testResults.filter((file) => file.name.includes(folder));
    const tests = files.flatMap((file) => file.assertionResults);
    const failed = tests.filter((test) => test.status === 'failed');
    const broken = files.filter((file) => file.message).map((file) => file.message ?? '');
    const passed = tests.filter((test) => test.status === 'passed').length;
    if (failed.length === 0 && broken.length === 0 && passed > 0) return [];
    const reasons = [
      ...broken,
      ...failed.map((test) => `${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0]}`),
      ...(passed === 0 && failed.length === 0 ? ['no spec of the step ran'] : []),
    ];
    return [`${describeHintCode(code)} does not pass step ${code.step}:\n  ${reasons.join('\n  ')}`];
  });
}
