// `imprint check`: runs every check that applies to each file and reports one
// line per check. The files are checked concurrently (EPUBCheck and Ace spend
// seconds starting a JVM and a browser) and reported in the order given.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../diagnostics.js';
import { verifyManifest } from '../manifest/verify.js';
import { runAce, runEpubcheck } from './epub.js';
import type { ToolEnv } from './external-tools.js';
import { checkPdf } from './pdf.js';
import { fail, ok, skipped, type CheckResult } from './result.js';
import { checkText } from './text.js';

export interface CheckOptions {
  /** Files to check; empty: everything in `dist/`. */
  files: string[];
  /** Manifests to verify the files they list against. */
  manifests: string[];
  /** Width of the text edition. */
  width: number;
  /** EPUBCheck warnings fail. */
  strict: boolean;
  /** Leave out Ace by DAISY (it takes tens of seconds). */
  ace: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface FileReport {
  /** The file as the user named it (or as found in dist/). */
  file: string;
  kind: 'epub' | 'pdf' | 'txt' | 'html' | 'manifest';
  results: CheckResult[];
}

const MANIFEST_SUFFIX = '.manifest.json';

export function kindOf(file: string): FileReport['kind'] | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(MANIFEST_SUFFIX)) return 'manifest';
  const ext = path.extname(lower);
  if (ext === '.epub') return 'epub';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.txt') return 'txt';
  if (ext === '.html' || ext === '.htm') return 'html';
  return undefined;
}

/** What `imprint check` with no file names looks at: the editions and manifests in dist/. */
export async function filesInDist(cwd: string): Promise<string[]> {
  const dir = path.join(cwd, 'dist');
  const names = await fs.readdir(dir).catch(() => {
    throw new UsageError('no files given and there is no dist/ folder here; build first (imprint build) or name the files to check');
  });
  // Hidden names are the build's staging files, never editions.
  const found = names.filter((n) => !n.startsWith('.') && kindOf(n) !== undefined).sort();
  if (found.length === 0) throw new UsageError('dist/ holds no editions (.epub, .pdf, .txt, .html) or manifests to check; build first');
  return found.map((n) => path.join('dist', n));
}

async function checkOne(file: string, kind: FileReport['kind'], opts: CheckOptions): Promise<CheckResult[]> {
  const abs = path.resolve(opts.cwd, file);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat || !stat.isFile()) return [fail('file', stat ? 'is not a file' : 'no such file')];
  const tools: ToolEnv = { env: opts.env, cwd: opts.cwd };
  switch (kind) {
    case 'epub':
      return Promise.all([
        runEpubcheck(abs, tools, { strict: opts.strict }),
        opts.ace ? runAce(abs, tools) : Promise.resolve(skipped('Ace by DAISY', 'left out (--no-ace)')),
      ]);
    case 'pdf':
      return checkPdf(abs, tools);
    case 'txt':
      return checkText(abs, opts.width);
    case 'html':
      return [skipped('HTML checks', 'imprint has no checks for the HTML edition yet')];
    case 'manifest': {
      let verdicts;
      try {
        verdicts = await verifyManifest(abs, opts.cwd);
      } catch (err) {
        if (err instanceof InputError) return [fail('manifest', err.message)];
        throw err;
      }
      if (verdicts.length === 0) return [ok('manifest', 'lists no editions')];
      return verdicts.map((v) => (v.ok ? ok(v.file, v.detail) : fail(v.file, v.detail)));
    }
  }
}

export async function runChecks(opts: CheckOptions): Promise<FileReport[]> {
  const named = opts.files.length > 0 || opts.manifests.length > 0 ? opts.files : await filesInDist(opts.cwd);
  const jobs: { file: string; kind: FileReport['kind'] }[] = [];
  for (const file of named) {
    const kind = kindOf(file);
    if (!kind) throw new UsageError(`check: cannot check "${file}": give .epub, .pdf, .txt or .html editions, or a .manifest.json`);
    jobs.push({ file, kind });
  }
  for (const m of opts.manifests) jobs.push({ file: m, kind: 'manifest' });
  return Promise.all(jobs.map(async (j) => ({ ...j, results: await checkOne(j.file, j.kind, opts) })));
}

const STATUS_WIDTH = 9;

export function formatReport(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(r.kind === 'manifest' ? `${r.file} (manifest)` : r.file);
    for (const c of r.results) {
      out.push(`  ${c.status.padEnd(STATUS_WIDTH)}${c.name}: ${c.detail}`);
      for (const note of c.notes ?? []) out.push(`  ${' '.repeat(STATUS_WIDTH)}  ${note}`);
    }
  }
  const all = reports.flatMap((r) => r.results);
  const count = (s: CheckResult['status']) => all.filter((c) => c.status === s).length;
  out.push(`checked ${reports.length} file${reports.length === 1 ? '' : 's'}: ${count('ok')} ok, ${count('FAIL')} FAIL, ${count('skipped')} skipped`);
  return out.join('\n') + '\n';
}

export function anyFailed(reports: FileReport[]): boolean {
  return reports.some((r) => r.results.some((c) => c.status === 'FAIL'));
}
