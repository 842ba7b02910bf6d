// One build: read the manuscript once, render the requested editions from the
// model, and move them into the output folder together or not at all.

import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import { Diagnostics, InputError, UsageError } from '../diagnostics.js';
import { EXTENSIONS, type Format, type ProgressEvent } from '../editions/edition.js';
import { buildManifest } from '../manifest/manifest.js';
import type { Book } from '../model/document.js';
import { readManuscript } from '../reader/read.js';
import { GENERATOR } from '../version.js';
import { Staging } from './atomic-write.js';
import { renderEditions } from './render.js';

export interface BuildOptions {
  input: string;
  outDir: string;
  formats: readonly Format[];
  /** Text edition's line width. */
  width: number;
  keepGoing: boolean;
  /** Warnings are errors: nothing is written when there is any. */
  strict?: boolean;
  diagnostics: Diagnostics;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Told as the writers work, for a progress display. */
  progress?: (event: ProgressEvent) => void;
}

export interface WrittenEdition {
  format: Format;
  /** Path as given to the user (relative to cwd when inside it). */
  path: string;
  bytes: number;
  pages?: number;
  ms: number;
}

export interface BuildResult {
  book: Book;
  editions: WrittenEdition[];
  ms: number;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const start = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const book = await readManuscript(opts.input, { diagnostics: opts.diagnostics, keepGoing: opts.keepGoing, cwd, env: opts.env });
  const outDir = path.resolve(cwd, opts.outDir);
  await prepareOutDir(outDir, book, opts.outDir);

  const base = book.meta.slug;
  const ctx = { diagnostics: opts.diagnostics, generator: GENERATOR, width: opts.width, progress: opts.progress };
  const rendered = await renderEditions(book, opts.formats, ctx, base + EXTENSIONS.pdf);
  if (opts.strict && opts.diagnostics.warnings.length > 0) {
    const n = opts.diagnostics.warnings.length;
    throw new InputError(`${n} warning${n === 1 ? '' : 's'} with --strict; no editions written`);
  }

  const staging = new Staging();
  const editions: WrittenEdition[] = [];
  try {
    for (const r of rendered) {
      const target = path.join(outDir, base + EXTENSIONS[r.format]);
      await staging.stage(target, r.bytes);
      editions.push({ format: r.format, path: displayPath(target, cwd), bytes: r.bytes.byteLength, pages: r.pages, ms: r.ms });
    }
    const manifest = buildManifest(book, rendered.map((r) => ({ format: r.format, fileName: base + EXTENSIONS[r.format], bytes: r.bytes })), GENERATOR);
    await staging.stage(path.join(outDir, `${base}.manifest.json`), manifest);
    await staging.commit();
  } catch (err) {
    await staging.discard();
    throw err;
  }
  return { book, editions, ms: performance.now() - start };
}

function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** The output folder must be a writable folder, and not the manuscript's own. */
async function prepareOutDir(outDir: string, book: Book, given: string): Promise<void> {
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${given}: is a file, not a folder; give a folder for the editions`);
  const real = await fs.realpath(outDir).catch(() => path.resolve(outDir));
  const root = await fs.realpath(book.root).catch(() => book.root);
  if (real === root) throw new UsageError(`--out ${given}: is the manuscript's own folder; write the editions elsewhere (default: dist/)`);
  try {
    await fs.mkdir(outDir, { recursive: true });
    await fs.access(outDir, fsc.W_OK);
  } catch {
    throw new UsageError(`--out ${given}: cannot write to this folder; check its permissions or choose another`);
  }
}
