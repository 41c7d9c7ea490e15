import type { FastifyInstance } from 'fastify';
import { NotImplementedError } from '../not-implemented-error.js';
import type { ServerOptions } from './task-queue.js';

export type { ServerOptions };

/**
 * Step 7. The task queue over HTTP (README.md, "HTTP contract"), with `workers` workers
 * running the demo handler (`demo-handler.ts`) and a sweeper in the process; `onClose`
 * stops them gracefully. Start from `createKataServer` (server-kit/). Never listens by
 * itself: `app.inject()` in tests, `pnpm kata serve 06` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('06-task-queue', 7, 'buildServer(…)');
}
