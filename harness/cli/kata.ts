/** `pnpm kata <command>`: the workbook's command line. */
import { fileURLToPath } from 'node:url';
import { parseServeArguments, serve } from './serve.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [command = 'help', ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');

const usage = `Usage:
  pnpm kata serve <kata> [--solution] [--adapter mock|ioredis|node-redis] [--port N] [--url redis://…]`;

try {
  switch (command) {
    case 'serve':
      await serve(root, parseServeArguments(rest));
      break;
    default:
      console.log(usage);
      process.exitCode = command === 'help' ? 0 : 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
