/** The `kata` commands' arguments: positionals, and `--flags` checked against what a command accepts. */

/** A command's words and its flags. */
export interface Arguments {
  positionals: string[];
  flags: Set<string>;
}

/** Splits `argv`; an unknown flag is an error naming the ones `command` accepts. */
export function parseArguments(command: string, argv: string[], accepted: readonly string[]): Arguments {
  const positionals: string[] = [];
  const flags = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') continue;
    if (!arg.startsWith('-')) positionals.push(arg);
    else if (accepted.includes(arg)) flags.add(arg);
    else {
      const valid = accepted.length > 0 ? `: it accepts ${accepted.join(', ')}` : '';
      throw new Error(`pnpm kata ${command} does not know ${arg}${valid}.`);
    }
  }
  return { positionals, flags };
}
