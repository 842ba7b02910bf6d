// Batch builds: several manuscripts, each its own book, built one after another in
// this thread (jobs = 1) or on a pool of worker threads (jobs > 1). Every worker
// imports the build once and keeps its caches (parsed fonts, loaded writers, JIT)
// warm across the books it is handed, one at a time.
//
// Each book is built into a private hidden folder inside the output folder and its
// editions are renamed into place when its result is reported. Results are reported
// strictly in input order, so two books that would write the same file names (same
// slug) are caught the same way whatever the number of jobs: the first in input
// order keeps the names, the later one fails. The files written, their bytes and
// everything printed are therefore the same for every --jobs.

import { promises as fs, constants as fsc } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Diagnostics, EXIT, InputError, UsageError, formatLocation, type Warning } from '../diagnostics.js';
import { build, type BuildOptions, type WrittenEdition } from './build.js';

export type BatchOptions = Omit<BuildOptions, 'input' | 'diagnostics'>;

export interface BatchFailure {
  /** As the CLI prints it: `imprint: manuscript/a.md:4: front matter "date" must be …`. */
  message: string;
  hint?: string;
  /** The CLI's exit class of this failure alone: 1 bad input, 2 bad usage, 3 internal. */
  exit: 1 | 2 | 3;
  /** Internal errors only, for --debug. */
  stack?: string;
}

export interface BatchItemResult {
  /** The manuscript path as given (or as found in a folder with --each). */
  input: string;
  /** 0-based position among the inputs. */
  index: number;
  ok: boolean;
  /** The editions written, paths as shown to the user; empty when the book failed. */
  editions: WrittenEdition[];
  warnings: Warning[];
  error?: BatchFailure;
  title?: string;
  slug?: string;
  ms: number;
}

/**
 * The default for --jobs: one worker per core the process may use, but never more
 * books at once than there are books, and at most 8 — each worker holds its own
 * fonts and page buffers (≈ 100 MiB for an article, ≈ 300 MiB for a novel), and
 * beyond 8 the gain is small next to that memory.
 */
export function defaultJobs(items: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), items, 8));
}

/**
 * The books named by the command line. Without `each`, every path is one book (a
 * folder being a book of its .md files). With `each`, a folder stands for each .md
 * file directly inside it, in natural file-name order, every one its own book.
 * A path that does not exist is kept, so that its build fails alone with the
 * reader's message. The same book named twice is built once.
 */
