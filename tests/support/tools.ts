// Wrappers around the real validators and inspectors the suite runs: EPUBCheck,
// poppler-utils, qpdf. In CI (CI=true) a missing tool is a failure, never a skip.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

export function haveTool(cmd: string): boolean {
  if (cmd === 'epubcheck') return existsSync('/usr/bin/epubcheck');
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Throws in CI when a tool is missing; elsewhere returns false so the test can be skipped. */
export function requireTool(cmd: string): boolean {
  if (haveTool(cmd)) return true;
  if (process.env.CI) throw new Error(`${cmd} is not installed; .ci/run must install it`);
  return false;
}

export function tmpDir(prefix = 'imprint-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes bytes to a temporary file and returns its path. */
export function writeTmp(name: string, bytes: Uint8Array | string): string {
  const p = path.join(tmpDir(), name);
  writeFileSync(p, bytes);
  return p;
}

// ---------------------------------------------------------------- EPUB

export interface EpubCheckResult {
  ok: boolean;
  errors: number;
  warnings: number;
  output: string;
}

export function epubcheck(file: string): EpubCheckResult {
  const r = spawnSync('java', ['-jar', '/usr/bin/epubcheck', file], { encoding: 'utf8', timeout: 120_000 });
  const output = `${r.stdout}\n${r.stderr}`;
  const count = (re: RegExp) => (output.match(re) ?? []).length;
  const errors = count(/^(ERROR|FATAL)/gm);
  const warnings = count(/^WARNING/gm);
  return { ok: r.status === 0 && errors === 0 && warnings === 0, errors, warnings, output };
}

export interface UnzippedEpub {
  /** Entry names in archive order. */
  names: string[];
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
  zip: JSZip;
  raw: Uint8Array;
}

export async function unzipEpub(bytes: Uint8Array | string): Promise<UnzippedEpub> {
  const raw = typeof bytes === 'string' ? readFileSync(bytes) : bytes;
  const zip = await JSZip.loadAsync(raw);
  const names = Object.keys(zip.files);
  return {
    names,
    zip,
    raw,
    text: async (name) => {
      const f = zip.file(name);
      if (!f) throw new Error(`no ${name} in EPUB (has ${names.join(', ')})`);
      return f.async('string');
    },
    bytes: async (name) => {
      const f = zip.file(name);
      if (!f) throw new Error(`no ${name} in EPUB`);
      return f.async('uint8array');
    },
  };
}

// ---------------------------------------------------------------- PDF (poppler, qpdf)

export function pdftotext(file: string, opts: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args: string[] = [];
  if (opts.layout) args.push('-layout');
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Text of each page, 1-based index 0 unused. */
export function pdfPages(file: string): string[] {
  const all = pdftotext(file);
  return ['', ...all.split('\f').slice(0, -1)];
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdffonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: count from the end.
      const n = cols.length;
      return { name: cols[0], type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
    });
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** qpdf's JSON view of the file (objects, pages, outlines, page labels). */
export function qpdfJson(file: string): any {
  const out = execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}
