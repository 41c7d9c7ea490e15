import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { findFreePort } from './free-port.js';

export interface StartedRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts `binary` on a free port of 127.0.0.1: no persistence, no disk writes, gone when
 * stopped; `extraArgs` are more `--name value` settings. Only servers started here may be flushed or killed by the harness.
 */
export async function startRedisServer(
  binary: string,
  port?: number,
  extraArgs: readonly string[] = [],
): Promise<StartedRedis> {
  const chosenPort = port ?? (await findFreePort());
  const child = spawn(
    binary,
    [
      '--port',
      String(chosenPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  // Never outlive the process that started it, even when that process is stopped early.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitUntilListening(child, chosenPort, () => stderr);
  return {
    url: `redis://127.0.0.1:${chosenPort}`,
    port: chosenPort,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

async function waitUntilListening(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${stderr()}`);
    if (await answersOnPort(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not listen on port ${port} within 5 s: ${stderr()}`);
}

function answersOnPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
