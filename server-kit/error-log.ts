/**
 * What a 500 writes to the log: the error's name, message, code and stack, with file paths
 * relative to the project (never the absolute paths of the machine it runs on).
 */
export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

export function loggableError(error: unknown, root: string = process.cwd()): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: withoutAbsolutePaths(error.message, root),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: withoutAbsolutePaths(error.stack, root) } : {}),
  };
}

/** `/home/me/katas/server-kit/x.ts:3:9` → `server-kit/x.ts:3:9`; any other absolute directory → `…/`. */
export function withoutAbsolutePaths(text: string, root: string): string {
  const project = root.endsWith('/') ? root : `${root}/`;
  return text
    .replaceAll(`file://${project}`, '')
    .replaceAll(project, '')
    .replace(/(?:file:\/\/)?(?<![\w.])\/(?:[^\s()/:]+\/)+/g, '…/');
}
