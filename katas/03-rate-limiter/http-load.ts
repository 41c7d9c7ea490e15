/**
 * Provided: you do not need to edit this file.
 *
 * A small HTTP load generator for the benchmark: `total` GET requests to a server on
 * loopback, `inFlight` at a time over keep-alive connections, stopped after `timeLimitMs`
 * whatever happens. Bounded in count and in time.
 */
import { Agent, request } from 'node:http';

export interface HttpLoad {
  port: number;
  /**
   * The request number `i`: its path, headers, and the loopback address it comes from
   * (any of 127.0.0.0/8 on Linux), so that a server can tell clients apart by IP.
   */
  request(i: number): HttpLoadRequest;
  total: number;
  inFlight: number;
  timeLimitMs: number;
}

export interface HttpLoadRequest {
  path: string;
  headers?: Record<string, string>;
  localAddress?: string;
}

export interface HttpLoadResult {
  requestsPerSecond: number;
  /** How many answers had each status code (200, 429, …). */
  statuses: Map<number, number>;
  /** Requests that failed without an answer. */
  errors: number;
}

export async function runHttpLoad(load: HttpLoad): Promise<HttpLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: load.inFlight });
  const statuses = new Map<number, number>();
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + load.timeLimitMs;
  const once = (i: number) =>
    new Promise<void>((resolve) => {
      const { path, headers, localAddress } = load.request(i);
      const options = { host: '127.0.0.1', port: load.port, path, headers, localAddress, agent };
      const outgoing = request(options, (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          resolve();
        });
      });
      outgoing.on('error', () => {
        errors += 1;
        resolve();
      });
      outgoing.end();
    });
  const worker = async () => {
    while (next < load.total && performance.now() < deadline) {
      const i = next;
      next += 1;
      await once(i);
      done += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: load.inFlight }, worker));
  } finally {
    agent.destroy();
  }
  return { requestsPerSecond: done / ((performance.now() - started) / 1000), statuses, errors };
}
