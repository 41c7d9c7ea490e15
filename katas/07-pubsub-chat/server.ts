import type { FastifyInstance } from 'fastify';
import { NotImplementedError } from '../not-implemented-error.js';
import type { ServerOptions } from './chat-types.js';

export type { ServerOptions };

/**
 * Step 5. The chat over HTTP and WebSockets (README.md, "HTTP contract"): start from
 * `createKataServer` (server-kit/), register `@fastify/websocket`, and build on one hub
 * (`createRoomHub`), the history and presence. Never listens by itself: `app.inject()` and
 * a free port in tests, `pnpm kata serve 07` for curl and the browser.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('07-pubsub-chat', 5, 'buildServer(…)');
}
