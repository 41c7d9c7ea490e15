import { realNextTick } from './real-timers.js';

/** The part of a socket that {@link coalesceWrites} needs. */
export interface CorkableStream {
  readonly writable: boolean;
  cork(): void;
  uncork(): void;
}

/**
 * Lets every command written in this tick leave in one socket write. Call it before
 * writing: the first call of a tick corks the socket, and the socket is uncorked on the
 * next tick, after the promise jobs of this one (the other workers' commands) have run.
 * Order on the connection is unchanged, and nothing waits longer than this tick.
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
    realNextTick(flush);
  };
}
