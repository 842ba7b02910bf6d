// Runs the compiled `imprint` CLI as a separate process, the way a user does.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'lib/cli/main.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function imprint(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const env = { ...process.env, ...opts.env };
  if (opts.env && 'SOURCE_DATE_EPOCH' in opts.env && opts.env.SOURCE_DATE_EPOCH === undefined) delete env.SOURCE_DATE_EPOCH;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', input: opts.input, timeout: 300_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
