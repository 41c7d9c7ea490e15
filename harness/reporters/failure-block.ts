/** One failed test as the learner's screen shows it: title, assertion, trimmed diff, the spec's line. */
import type { Style } from '../cli/terminal.js';
import { codeFrame } from './code-frame.js';
import type { FailureDetail } from './failure-detail.js';

type Paint = (style: Style, text: string) => string;

export interface FailureBlock {
  /** `cache.spec.ts › get returns the value` */
  title: string;
  detail: FailureDetail;
  /** The backends it failed on, named only when not every backend of the run. */
  onlyOn?: readonly string[];
}

/** The block's lines, indented by four spaces. */
export function failureBlockLines(root: string, block: FailureBlock, paint: Paint): string[] {
  const { detail } = block;
  const on = block.onlyOn ? paint('yellow', ` (fails on ${block.onlyOn.join(', ')} only)`) : '';
  const lines = [`    ${paint('red', '✗')} ${block.title}${on}`];
  lines.push(...detail.message.split('\n').map((line) => `      ${paint('red', line)}`));
  if (detail.diff) lines.push(...detail.diff.split('\n').map((line) => `      ${line}`));
  if (detail.spec) {
    lines.push(`      ${paint('dim', `at ${detail.spec.file}:${detail.spec.line}`)}`);
    lines.push(...codeFrame(root, detail.spec).map((line) => `      ${paint('dim', line)}`));
  }
  if (detail.code) lines.push(`      ${paint('dim', `from your code at ${detail.code.file}:${detail.code.line}`)}`);
  return lines;
}
