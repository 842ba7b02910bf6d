// Wrappers around the real validators and inspectors the suite runs: EPUBCheck,
// poppler-utils, qpdf. In CI (CI=true) a missing tool is a failure, never a skip.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The XMP metadata packet of a PDF (streams decompressed with qpdf), or undefined. */
export function pdfXmp(file: string): string | undefined {
  const out = path.join(tmpDir(), 'qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  const m = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(readFileSync(out, 'latin1'));
  return m ? Buffer.from(m[0], 'latin1').toString('utf8') : undefined;
}

// ---------------------------------------------------------------- Ace by DAISY

/**
 * Ace's puppeteer runner, looked up in this order: $IMPRINT_ACE, the copy CI
 * installs into .ci/tools/ace, `ace-puppeteer` on PATH. Undefined when none exists.
 */
export function findAce(): string | undefined {
  const candidates = [
    process.env.IMPRINT_ACE,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.ci/tools/ace/node_modules/.bin/ace-puppeteer'),
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const r = spawnSync('sh', ['-c', 'command -v ace-puppeteer'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Like requireTool, for Ace: throws in CI when it is missing. */
export function requireAce(): boolean {
  if (findAce()) return true;
  if (process.env.CI) throw new Error('Ace by DAISY is not installed; .ci/run must install it into .ci/tools/ace');
  return false;
}

export interface AceViolation {
  file: string;
  rule: string;
  impact: string;
  description: string;
}

export interface AceResult {
  outcome: string;
  violations: AceViolation[];
  /** Ace's console output, for failure messages. */
  output: string;
  report: any;
}

/** Runs Ace on an EPUB with the system Chromium and reads its report.json. */
export function aceCheck(file: string): AceResult {
  const ace = findAce();
  if (!ace) throw new Error('Ace by DAISY not found');
  const out = tmpDir('imprint-ace-');
  const env = { ...process.env };
  if (!env.PUPPETEER_EXECUTABLE_PATH && existsSync('/usr/bin/chromium')) env.PUPPETEER_EXECUTABLE_PATH = '/usr/bin/chromium';
  const r = spawnSync(ace, ['--force', '--silent', '--outdir', out, file], { encoding: 'utf8', env, timeout: 300_000 });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  const reportPath = path.join(out, 'report.json');
  if (!existsSync(reportPath)) throw new Error(`Ace wrote no report (exit ${r.status}):\n${output}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const violations: AceViolation[] = [];
  for (const doc of report.assertions ?? []) {
    for (const a of doc.assertions ?? []) {
      violations.push({
        file: doc['earl:testSubject']?.url ?? '',
        rule: a['earl:test']?.['dct:title'] ?? '',
        impact: a['earl:test']?.['earl:impact'] ?? '',
        description: a['earl:result']?.['dct:description'] ?? '',
      });
    }
  }
  return { outcome: report['earl:result']?.['earl:outcome'] ?? 'unknown', violations, output, report };
}
