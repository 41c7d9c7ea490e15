/**
 * A server for a benchmark, in a process of its own: started with node and tsx, ready once
 * it prints `listening on`, stopped with SIGTERM (SIGKILL after 5 s, or when this process
 * exits), and its CPU time read from /proc so that a benchmark can give CPU per request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** The process' user + system CPU time so far, in µs; `undefined` where /proc is missing (not Linux). */
  cpuMicros(): number | undefined;
}

/** utime + stime of a process, in µs, from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
export function cpuMicrosOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

/** Runs `node --import tsx ...args` in `cwd` and waits (up to 30 s) for `listening on` in its output. */
export async function startServerProcess(args: string[], port: number, cwd: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not listen within 30 s:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return { port, child, cpuMicros: () => cpuMicrosOf(child.pid) };
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
