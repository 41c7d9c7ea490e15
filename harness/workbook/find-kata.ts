/** The katas of the workbook, found by folder name, and lookup by number or name. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface KataInfo {
  /** `01-simple-cache` */
  id: string;
  /** `1` */
  number: number;
  /** `simple-cache` */
  name: string;
}

/** Every `katas/NN-name/` folder, by number. */
export function listKatas(root: string): KataInfo[] {
  return readdirSync(join(root, 'katas'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{2}-[a-z0-9-]+$/.test(entry.name))
    .map((entry) => ({ id: entry.name, number: Number(entry.name.slice(0, 2)), name: entry.name.slice(3) }))
    .sort((a, b) => a.number - b.number);
}

/** Accepts `03`, `3`, `03-rate-limiter` and `rate-limiter`; `undefined` when nothing matches. */
export function findKata(katas: KataInfo[], query: string): KataInfo | undefined {
  const wanted = query
    .trim()
    .toLowerCase()
    .replace(/^katas\//, '')
    .replace(/\/$/, '');
  return katas.find(
    (kata) => kata.id === wanted || kata.name === wanted || (/^\d+$/.test(wanted) && kata.number === Number(wanted)),
  );
}

/** Names the valid katas, for a query that matches none. */
export class UnknownKataError extends Error {
  override name = 'UnknownKataError';

  constructor(query: string, katas: KataInfo[]) {
    const valid = `Valid katas: ${katas.map((kata) => kata.id).join(', ')} (a number or a name works too).`;
    super(query ? `No kata "${query}". ${valid}` : `Which kata? ${valid}`);
  }
}

/** The kata `query` names; an `UnknownKataError` listing the valid ones when it names none or is missing. */
export function requireKata(root: string, query: string | undefined): KataInfo {
  const katas = listKatas(root);
  const kata = query === undefined ? undefined : findKata(katas, query);
  if (!kata) throw new UnknownKataError(query ?? '', katas);
  return kata;
}
