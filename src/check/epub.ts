// EPUB checks: EPUBCheck (what every store runs on upload) and Ace by DAISY (the
// accessibility report EU Accessibility Act compliance is judged by).

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INSTALL, findAce, findEpubcheck, run, type ToolEnv } from './external-tools.js';
import { fail, limitNotes, ok, skipped, type CheckResult } from './result.js';

export interface EpubCheckOptions {
  /** Count EPUBCheck warnings as failures. */
  strict: boolean;
}

interface EpubcheckMessage {
  severity: 'FATAL' | 'ERROR' | 'WARNING';
  text: string;
}

/** `ERROR(RSC-005): book.epub/EPUB/ch01.xhtml(12,4): message` → severity and the rest, path shortened. */
export function parseEpubcheckOutput(output: string, file: string): { version?: string; messages: EpubcheckMessage[] } {
  const version = /EPUBCheck v?(\d+(?:\.\d+)+)/i.exec(output)?.[1];
  const messages: EpubcheckMessage[] = [];
  const base = path.basename(file);
  for (const line of output.split('\n')) {
    const m = /^(FATAL|ERROR|WARNING)\s*\(([^)]*)\)\s*:?\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    // EPUBCheck names the location with the path it was given (or one relative to
    // its working folder); keep the file's name and what is inside the EPUB.
    const where = m[3].replace(new RegExp(`(?:[^\\s(]*/)?${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'), base);
    messages.push({ severity: m[1] as EpubcheckMessage['severity'], text: `${m[1]} ${m[2]}: ${where}` });
  }
  return { version, messages };
}

export async function runEpubcheck(file: string, t: ToolEnv, opts: EpubCheckOptions): Promise<CheckResult> {
  const tool = findEpubcheck(t);
  if ('missing' in tool) return skipped('EPUBCheck', `tool missing: ${tool.missing}`);
  // The version says which rules applied (4.x and 5.x differ); it is printed only on request.
  const [r, v] = await Promise.all([run(tool.command, [...tool.args, file], t, { timeoutMs: 300_000 }), run(tool.command, [...tool.args, '--version'], t, { timeoutMs: 120_000 })]);
  const output = `${r.stdout}\n${r.stderr}`;
  const { messages } = parseEpubcheckOutput(output, file);
  const version = parseEpubcheckOutput(`${v.stdout}\n${v.stderr}`, file).version;
  const name = version ? `EPUBCheck ${version}` : 'EPUBCheck';
  if (r.error) return fail(name, `could not run: ${r.error}`);
  const errors = messages.filter((m) => m.severity !== 'WARNING');
  const warnings = messages.filter((m) => m.severity === 'WARNING');
  if (errors.length > 0 || (r.status !== 0 && messages.length === 0)) {
    const n = errors.length || 1;
    return fail(
      name,
      `${n} error${n === 1 ? '' : 's'}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}: ` +
        'Apple Books, Google Play Books, Kobo and Amazon KDP reject an EPUB that fails EPUBCheck',
      limitNotes((errors.length ? [...errors, ...warnings].map((m) => m.text) : output.trim().split('\n').slice(-5))),
    );
  }
  if (warnings.length > 0) {
    const detail = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
    return opts.strict
      ? fail(name, `${detail} (--strict): stores accept the file, but these are defects`, limitNotes(warnings.map((m) => m.text)))
      : ok(name, `no errors; ${detail} (stores accept it; --strict fails on warnings)`, limitNotes(warnings.map((m) => m.text)));
  }
  return ok(name, 'no errors or warnings');
}

interface AceAssertion {
  'earl:test'?: { 'earl:impact'?: string; 'dct:title'?: string };
  'earl:result'?: { 'earl:outcome'?: string; 'dct:description'?: string };
  'earl:testSubject'?: { url?: string };
  assertions?: AceAssertion[];
}

/** Violations in Ace's report.json, as `impact: rule (file): description`. */
export function aceViolations(report: { 'earl:result'?: { 'earl:outcome'?: string }; assertions?: AceAssertion[] }): { outcome: string; violations: { impact: string; text: string }[] } {
  const violations: { impact: string; text: string }[] = [];
  const walk = (list: AceAssertion[] | undefined, subject?: string) => {
    for (const a of list ?? []) {
      const where = a['earl:testSubject']?.url ?? subject;
      if (a['earl:result']?.['earl:outcome'] === 'fail' && a['earl:test']) {
        const impact = a['earl:test']['earl:impact'] ?? 'unknown';
        const rule = a['earl:test']['dct:title'] ?? 'rule';
        // axe lists every way to fix a violation, one per line; the first says what is wrong.
        const first = (a['earl:result']['dct:description'] ?? '').split('\n').map((l) => l.trim()).find((l) => l && !/^fix (any|all) of the following/i.test(l)) ?? '';
        const desc = first.length > 160 ? `${first.slice(0, 157)}…` : first;
        violations.push({ impact, text: `${impact}: ${rule}${where ? ` (${where})` : ''}${desc ? `: ${desc}` : ''}` });
      }
      walk(a.assertions, where);
    }
  };
  walk(report.assertions);
  return { outcome: report['earl:result']?.['earl:outcome'] ?? 'unknown', violations };
}

const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];

export async function runAce(file: string, t: ToolEnv): Promise<CheckResult> {
  const name = 'Ace by DAISY';
  const ace = findAce(t);
  if (!ace) return skipped(name, `tool missing: ${INSTALL.ace}`);
  const outdir = await fs.mkdtemp(path.join(os.tmpdir(), 'imprint-ace-'));
  try {
    // Ace drives a headless browser through puppeteer; without a downloaded one,
    // use the system's Chromium.
    const env = { ...t.env };
    if (!env.PUPPETEER_EXECUTABLE_PATH) {
      for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
        if (await fs.stat(p).catch(() => undefined)) {
          env.PUPPETEER_EXECUTABLE_PATH = p;
          break;
        }
      }
    }
    const r = await run(ace.command, [...ace.args, '--silent', '--force', '--outdir', outdir, file], { ...t, env }, { timeoutMs: 600_000 });
    const json = await fs.readFile(path.join(outdir, 'report.json'), 'utf8').catch(() => undefined);
    if (!json) {
      const why = r.error ?? (`${r.stderr}\n${r.stdout}`.trim().split('\n').filter(Boolean).slice(-1)[0] || `exit status ${r.status}`);
      return fail(name, `did not finish, so the EPUB's accessibility is unverified: ${why}`);
    }
    const { outcome, violations } = aceViolations(JSON.parse(json));
    if (outcome === 'pass' && violations.length === 0) return ok(name, 'no accessibility violations');
    const counts = IMPACT_ORDER.map((i) => [i, violations.filter((v) => v.impact === i).length] as const).filter(([, n]) => n > 0);
    const summary = counts.map(([i, n]) => `${n} ${i}`).join(', ') || 'violations';
    violations.sort((a, b) => IMPACT_ORDER.indexOf(a.impact) - IMPACT_ORDER.indexOf(b.impact));
    return fail(
      name,
      `${summary}: readers using assistive technology would meet these, and EU Accessibility Act conformance needs them fixed`,
      limitNotes(violations.map((v) => v.text)),
    );
  } finally {
    await fs.rm(outdir, { recursive: true, force: true });
  }
}
