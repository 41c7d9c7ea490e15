/**
 * The code blocks of a kata's hints, and what checking each one means. Every ```` ```ts ````
 * block in HINTS.md carries one mark:
 *
 *   ```ts in:cache.ts        a fragment: appended to a copy of the starter file, it compiles.
 *                            `declare const redis: RedisAdapter;` lines state what it is given;
 *                            its `import` lines go to the top of the file.
 *   ```ts answer:cache.ts    a whole file: in place of that file, with the reference solution
 *                            for every other file, it compiles and passes its step's specs.
 *
 * Blocks in other languages (`lua`, `sh`, `http`) are not compiled; a Lua script is
 * checked inside the answer that runs it.
 */
import type { StepHints } from './kata-hints.js';

/** How a block is checked. */
export type HintCodeKind = 'in' | 'answer';

/** One `ts` block of a hint, with where it came from. */
export interface HintCode {
  kata: string;
  step: number;
  /** The hint level, 1 = the gentlest. */
  level: number;
  /** The block's place among the hint's blocks, from 1. */
  block: number;
  kind: HintCodeKind;
  /** The kata file it belongs to, like `cache.ts`. */
  file: string;
  code: string;
}

/** A `ts` block that says neither how to check it nor where it goes. */
export interface UnmarkedHintCode {
  kata: string;
  step: number;
  level: number;
  block: number;
  info: string;
}

const FENCED_BLOCK = /^(```|~~~)([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;
const MARK = /^(in|answer):([\w.-]+\.ts)$/;

/** Every `ts` block of a kata's hints; `unmarked` lists those without a valid mark. */
export function hintCode(kata: string, steps: StepHints[]): { blocks: HintCode[]; unmarked: UnmarkedHintCode[] } {
  const blocks: HintCode[] = [];
  const unmarked: UnmarkedHintCode[] = [];
  for (const step of steps) {
    step.hints.forEach((hint, index) => {
      let block = 0;
      for (const match of hint.matchAll(FENCED_BLOCK)) {
        const [language = '', ...marks] = (match[2] ?? '').trim().split(/\s+/);
        if (!/^(ts|typescript)$/i.test(language)) continue;
        block += 1;
        const place = { kata, step: step.number, level: index + 1, block };
        const mark = marks.length === 1 ? MARK.exec(marks[0] ?? '') : null;
        if (!mark) unmarked.push({ ...place, info: (match[2] ?? '').trim() });
        else blocks.push({ ...place, kind: mark[1] as HintCodeKind, file: mark[2] ?? '', code: match[3] ?? '' });
      }
    });
  }
  return { blocks, unmarked };
}

/** `kata 01-simple-cache, step 2, hint 3, block 1 (in:cache.ts)`: where a broken block is. */
export function describeHintCode(code: HintCode | UnmarkedHintCode): string {
  const mark = 'kind' in code ? ` (${code.kind}:${code.file})` : '';
  return `kata ${code.kata}, step ${code.step}, hint ${code.level}, block ${code.block}${mark}`;
}

/** A folder name that says which block it checks: `01-simple-cache.step-2.hint-3.block-1`. */
export function scratchFolderName(code: HintCode): string {
  return `${code.kata}.step-${code.step}.hint-${code.level}.block-${code.block}`;
}

/** A starter file with a fragment placed at its end, its `import` lines at its top. */
export interface PlacedFragment {
  text: string;
  /** The line of the fragment that a line of `text` came from (both from 1); `null` for the starter's lines. */
  blockLine(fileLine: number): number | null;
}

/** Appends a fragment to a starter file, so it sees the starter's imports and types. */
export function placeFragment(starter: string, fragment: string): PlacedFragment {
  const lines = fragment.split('\n').map((text, index) => ({ text, line: index + 1 }));
  const isImport = (each: { text: string }) => /^import\s/.test(each.text);
  const placed = [
    ...lines.filter(isImport),
    ...starter
      .trimEnd()
      .split('\n')
      .map((text) => ({ text, line: null })),
    { text: '', line: null },
    { text: '// The hint, placed after the starter:', line: null },
    ...lines.filter((each) => !isImport(each)),
  ];
  return {
    text: `${placed.map((each) => each.text).join('\n')}\n`,
    blockLine: (fileLine) => placed[fileLine - 1]?.line ?? null,
  };
}

/** A spec file with every step but `step` skipped, so an answer is judged by its step alone. */
export function onlyStep(spec: string, step: number): string {
  return spec.replace(/\bdescribe\((\s*['"`]step\s+(\d+)\b)/gi, (whole, rest: string, number: string) =>
    Number(number) === step ? whole : `describe.skip(${rest}`,
  );
}
