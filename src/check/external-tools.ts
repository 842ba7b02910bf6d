// Finding and running the validators `imprint check` relies on. None of them is a
// dependency of imprint: each is looked up when needed, and a missing one turns its
// checks into "skipped" lines that say how to install it.

import { spawn } from 'node:child_process';
import { accessSync, constants as fsc, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export interface ToolEnv {
  /** PATH and the rest of the environment the tools run with. */
  env: NodeJS.ProcessEnv;
  /** The project folder, where `.ci/tools` lives. */
  cwd: string;
}

/** How to install each tool, as a command the user can paste (Debian/Ubuntu). */
export const INSTALL = {
  epubcheck: 'apt-get install epubcheck',
  java: 'apt-get install default-jre-headless',
  ace: 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace',
  poppler: 'apt-get install poppler-utils',
  qpdf: 'apt-get install qpdf',
} as const;

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, fsc.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Like `command -v`: the first executable `name` on PATH, without a shell. */
export function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

export interface Invocation {
  command: string;
  args: string[];
}

/**
 * EPUBCheck as Debian ships it is a jar (`/usr/bin/epubcheck` → epubcheck.jar) run
 * with `java -jar`; Homebrew and others install a launcher script, run directly.
 */
export function findEpubcheck(t: ToolEnv): Invocation | { missing: string } {
  const onPath = which('epubcheck', t.env);
  const candidates = [onPath, '/usr/bin/epubcheck', '/usr/share/java/epubcheck.jar'].filter((p): p is string => !!p && existsSync(p));
  for (const p of candidates) {
    const real = realpathSync(p);
    if (real.endsWith('.jar')) {
      const java = which('java', t.env);
      if (!java) return { missing: `java is not installed: ${INSTALL.java}` };
      return { command: java, args: ['-jar', real] };
    }
    if (isExecutable(p)) return { command: p, args: [] };
  }
  return { missing: `EPUBCheck is not installed: ${INSTALL.epubcheck}` };
}


/**
 * Ace by DAISY: on PATH, or installed for CI under `.ci/tools/ace` (of the project,
 * or of imprint's own checkout). Its launcher is a Node script, run with this Node
 * so that it works whatever PATH holds.
 */
export function findAce(t: ToolEnv): Invocation | undefined {
  const candidates = [which('ace-puppeteer', t.env)];
  for (const root of [t.cwd, PACKAGE_ROOT]) {
    const bin = path.join(root, '.ci/tools/ace/node_modules/.bin');
    candidates.push(path.join(bin, 'ace-puppeteer'), path.join(bin, 'ace'));
  }
  const found = candidates.find((p): p is string => !!p && isExecutable(p));
  if (!found) return undefined;
  const real = realpathSync(found);
  return /\.[cm]?js$/.test(real) ? { command: process.execPath, args: [real] } : { command: found, args: [] };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started or was killed by the timeout. */
  error?: string;
}

/** Runs a tool to completion, collecting its output (no shell, no stdin). */
export function run(command: string, args: string[], t: ToolEnv, opts: { timeoutMs?: number; binary?: boolean } = {}): Promise<RunResult & { bytes?: Buffer }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: t.cwd, env: t.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => {
      error = `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 300_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      error = e.message;
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      const bytes = Buffer.concat(out);
      resolve({ status, stdout: opts.binary ? '' : bytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error, bytes: opts.binary ? bytes : undefined });
    });
  });
}
