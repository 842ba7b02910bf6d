// The `imprint` command, run on import (by main.ts, bundled or not). Finds the
// subcommand, runs it, and turns every failure into one line on stderr and an exit
// status: 1 for bad input, 2 for bad usage, 3 for an internal fault (with the stack
// only under --debug).

import { EXIT, InputError, UsageError, formatLocation } from '../diagnostics.js';
import { VERSION } from '../version.js';
import { buildCommand } from './build-command.js';
import type { Command } from './command.js';
import { initCommand } from './init-command.js';
import { importCommand } from './import-command.js';
import { checkCommand } from './check-command.js';

const COMMANDS: Command[] = [buildCommand, initCommand, importCommand, checkCommand];

function help(): string {
  const lines = ['imprint: one manuscript in; EPUB, PDF and plain-text editions out', '', 'Usage:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`, '');
  lines.push('  imprint --help | --version', '', 'Exit status: 0 success, 1 bad input, 2 bad usage, 3 internal error.', '');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`imprint ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n  ${command.summary}\n`);
    return EXIT.ok;
  }
  return command.run(rest.filter((a) => a !== '--debug'));
}

function report(err: unknown, debug: boolean): number {
  if (err instanceof InputError) {
    process.stderr.write(`imprint: ${formatLocation(err)}${err.message}\n`);
    if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT.input;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`imprint: ${err.message}\n  hint: imprint --help\n`);
    return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`imprint: internal error: ${message}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('  hint: run again with --debug for the stack trace, and report it\n');
  return EXIT.internal;
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err, argv.includes('--debug'));
  },
);
