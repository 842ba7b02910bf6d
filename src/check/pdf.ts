// PDF checks: what a printer, an archive (PDF/A) or an accessibility audit
// (PDF/UA) would refuse, and whether the printed contents page tells the truth.

import { promises as fs } from 'node:fs';
import { INSTALL, run, which, type ToolEnv } from './external-tools.js';
import { checkContents, labelsFromRanges, type LabelRange } from './pdf-contents.js';
import { hasKey, scanPdf, xmlProblem, xmpPackets, xmpProperty, xmpTitle } from './pdf-scan.js';
import { fail, limitNotes, ok, skipped, type CheckResult } from './result.js';

const missing = (tool: string, how: string) => `tool missing: ${tool} is not installed: ${how}`;

/** pdfinfo's `Key: value` lines. */
async function pdfinfo(file: string, t: ToolEnv): Promise<Record<string, string> | undefined> {
  const bin = which('pdfinfo', t.env);
  if (!bin) return undefined;
  const r = await run(bin, ['-enc', 'UTF-8', file], t);
  if (r.status !== 0) return undefined;
  const info: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

export async function checkFonts(file: string, t: ToolEnv): Promise<CheckResult> {
  const name = 'fonts embedded';
  const bin = which('pdffonts', t.env);
  if (!bin) return skipped(name, missing('pdffonts', INSTALL.poppler));
  const r = await run(bin, [file], t);
  if (r.status !== 0) return fail(name, `pdffonts could not read the file: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  // name type… encoding emb sub uni object ID: the flags are counted from the end.
  const fonts = r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const n = cols.length;
      return { name: cols[0], embedded: cols[n - 5] === 'yes' };
    });
  if (fonts.length === 0) return ok(name, 'the PDF uses no fonts');
  const bare = fonts.filter((f) => !f.embedded);
  if (bare.length > 0) {
    return fail(
      name,
      `${bare.length} of ${fonts.length} fonts not embedded: print services refuse such files, PDF/A forbids them, and readers substitute other fonts`,
      limitNotes(bare.map((f) => f.name)),
    );
  }
  return ok(name, `all ${fonts.length} font${fonts.length === 1 ? '' : 's'} embedded`);
}

export async function checkPdfA(file: string, bytes: Uint8Array, t: ToolEnv): Promise<CheckResult> {
  const name = 'PDF/A identification';
  const scan = scanPdf(bytes);
  const packets = xmpPackets(scan);
  if (packets.length === 0) {
    return fail(name, 'no XMP metadata: the file does not declare PDF/A, so archives and legal deposit that require PDF/A would reject it');
  }
  const xmp = packets.find((p) => p.includes('pdfaid')) ?? packets[0];
  const part = xmpProperty(xmp, 'pdfaid:part');
  const conformance = xmpProperty(xmp, 'pdfaid:conformance');
  if (!part) return fail(name, 'the XMP metadata has no pdfaid:part: the file does not declare PDF/A, so archives that require PDF/A would reject it');
  const declared = `PDF/A-${part}${(conformance ?? '').toLowerCase()}`;
  const problems: string[] = [];
  if (!conformance) problems.push('pdfaid:conformance is missing (A, B or U)');
  else if (!/^[ABUabu]$/.test(conformance)) problems.push(`pdfaid:conformance is "${conformance}", not A, B or U`);
  if (!/^[1-4]$/.test(part)) problems.push(`pdfaid:part is "${part}", not 1 to 4`);
  const xml = xmlProblem(xmp);
  if (xml) problems.push(`the XMP metadata is not well-formed XML (${xml})`);
  if (!hasKey(scan, /\/OutputIntents\b/) || !hasKey(scan, /\/GTS_PDFA1\b/)) problems.push('no PDF/A output intent (/OutputIntents with /GTS_PDFA1 and an ICC profile)');
  if (hasKey(scan, /\/Encrypt\b/)) problems.push('the file is encrypted, which PDF/A forbids');
  const info = await pdfinfo(file, t);
  const title = xmpTitle(xmp);
  if (info?.Title !== undefined && title !== undefined && info.Title !== title) {
    problems.push(`the document title differs between the Info dictionary ("${info.Title}") and the XMP metadata ("${title}")`);
  }
  if (problems.length > 0) return fail(name, `declares ${declared}, but a PDF/A validator (veraPDF) would reject it`, problems);
  return ok(name, `declares ${declared}; XMP well-formed${title !== undefined && info?.Title !== undefined ? ' and agrees with the document info' : ''}, output intent present`);
}

export async function checkTagged(file: string, t: ToolEnv): Promise<CheckResult> {
  const name = 'tagged PDF';
  if (!which('pdfinfo', t.env)) return skipped(name, missing('pdfinfo', INSTALL.poppler));
  const info = await pdfinfo(file, t);
  if (!info) return fail(name, 'pdfinfo could not read the file');
  if (info.Tagged === 'yes') return ok(name, 'tagged: screen readers can follow its structure');
  return fail(name, 'not tagged: screen readers cannot follow its structure, and PDF/UA (required under the EU Accessibility Act) needs tags');
}

/** Folios of every page from `qpdf --json`'s page labels; undefined when the PDF has none. */
async function pageLabels(file: string, pageCount: number, t: ToolEnv): Promise<string[] | undefined> {
  const bin = which('qpdf', t.env);
  if (!bin) return undefined;
  const r = await run(bin, ['--json=2', '--json-key=pagelabels', file], t);
  if (r.status !== 0 && r.status !== 3) return undefined;
  let json: { pagelabels?: { index: number; label: Record<string, unknown> }[] };
  try {
    json = JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
  if (!json.pagelabels || json.pagelabels.length === 0) return undefined;
  // qpdf writes names as "/r" and strings as "u:text".
  const str = (v: unknown) => (typeof v === 'string' ? v.replace(/^\//, '').replace(/^u:/, '') : undefined);
  const ranges: LabelRange[] = json.pagelabels.map((l) => ({
    index: l.index,
    style: str(l.label['/S']),
    start: typeof l.label['/St'] === 'number' ? (l.label['/St'] as number) : undefined,
    prefix: str(l.label['/P']),
  }));
  return labelsFromRanges(ranges, pageCount);
}

export async function checkContentsPage(file: string, t: ToolEnv): Promise<CheckResult> {
  const name = 'contents page numbers';
  const bin = which('pdftotext', t.env);
  if (!bin) return skipped(name, missing('pdftotext', INSTALL.poppler));
  const r = await run(bin, ['-layout', '-enc', 'UTF-8', file, '-'], t);
  if (r.status !== 0) return fail(name, `pdftotext could not read the file: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  const pages = ['', ...r.stdout.split('\f')];
  // pdftotext ends every page with a form feed, leaving an empty piece at the end.
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  const labels = await pageLabels(file, pages.length - 1, t);
  const report = checkContents(pages, labels);
  if (report.entries.length === 0) return skipped(name, 'no contents page with dot leaders ("Heading ..... 12") found');
  const where = report.contentsPages.length === 1 ? `page ${labels?.[report.contentsPages[0]] ?? report.contentsPages[0]}` : `pages ${report.contentsPages.map((p) => labels?.[p] ?? p).join(', ')}`;
  const n = report.entries.length;
  if (report.problems.length > 0) {
    return fail(name, `${report.problems.length} of ${n} entries on the contents (${where}) point to the wrong page: readers of the printed book would be sent astray`, limitNotes(report.problems));
  }
  return ok(name, `all ${n} entries on the contents (${where}) match the pages their headings are set on${labels ? ' (by page label)' : ''}`);
}

export async function checkQpdf(file: string, t: ToolEnv): Promise<CheckResult> {
  const name = 'qpdf --check';
  const bin = which('qpdf', t.env);
  if (!bin) return skipped(name, missing('qpdf', INSTALL.qpdf));
  const r = await run(bin, ['--check', file], t);
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const complaints = lines.filter((l) => /^(WARNING|ERROR|qpdf:)|error|damaged/i.test(l));
  if (r.status === 0) return ok(name, 'structure, cross-reference table and streams are sound');
  if (r.status === 3) return fail(name, 'qpdf had to work around damage: strict readers and print workflows may refuse the file', limitNotes(complaints.length ? complaints : lines.slice(-5)));
  return fail(name, 'the file is damaged: readers may refuse or mis-render it', limitNotes(complaints.length ? complaints : lines.slice(-5)));
}

export async function checkPdf(file: string, t: ToolEnv): Promise<CheckResult[]> {
  const bytes = await fs.readFile(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return [fail('PDF header', 'the file does not start with %PDF-: it is not a PDF')];
  return Promise.all([checkFonts(file, t), checkPdfA(file, bytes, t), checkTagged(file, t), checkContentsPage(file, t), checkQpdf(file, t)]);
}
