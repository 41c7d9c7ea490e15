/**
 * Redis glob patterns (KEYS, SCAN MATCH, PSUBSCRIBE): `*`, `?`, `[abc]`, `[^a-z]`, and `\`
 * to escape. Follows Redis' `stringmatchlen`, which works on bytes: `?` is one byte (so
 * `k:?` does not match `k:é`, two bytes in UTF-8), a reversed range `[z-a]` still matches,
 * an unclosed `[` ends at the end of the pattern. Returns a test of a text.
 */
export function globMatcher(pattern: string): (text: string) => boolean {
  const regex = globToRegExp(bytes(pattern));
  return (text) => regex.test(bytes(text));
}

/** Whether `text` matches the Redis glob `pattern`. */
export function globMatch(pattern: string, text: string): boolean {
  return globMatcher(pattern)(text);
}

/** The UTF-8 bytes of `text`, one character each (`é` → `Ã©`), so a RegExp works on bytes. */
const bytes = (text: string) => Buffer.from(text).toString('latin1');

/** The anchored RegExp of a pattern, over byte characters. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '\\' && i + 1 < pattern.length) source += escapeChar(pattern[++i] as string);
    else if (char === '[') {
      const { regex, end } = characterClass(pattern, i + 1);
      source += regex;
      i = end;
    } else source += escapeChar(char);
  }
  return new RegExp(`^${source}$`, 's');
}

function characterClass(pattern: string, start: number): { regex: string; end: number } {
  let i = start;
  const negate = pattern[i] === '^';
  if (negate) i++;
  const parts: string[] = [];
  for (; i < pattern.length && pattern[i] !== ']'; i++) {
    let char = pattern[i] as string;
    if (char === '\\' && i + 1 < pattern.length) char = pattern[++i] as string;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      let to = pattern[i + 2] as string;
      if (to === '\\' && i + 3 < pattern.length) to = pattern[++i + 2] as string;
      const [low, high] = char <= to ? [char, to] : [to, char];
      parts.push(`${escapeChar(low)}-${escapeChar(high)}`);
      i += 2;
    } else parts.push(escapeChar(char));
  }
  if (parts.length === 0) return { regex: negate ? '[\\s\\S]' : '(?!)', end: i };
  return { regex: `[${negate ? '^' : ''}${parts.join('')}]`, end: i };
}

function escapeChar(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
