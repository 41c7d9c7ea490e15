import { realSetImmediate } from './real-timers.js';

/** The part of a socket that {@link coalesceWrites} needs. */
export interface CorkableStream {
  readonly writable: boolean;
  cork(): void;
  uncork(): void;
}

/**
 * Lets every command written in this turn of the event loop leave in one socket write, as
 * node-redis does and ioredis' auto-pipelining does. Call it before writing: the first call
 * corks the socket, and the socket is uncorked by `setImmediate`, once every socket that was
 * ready in this turn (fifty HTTP requests, say) has had its callback and written its commands.
 * Order on the connection is unchanged, and nothing waits past this turn.
 *
 * Measured on kata 03's server under 50 connections: 2.2 read+write system calls per
 * request instead of 3.2 with an uncork on the next tick, which only gathers the commands
 * of one callback (`/proc/<pid>/io`, see the kata's README).
 */
export function coalesceWrites(currentStream: () => CorkableStream | undefined): () => void {
  let corked: CorkableStream | undefined;
  const flush = () => {
    const stream = corked;
    corked = undefined;
    stream?.uncork();
  };
  return () => {
    if (corked) return;
    const stream = currentStream();
    if (!stream?.writable) return;
    stream.cork();
    corked = stream;
    realSetImmediate(flush);
  };
}
