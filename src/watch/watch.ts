// `imprint build --watch`: build, then build again whenever a manuscript file or
// one of its images is saved, until interrupted.
//
// The process stays alive between builds, so the second and later builds skip
// Node's start-up, the module loading, the font parsing and whatever the
// typesetter caches (glyph widths, hyphenation). A save that did not change a
// file's bytes (an editor's "save all", a `touch`) rebuilds nothing. Bursts of
// saves within the debounce interval make one build, and a save during a build
// makes one more build right after it. Errors are printed, never fatal: the next
// save tries again.

import { createHash } from 'node:crypto';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { build, type BuildOptions, type BuildResult } from '../build/build.js';
import { Diagnostics, InputError, UsageError, formatLocation } from '../diagnostics.js';

export type WatchOptions = Omit<BuildOptions, 'diagnostics'> & {
  /** Print only errors. */
  quiet?: boolean;
  /** Quiet period after the last save before building (default 150 ms). */
  debounceMs?: number;
};

export interface WatchIO {
  /** Progress lines (stdout). */
  out(text: string): void;
  /** Warnings and errors (stderr). */
  err(text: string): void;
  /** Stops watching; without one, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

export const DEFAULT_DEBOUNCE_MS = 150;

/** Files editors write beside the real one while saving, which must not trigger builds. */
const EDITOR_DEBRIS = /(?:~|\.swp|\.swx|\.swo|\.tmp|\.bak|\.crswap|^4913|^#.*#|^\.#.*)$/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Content hashes of everything the last good build read, by absolute path. */
function inputsOf(result: BuildResult, cwd: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const s of result.book.sources) hashes.set(path.resolve(cwd, s.file), s.sha256);
  for (const r of result.book.resources) hashes.set(path.resolve(r.path), sha256(r.data));
  return hashes;
}

function formatError(err: unknown): string {
  if (err instanceof InputError) return `imprint: ${formatLocation(err)}${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`;
  if (err instanceof UsageError) return `imprint: ${err.message}\n`;
  return `imprint: internal error: ${err instanceof Error ? err.message : String(err)}\n`;
}

function formatWritten(result: BuildResult): string {
  return result.editions.map((e) => `  wrote ${e.path} (${e.bytes} bytes${e.pages !== undefined ? `, ${e.pages} pages` : ''}, ${Math.round(e.ms)} ms)\n`).join('');
}

function display(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * Runs until `io.signal` aborts (or SIGINT/SIGTERM without a signal) and resolves
 * with the exit status: 0, whatever the builds did, since the user stopped it.
 */
export async function watch(opts: WatchOptions, io: WatchIO): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const input = path.resolve(cwd, opts.input);
  const outDir = path.resolve(cwd, opts.outDir);
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;

  let known = new Map<string, string>();
  let lastOk = false;
  let building = false;
  let again = false;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const runBuild = async (reason: string): Promise<void> => {
    building = true;
    const diagnostics = new Diagnostics();
    const start = performance.now();
    try {
      const result = await build({ ...opts, cwd, diagnostics });
      for (const w of diagnostics.warnings) io.err(Diagnostics.format(w) + '\n');
      known = inputsOf(result, cwd);
      lastOk = true;
      if (!opts.quiet) io.out(`${reason} in ${Math.round(performance.now() - start)} ms\n${formatWritten(result)}`);
      // New images referenced since the last build are watched from now on.
      watcher?.add([...known.keys()].filter((p) => !p.startsWith(outDir + path.sep)));
    } catch (err) {
      for (const w of diagnostics.warnings) io.err(Diagnostics.format(w) + '\n');
      lastOk = false;
      io.err(formatError(err));
      io.err('imprint: the build failed; the previous editions are unchanged. Waiting for the next save.\n');
    } finally {
      building = false;
    }
  };

  /** Whether any of the saved files now differs from what the last good build read. */
  const reallyChanged = async (files: string[]): Promise<boolean> => {
    if (!lastOk) return true;
    for (const f of files) {
      const before = known.get(f);
      if (before === undefined) return true; // a new file in the manuscript folder
      const bytes = await fs.readFile(f).catch(() => undefined);
      if (!bytes || sha256(bytes) !== before) return true;
    }
    return false;
  };

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (building) {
      again = true;
      return;
    }
    const files = [...changed];
    changed.clear();
    const names = files.map((f) => display(f, cwd)).join(', ');
    if (!(await reallyChanged(files))) {
      if (!opts.quiet) io.out(`saved without changes: ${names} (not rebuilt)\n`);
    } else {
      if (!opts.quiet) io.out(`changed: ${names}\n`);
      await runBuild('rebuilt');
    }
    if (again) {
      again = false;
      if (changed.size > 0) await flush();
    }
  };

  const onChange = (file: string) => {
    changed.add(path.resolve(cwd, file));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  await runBuild('built');

  // The manuscript (file or folder), the images the last build read, and the
  // project's assets/ folder, where a missing image is likely to be added.
  const roots = new Set<string>([input, ...known.keys()]);
  const assets = path.join(cwd, 'assets');
  if (existsSync(assets)) roots.add(assets);
  watcher = chokidarWatch([...roots], {
    ignoreInitial: true,
    ignored: (p: string) => {
      const abs = path.resolve(cwd, p);
      if (abs === outDir || abs.startsWith(outDir + path.sep)) return true;
      const base = path.basename(abs);
      return abs !== input && (base.startsWith('.') || base === 'node_modules' || EDITOR_DEBRIS.test(base));
    },
  });
  watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
  watcher.on('error', (err) => io.err(`imprint: watching failed: ${err instanceof Error ? err.message : String(err)}\n`));
  await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  if (!opts.quiet) io.out(`watching ${display(input, cwd)} for changes (Ctrl-C to stop)\n`);

  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  return 0;
}
