// Set lines drawn into a real pdfkit document, checked with poppler and qpdf: only
// embedded TrueType subsets (none of the 14 standard fonts), every character back from
// pdftotext (ligatures, fallback faces, replacement boxes), Hebrew in logical order,
// link annotations, byte-identical output for the same input.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SetLine, Span } from '../../src/editions/pdf/typeset/types.js';
import { pdffonts, pdfPages, qpdfCheck, qpdfJson, requireTool } from '../support/tools.js';
import { articleParagraphs } from './corpus.js';
import { mono, renderPdf, serif, typesetter } from './helpers.js';

const haveTools = requireTool('pdftotext') && requireTool('pdffonts') && requireTool('qpdf');

const HEBREW = 'בראשית ברא אלהים את השמים ואת הארץ והארץ היתה תהו ובהו וחשך על פני תהום ורוח אלהים מרחפת על פני המים';
const ARABIC = 'مرحبا بالعالم هذا اختبار للخط العربي';
const GREEK = 'Ελληνικά κείμενα και Кириллица текст → ✓ € ☺ ♞';
const LIGATURES = 'office affluent fjord ﬁnal waffle';
const UNCOVERED = 'Korean 한글 and private \uE000 use';
const CODE = 'const xs = [1, 2, 3];\nfor (const x of xs) {\n    console.log(`value: ${x}`); // ├── tree\n}';

function pages(): { lines: SetLine[][]; ts: ReturnType<typeof typesetter>['ts']; warnings: string[] } {
  const { ts, diagnostics } = typesetter();
  const para = (spans: Span[], width = 320, lang = 'en', extra = {}) =>
    ts.setParagraph(spans, { width, lang, align: 'justify', hyphenate: true, ...extra });
  const styled: Span[] = [
    { text: 'Styles: ', style: serif },
    { text: 'italic', style: { ...serif, italic: true } },
    { text: ', ', style: serif },
    { text: 'bold', style: { ...serif, bold: true } },
    { text: ', H', style: serif },
    { text: '2', style: { ...serif, baselineShift: 'sub' } },
    { text: 'O, x', style: serif },
    { text: '2', style: { ...serif, baselineShift: 'super' } },
    { text: ', ', style: serif },
    { text: 'struck', style: { ...serif, strike: true } },
    { text: ', ', style: serif },
    { text: 'grey', style: { ...serif, grey: 0.5 } },
    { text: ', a ', style: serif },
    { text: 'web link', style: serif, link: 'https://example.org/page' },
    { text: ' and a ', style: serif },
    { text: 'cross-reference', style: serif, link: '#intro' },
    { text: '.', style: serif },
  ];
  const lines = [
    [...para([{ text: articleParagraphs()[0], style: serif }]), ...para([{ text: LIGATURES, style: serif }]), ...para(styled)],
    para([{ text: GREEK, style: serif }]),
    para([{ text: HEBREW, style: serif }], 180, 'he'),
    para([{ text: ARABIC, style: serif }], 320, 'ar'),
    para([{ text: CODE, style: mono }], 320, 'en', { preformatted: true }),
    para([{ text: UNCOVERED, style: serif }]),
  ];
  return { lines, ts, warnings: diagnostics.warnings.map((w) => w.message) };
}

const squash = (s: string) => s.replace(/[\s\u202a-\u202e-]/g, '');

describe.skipIf(!haveTools)('drawn into a PDF', () => {
  let file = '';
  let text: string[] = [];
  beforeAll(async () => {
    const { lines, ts } = pages();
    file = await renderPdf(ts, lines);
    text = pdfPages(file);
  });

  test('fonts: embedded TrueType subsets with ToUnicode maps, none of the 14 standard fonts', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.type).toBe('CID TrueType');
      expect(f.name).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    for (const n of ['SourceSerif4-Regular', 'SourceSerif4-Italic', 'SourceSerif4-Bold', 'NotoSerifHebrew-Regular', 'NotoNaskhArabic-Regular', 'DejaVuSans', 'SourceCodePro-Regular']) {
      expect(names).toContain(n);
    }
    const raw = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const row of raw) expect(row.trim().split(/\s+/).at(-3), row).toBe('yes'); // "uni" column
  });

  test('every character of the Latin page comes back, in order (ligatures included)', () => {
    const expected = articleParagraphs()[0] + LIGATURES + 'Styles: italic, bold, H2O, x2, struck, grey, a web link and a cross-reference.';
    expect(squash(text[1])).toBe(squash(expected));
  });

  test('Greek, Cyrillic and symbols from the fallback face come back', () => {
    expect(squash(text[2])).toBe(squash(GREEK));
  });

  test('Hebrew comes back in logical order', () => {
    const words = text[3].replace(/[\u202a-\u202e]/g, '').split(/\s+/).filter(Boolean);
    expect(words).toEqual(HEBREW.split(' '));
  });

  test('Arabic comes back in logical order, shaped forms mapped to their letters', () => {
    const words = text[4].replace(/[\u202a-\u202e]/g, '').split(/\s+/).filter(Boolean);
    expect(words).toEqual(ARABIC.split(' '));
  });

  test('code keeps its lines and spaces', () => {
    const got = pdfPages(file)[5];
    const layout = execFileSync('pdftotext', ['-layout', '-f', '5', '-l', '5', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(squash(got)).toBe(squash(CODE));
    expect(layout).toMatch(/\n\s+console\.log/);
  });

  test('characters no face has are replacement boxes on the page but themselves in the text', () => {
    expect(squash(text[6])).toBe(squash(UNCOVERED));
  });

  test('link annotations: a URI and a named destination', () => {
    const json = qpdfJson(file);
    const objects = JSON.stringify(json);
    expect(objects).toContain('https://example.org/page');
    expect(objects).toMatch(/"\/S":"\/GoTo"/);
    expect(objects).toContain('intro');
  });

  test('qpdf finds the file sound', () => {
    const r = qpdfCheck(file);
    expect(r.ok, r.output).toBe(true);
  });

  test('the same input gives the same bytes', async () => {
    const again = pages();
    const second = await renderPdf(again.ts, again.lines, 'again.pdf');
    expect(readFileSync(second).equals(readFileSync(file))).toBe(true);
  });

  test('the uncovered characters were reported once each', () => {
    const { warnings } = pages();
    expect(warnings.filter((w) => w.includes('U+D55C'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('U+E000'))).toHaveLength(1);
  });
});
