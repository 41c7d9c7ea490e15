/** `pnpm test [path] [vitest flags]`, and with `--solutions`, `pnpm test:solutions`. */
import { spawn } from 'node:child_process';
import { vitestArguments } from './vitest-arguments.js';

const { args, target } = vitestArguments(process.argv.slice(2));
const child = spawn('vitest', args, { stdio: 'inherit', env: { ...process.env, KATA_TARGET: target } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
