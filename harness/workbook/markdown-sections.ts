/**
 * The small piece of Markdown the kata files use: sections under `#` headings, and the
 * first list of a section. A list item is `1.` or `-`; lines indented under it, code
 * fences included, belong to it; a paragraph after a blank line that is not indented
 * under the last item ends the list. Headings inside code fences are not headings.
 */

/** One heading and the lines up to the next heading of any level. */
export interface MarkdownSection {
  heading: string;
  lines: string[];
}

const LIST_ITEM = /^ {0,3}(?:\d+[.)]|[-*+])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;

/** Splits Markdown at its headings; the lines before the first heading are left out. */
export function splitSections(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (!inFence && line.startsWith('#')) sections.push({ heading: line, lines: [] });
    else sections.at(-1)?.lines.push(line);
    if (FENCE.test(line)) inFence = !inFence;
  }
  return sections;
}

/** The items of the first list in `lines`, each tidied: prose before the list is skipped. */
export function firstList(lines: string[]): string[] {
  const items: string[] = [];
  let inFence = false;
  for (const line of lines) {
    const fence = FENCE.test(line);
    if (!inFence && !fence && endsList(items, line)) break;
    if (fence) inFence = !inFence;
    addListLine(items, line, inFence || fence);
  }
  return items.map(tidyItem).filter(Boolean);
}

/** A paragraph after a blank line, not indented under the last item, ends the list. */
function endsList(items: string[], line: string): boolean {
  const last = items.at(-1);
  return last !== undefined && /\n\s*$/.test(last) && /^\S/.test(line) && !LIST_ITEM.test(line);
}

function addListLine(items: string[], line: string, inFence: boolean): void {
  const item = inFence ? null : LIST_ITEM.exec(line);
  if (item) items.push(item[1] ?? '');
  else if (items.length > 0) items[items.length - 1] += `\n${line}`;
}

/** Drops trailing blank lines and the list indentation of continuation lines. */
function tidyItem(item: string): string {
  const [first = '', ...rest] = item.trimEnd().split('\n');
  const indents = rest.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = Math.min(...indents, 4);
  return [first, ...rest.map((line) => line.slice(Math.min(indent, /^ */.exec(line)?.[0].length ?? 0)))]
    .join('\n')
    .trim();
}

const STEP_HEADING = /^##\s+step\s+(\d+)\b\s*[—–:·.-]?\s*(.*?)\s*$/i;

/** `## Step 2 — Cache-aside` (also `## Step 2: …`, `## Step 2 · …`) → its number and title. */
export function stepHeading(heading: string): { number: number; title: string } | null {
  const match = STEP_HEADING.exec(heading);
  return match ? { number: Number(match[1]), title: match[2] ?? '' } : null;
}
