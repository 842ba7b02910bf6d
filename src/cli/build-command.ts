// `imprint build`: runs a build and reports one line per edition written.

import { Diagnostics, EXIT, UsageError } from '../diagnostics.js';
// The build, batch, watch and progress modules are imported only when a run needs
// them: the reader alone, chokidar and ora would otherwise cost every invocation,
// `--help` included, a few hundred milliseconds of start-up.
import type { BuildResult } from '../build/build.js';
import type { BatchItemResult } from '../build/batch.js';
import type { Progress } from '../progress/progress.js';
import type { Format } from '../editions/edition.js';
import { parseFormats, parseInteger, parseOptions } from './args.js';
import type { Command } from './command.js';

export interface BuildCommandOptions {
  /** The first (or only) manuscript path. */
  input: string;
  /** Every path given; several paths are several books. */
  inputs: string[];
  /** A folder path means each .md file in it, each its own book. */
  each: boolean;
  /** Books built at once on worker threads; undefined: one per core (at most 8). */
  jobs: number | undefined;
  outDir: string;
  formats: Format[];
  width: number;
  keepGoing: boolean;
  strict: boolean;
  quiet: boolean;
  json: boolean;
  watch: boolean;
}

export const buildCommand: Command = {
  name: 'build',
  usage: 'imprint build [path…] [--each] [-j N] [-o DIR] [-f epub,pdf,txt,html] [-w N] [--keep-going] [--strict] [-q] [--json] [--watch]',
  summary: `build the editions of a manuscript
      path…                a .md file, or a folder of .md files read as one book in
                           natural file-name order (default: manuscript/); several
                           paths build several books, each into --out
      --each               a folder path means each .md file in it, each its own book
      -j, --jobs N         books built at once on worker threads (default: one per
                           core, at most 8); 1 builds them one after another
      -o, --out DIR        where to write the editions (default: dist/)
      -f, --formats LIST   comma-separated: epub,pdf,txt,html (default: epub,pdf,txt)
      -w, --width N        line width of the text edition in columns (default: 72)
      --keep-going         a missing or refused image is a warning; its alt text stands in
      --strict             warnings are errors: nothing is written (exit 1)
      -q, --quiet          print only errors
      --json               print a machine-readable summary on stdout
      --watch              build again on every save until Ctrl-C`,
  run: (args) => runBuild(parseBuildArgs(args)),
};