export async function expandInputs(paths: readonly string[], each: boolean, cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const p of paths) {
    const stat = each ? await fs.stat(path.resolve(cwd, p)).catch(() => undefined) : undefined;
    if (!stat?.isDirectory()) {
      add(p);
      continue;
    }
    const names = (await fs.readdir(path.resolve(cwd, p), { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.md$/i.test(e.name))
      .map((e) => e.name)
      .sort(naturalOrder);
    if (names.length === 0) throw new UsageError(`--each ${p}: the folder holds no .md files`);
    for (const name of names) add(path.join(p, name));
  }
  return out;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function naturalOrder(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Builds every input as its own book. `jobs` = 1 builds them one after another in
 * this thread; more runs a pool of that many worker threads (never more than there
 * are inputs). `onResult` is called once per book, in input order, as soon as that
 * book and all before it are done; the same results are returned at the end. A
 * failing book does not stop the others.
 */
export async function buildBatch(
  inputs: string[],
  opts: BatchOptions,
  jobs: number,
  onResult: (r: BatchItemResult) => void,
): Promise<BatchItemResult[]> {
  const cwd = opts.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, opts.outDir);
  await prepareBatchOutDir(outDir, opts.outDir);
  const itemOpts = (index: number): ItemOptions => ({
    ...opts,
    cwd,
    // Structured clone takes plain objects only.
    env: opts.env ? { ...opts.env } : undefined,
    outDirGiven: opts.outDir,
    outDir: path.join(outDir, `.imprint-batch-${process.pid}-${index}`),
  });

  const results: BatchItemResult[] = [];
  const finished = new Map<number, BatchItemResult>();
  const claims = new Map<string, string>();
  let reported = 0;
  let reporting = Promise.resolve();
  // Publishing (the renames) happens in input order, one book at a time.
  const settle = (r: BatchItemResult) => {
    finished.set(r.index, r);
    reporting = reporting.then(async () => {
      while (finished.has(reported)) {
        const item = finished.get(reported)!;
        finished.delete(reported);
        const final = await publish(item, outDir, cwd, claims);
        results.push(final);
        reported++;
        onResult(final);
      }
    });
  };

  try {
    const pool = Math.min(Math.max(1, Math.floor(jobs)), inputs.length);
    if (pool <= 1) {
      for (let i = 0; i < inputs.length; i++) settle(await buildItem(inputs[i], i, itemOpts(i)));
    } else {
      await runPool(inputs, pool, itemOpts, settle);
    }
    await reporting;
  } finally {
    // Whatever happened, no hidden staging folder stays behind.
    await Promise.all(inputs.map((_, i) => fs.rm(itemOpts(i).outDir, { recursive: true, force: true })));
  }
  return results;
}

export interface ItemOptions extends BatchOptions {
  cwd: string;
  /** The --out folder as the user gave it, for messages. */
  outDirGiven: string;
}

/** Builds one book into its private folder; never throws. Runs in a worker or in-process. */
export async function buildItem(input: string, index: number, opts: ItemOptions): Promise<BatchItemResult> {
  const start = performance.now();
  const diagnostics = new Diagnostics();
  const { outDirGiven, ...buildOpts } = opts;
  try {
    await refuseOwnFolder(input, opts);
    const result = await build({ ...buildOpts, input, diagnostics });
    return {
      input,
      index,
      ok: true,
      editions: result.editions,
      warnings: diagnostics.warnings,
      title: result.book.meta.title,
      slug: result.book.meta.slug,
      ms: performance.now() - start,
    };
  } catch (err) {
    return { input, index, ok: false, editions: [], warnings: diagnostics.warnings, error: describeFailure(err, input, { dir: opts.outDir, given: outDirGiven }), ms: performance.now() - start };
  }
}

/**
 * An error as the CLI reports it (src/cli/imprint.ts), with its exit class. Among
 * many books a message must say which one it is about, so the input is named
 * whenever the error itself names no file.
 */
export function describeFailure(err: unknown, input?: string, hidden?: { dir: string; given: string }): BatchFailure {
  // The book was built into a hidden folder; the user named only the --out folder.
  const unhide = (s: string) => (hidden ? s.split(hidden.dir).join(hidden.given) : s);
  const about = (where: string) => (where ? where : input ? `${input}: ` : '');
  if (err instanceof InputError) {
    return { message: unhide(`imprint: ${about(formatLocation(err))}${err.message}`), hint: err.hint, exit: EXIT.input };
  }
  if (err instanceof UsageError) return { message: unhide(`imprint: ${about('')}${err.message}`), hint: 'imprint --help', exit: EXIT.usage };
  const message = err instanceof Error ? err.message : String(err);
  return {
    message: unhide(`imprint: ${about('')}internal error: ${message}`),
    hint: 'run again with --debug for the stack trace, and report it',
    exit: EXIT.internal,
    stack: err instanceof Error ? err.stack : undefined,
  };
}

/** build() refuses to write into the manuscript's own folder; the hidden folder would hide that. */
async function refuseOwnFolder(input: string, opts: ItemOptions): Promise<void> {
  const abs = path.resolve(opts.cwd, input);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat) return; // the reader says what is wrong
  const root = stat.isDirectory() ? abs : path.dirname(abs);
  const out = path.dirname(opts.outDir);
  const [realOut, realRoot] = await Promise.all([fs.realpath(out).catch(() => out), fs.realpath(root).catch(() => root)]);
  if (realOut === realRoot) {
    throw new UsageError(`--out ${opts.outDirGiven}: is the manuscript's own folder; write the editions elsewhere (default: dist/)`);
  }
}

async function prepareBatchOutDir(outDir: string, given: string): Promise<void> {
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${given}: is a file, not a folder; give a folder for the editions`);
  try {
    await fs.mkdir(outDir, { recursive: true });
    await fs.access(outDir, fsc.W_OK);
  } catch {
    throw new UsageError(`--out ${given}: cannot write to this folder; check its permissions or choose another`);
  }
}

/** Moves a finished book's editions from its hidden folder into the output folder. */
async function publish(item: BatchItemResult, outDir: string, cwd: string, claims: Map<string, string>): Promise<BatchItemResult> {
  const hidden = path.join(outDir, `.imprint-batch-${process.pid}-${item.index}`);
  try {
    if (!item.ok) return item;
    const moves = item.editions.map((e) => {
      const from = path.resolve(cwd, e.path);
      return { e, from, to: path.join(outDir, path.basename(from)) };
    });
    const taken = moves.find((m) => claims.has(m.to));
    if (taken) {
      const other = claims.get(taken.to)!;
      return {
        ...item,
        ok: false,
        editions: [],
        error: {
          message: `imprint: ${item.input}: its editions would overwrite those of ${other} (${path.basename(taken.to)})`,
          hint: 'give one of the two books another title (or slug) in its front matter, or build it with another --out',
          exit: EXIT.input,
        },
      };
    }
    for (const m of moves) {
      await fs.rename(m.from, m.to);
      claims.set(m.to, item.input);
    }
    return { ...item, editions: moves.map((m) => ({ ...m.e, path: displayPath(m.to, cwd) })) };
  } catch (err) {
    return { ...item, ok: false, editions: [], error: describeFailure(err, item.input) };
  } finally {
    await fs.rm(hidden, { recursive: true, force: true });
  }
}

function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

// ---------------------------------------------------------------------------
// The worker pool

/** What the main thread sends a worker: one book to build. */
export interface WorkerRequest {
  input: string;
  index: number;
  opts: ItemOptions;
}

/** What a worker sends back: the book's result. */
export interface WorkerReply {
  result: BatchItemResult;
}

// Compiled, the worker sits beside this module. Loaded from src/ by a test runner
// that transpiles on the fly, this module is a .ts file and no worker.js exists
// beside it: the worker then comes from lib/ (which the test setup compiles).
// Beside this module: compiled (lib/build/worker.js), bundled (lib/bundle/worker.cjs,
// see scripts/bundle.mjs), or, when vitest runs the TypeScript, the compiled one.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../lib/build/worker.js', import.meta.url)
  : new URL(import.meta.url.endsWith('.cjs') ? './worker.cjs' : './worker.js', import.meta.url);

function runPool(inputs: string[], size: number, itemOpts: (i: number) => ItemOptions, settle: (r: BatchItemResult) => void): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;

    const finish = (r: BatchItemResult) => {
      settle(r);
      if (++done === inputs.length) resolve();
    };

    const start = () => {
      const worker = new Worker(WORKER_URL);
      let current: WorkerRequest | undefined;
      let failed = false;

      const feed = () => {
        if (next >= inputs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        const index = next++;
        current = { input: inputs[index], index, opts: itemOpts(index) };
        worker.postMessage(current);
      };

      // A worker that dies takes only its current book with it; a fresh one
      // takes over the books still waiting.
      const lost = (err: unknown) => {
        if (failed) return;
        failed = true;
        if (current) {
          finish({ input: current.input, index: current.index, ok: false, editions: [], warnings: [], error: describeFailure(err, current.input), ms: 0 });
          current = undefined;
        }
        void worker.terminate();
        if (next < inputs.length) start();
      };

      worker.on('message', (reply: WorkerReply) => {
        current = undefined;
        finish(reply.result);
        feed();
      });
      worker.on('error', lost);
      worker.on('exit', (code) => {
        if (current) lost(new Error(`its build worker stopped (exit code ${code})`));
      });
      feed();
    };

    for (let i = 0; i < size; i++) start();
  });
}
