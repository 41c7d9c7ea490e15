/**
 * Redis glob patterns (KEYS, SCAN MATCH, PSUBSCRIBE): `*`, `?`, `[abc]`, `[^a-z]`, and `\`
 * to escape, compiled to an anchored RegExp. Follows Redis' `stringmatchlen`: a reversed
 * range `[z-a]` still matches, an unclosed `[` ends at the end of the pattern.
 */
export function globToRegExp(pattern: string): RegExp {
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

/** Whether `text` matches the Redis glob `pattern`. */
export function globMatch(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
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