export function parseBuildArgs(args: string[]): BuildCommandOptions {
  const { values, positionals } = parseOptions('build', args, {
    out: { type: 'string', short: 'o' },
    formats: { type: 'string', short: 'f' },
    width: { type: 'string', short: 'w' },
    'keep-going': { type: 'boolean' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    json: { type: 'boolean' },
    watch: { type: 'boolean' },
    each: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    debug: { type: 'boolean' },
  });
  if (values.watch && values.json) throw new UsageError('build: --watch and --json do not go together');
  if (values.watch && (positionals.length > 1 || values.each)) throw new UsageError('build: --watch builds one book; give one path and no --each');
  const inputs = positionals.length > 0 ? positionals : ['manuscript'];
  return {
    input: inputs[0],
    inputs,
    each: values.each ?? false,
    jobs: values.jobs === undefined ? undefined : parseInteger('--jobs', values.jobs, 1, 1, 64),
    outDir: values.out ?? 'dist',
    formats: parseFormats(values.formats),
    width: parseInteger('--width', values.width, 72, 20, 1000),
    keepGoing: values['keep-going'] ?? false,
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
    json: values.json ?? false,
    watch: values.watch ?? false,
  };
}

export async function runBuild(opts: BuildCommandOptions): Promise<number> {
  if (opts.watch) {
    const { watch } = await import('../watch/watch.js');
    return watch(opts, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  }
  if (opts.inputs.length > 1 || opts.each) return runBatch(opts);
  const diagnostics = new Diagnostics();
  const progress = await progressDisplay(opts);
  const { build } = await import('../build/build.js');
  let result: BuildResult;
  try {
    result = await build({ ...opts, diagnostics, progress: progress.onEvent });
  } finally {
    progress.stop();
    if (!opts.quiet) for (const w of diagnostics.warnings) process.stderr.write(Diagnostics.format(w) + '\n');
  }
  if (opts.json) process.stdout.write(JSON.stringify(summary(result, diagnostics), null, 2) + '\n');
  else if (!opts.quiet) process.stdout.write(result.editions.map(formatEdition).join(''));
  return EXIT.ok;
}

/**
 * Several books: each is reported when it and every book before it are done, so the
 * output is in input order and the same for any --jobs. A failing book does not stop
 * the others; the exit status is the worst failure's (1 bad input, 2 bad usage such
 * as --out being a book's own folder, 3 internal), 0 when none failed.
 */
async function runBatch(opts: BuildCommandOptions): Promise<number> {
  const { buildBatch, defaultJobs, expandInputs } = await import('../build/batch.js');
  const inputs = await expandInputs(opts.inputs, opts.each);
  const jobs = opts.jobs ?? defaultJobs(inputs.length);
  const debug = process.argv.includes('--debug');
  const start = performance.now();
  const report = (r: BatchItemResult) => {
    if (!opts.quiet) for (const w of r.warnings) process.stderr.write(Diagnostics.format(w) + '\n');
    if (r.ok) {
      if (!opts.quiet && !opts.json) process.stdout.write(r.editions.map(formatEdition).join(''));
      return;
    }
    const e = r.error!;
    process.stderr.write(`${e.message}\n`);
    if (e.hint) process.stderr.write(`  hint: ${e.hint}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
  };
  const { outDir, formats, width, keepGoing, strict } = opts;
  const results = await buildBatch(inputs, { outDir, formats, width, keepGoing, strict }, jobs, report);
  const failed = results.filter((r) => !r.ok);
  if (opts.json) {
    const books = results.map((r) => ({
      input: r.input,
      ok: r.ok,
      title: r.title,
      slug: r.slug,
      editions: r.editions,
      warnings: r.warnings,
      error: r.error && { message: r.error.message, hint: r.error.hint, exit: r.error.exit },
      ms: Math.round(r.ms),
    }));
    process.stdout.write(JSON.stringify({ books, failed: failed.length, jobs, ms: Math.round(performance.now() - start) }, null, 2) + '\n');
  } else if (!opts.quiet) {
    const s = ((performance.now() - start) / 1000).toFixed(1);
    const books = `${results.length} book${results.length === 1 ? '' : 's'}`;
    process.stdout.write(failed.length ? `built ${results.length - failed.length} of ${books} in ${s} s; ${failed.length} failed\n` : `built ${books} in ${s} s\n`);
  }
  return failed.reduce<number>((worst, r) => Math.max(worst, r.error!.exit), EXIT.ok);
}

/** A spinner only where one can be seen: on a terminal, without --quiet or --json. */
async function progressDisplay(opts: BuildCommandOptions): Promise<Progress> {
  if (!process.stderr.isTTY || opts.quiet || opts.json) return { onEvent: () => {}, stop: () => {} };
  const { createProgress } = await import('../progress/progress.js');
  return createProgress({ isTTY: true, quiet: false });
}

function formatEdition(e: BuildResult['editions'][number]): string {
  const pages = e.pages !== undefined ? `, ${e.pages} pages` : '';
  return `wrote ${e.path} (${formatSize(e.bytes)}${pages}, ${Math.round(e.ms)} ms)\n`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function summary(result: BuildResult, diagnostics: Diagnostics) {
  return {
    title: result.book.meta.title,
    slug: result.book.meta.slug,
    editions: result.editions,
    warnings: diagnostics.warnings,
    ms: Math.round(result.ms),
  };
}
