// `imprint build`: runs a build and reports one line per edition written.

import { Diagnostics, EXIT, UsageError } from '../diagnostics.js';
import { build, type BuildResult } from '../build/build.js';
import { createProgress } from '../progress/progress.js';
import { watch } from '../watch/watch.js';
import type { Format } from '../editions/edition.js';
import { parseFormats, parseInteger, parseOptions } from './args.js';
import type { Command } from './command.js';

export interface BuildCommandOptions {
  input: string;
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
  usage: 'imprint build [path] [-o DIR] [-f epub,pdf,txt,html] [-w N] [--keep-going] [--strict] [-q] [--json] [--watch]',
  summary: `build the editions of a manuscript
      path                 a .md file, or a folder of .md files read as one book in
                           natural file-name order (default: manuscript/)
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
    debug: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`build takes one manuscript path, got ${positionals.length}`);
  if (values.watch && values.json) throw new UsageError('build: --watch and --json do not go together');
  return {
    input: positionals[0] ?? 'manuscript',
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
  if (opts.watch) return watch(opts, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  const diagnostics = new Diagnostics();
  const progress = createProgress({ isTTY: process.stderr.isTTY === true, quiet: opts.quiet || opts.json });
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
