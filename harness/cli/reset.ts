/**
 * `pnpm kata reset <kata> [--yes]`: puts that kata's starter files back as the workbook
 * shipped them (the manifest's `starterFiles`, from git: see `pristine-starters.ts`), after asking. Specs, READMEs, other katas and
 * solutions are never written. The replaced versions are kept in `.katas/reset-backup/`,
 * so a reset by mistake loses nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { forgetKata } from '../progress/record-progress.js';
import { requireKata } from '../workbook/find-kata.js';
import { pristineStarters } from '../workbook/pristine-starters.js';

/** Where the replaced versions of a kata's files go. */
export function backupFolder(kataId: string): string {
  return `.katas/reset-backup/${kataId}`;
}

/** The learner's answer to `question`; `undefined` when stdin closes without one (a script). */
async function ask(question: string): Promise<string | undefined> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await Promise.race([
      readline.question(question),
      new Promise<undefined>((resolve) => readline.once('close', () => resolve(undefined))),
    ]);
  } finally {
    readline.close();
  }
}

/** Restores the starter files after a yes; exit code 1 when there was no answer to the question. */
export async function reset(root: string, kataQuery: string | undefined, yes: boolean): Promise<number> {
  const kata = requireKata(root, kataQuery);
  const changed = pristineStarters(root, kata).filter((file) => {
    const path = join(root, file.path);
    return !existsSync(path) || readFileSync(path, 'utf8') !== file.content;
  });
  if (changed.length === 0) {
    console.log(`Kata ${kata.id}: every starter file is as it was; nothing to reset.`);
    return 0;
  }
  console.log(`These files of kata ${kata.id} go back to their starter version:`);
  for (const file of changed) console.log(`  ${file.path}`);
  if (!yes) {
    const answer = await ask('Your changes to them are replaced (a copy is kept). Reset? [y/N] ');
    if (answer === undefined) {
      console.error('\nNo answer, nothing changed: add --yes to reset without the question.');
      return 1;
    }
    if (!/^y(es)?$/i.test(answer.trim())) {
      console.log('Nothing changed.');
      return 0;
    }
  }
  const backup = backupFolder(kata.id);
  for (const file of changed) {
    const path = join(root, file.path);
    if (existsSync(path)) {
      const copy = join(root, backup, file.path.slice(`katas/${kata.id}/`.length));
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(path, copy);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  writeProgress(root, forgetKata(readProgress(root), kata.id));
  console.log(`Done: ${changed.length} file(s) reset. Your previous versions are in ${backup}/.`);
  console.log(`Start again with: pnpm kata watch ${kata.id.slice(0, 2)}`);
  return 0;
}
