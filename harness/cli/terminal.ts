/**
 * Plain text first, colour as a bonus: colour only on a TTY, never with `NO_COLOR` (any
 * value) or `TERM=dumb`; `FORCE_COLOR` (not `0`) turns it on. Symbols stay readable
 * without it: ✓ green, ✗ failing, ○ not started, ! broken.
 */
const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** What `painter` can do to a text. */
export type Style = keyof typeof codes;

/** Whether to colour what is written to `stream`. */
export function colourEnabled(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** A painter for one stream: `paint('green', '✓')`, or the text unchanged without colour. */
export function painter(enabled = colourEnabled()): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}

/** Left-aligns `rows` into columns two spaces apart (widths ignore colour codes). */
export function columns(rows: string[][]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is measured away.
  const visible = (text: string) => text.replace(/\u001b\[\d+m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) {
    for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, visible(cell));
  }
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - visible(cell))))
      .join('  ')
      .trimEnd(),
  );
}
