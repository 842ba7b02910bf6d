// Chinese and Japanese: the CJK face in the fallback chain, line breaks between
// ideographs and kana with the kinsoku rules, inter-character justification, the
// quarter em between CJK and Latin, even vertical metrics on mixed lines, and the
// result drawn into a real PDF (pdffonts, pdftotext, a rendered page).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SetLine, TextStyle } from '../../src/editions/pdf/typeset/types.js';
import { pdffonts, pdfPages, qpdfCheck, requireTool } from '../support/tools.js';
import { CHINESE, JAPANESE } from './corpus.js';
import { lineText, renderPdf, rightEdge, serif, typesetter } from './helpers.js';

/** Characters a line may not start with (JLREQ cl-02 to cl-07, cl-11; CLREQ). */
const NO_START = new Set(Array.from('、。，．,.：；:;！？!?」』）］｝〕〉》】〗〙〛”’ーゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥・〜'));
/** Characters a line may not end with (JLREQ cl-01). */
const NO_END = new Set(Array.from('「『（［｛〔〈《【〖〘〚“‘'));

const firstChar = (l: SetLine) => Array.from(lineText(l))[0];
const lastChar = (l: SetLine) => Array.from(lineText(l)).at(-1)!;

function set(text: string, lang: string, width: number, style: TextStyle = serif, align: 'justify' | 'left' = 'justify') {
  const { ts, diagnostics } = typesetter(lang);
  const lines = ts.setParagraph([{ text, style }], { width, lang, align, hyphenate: true });
  return { ts, lines, warnings: diagnostics.warnings.map((w) => w.message) };
}

/** Left edge of the first run to right edge of the last: what the line covers on the page. */
const extent = (l: SetLine) => rightEdge(l) - Math.min(...l.runs.map((r) => r.x));

describe.each([
  ['Chinese', 'zh', CHINESE],
  ['Japanese', 'ja', JAPANESE],
])('%s set justified', (_name, lang, paragraphs) => {
  const measures = [300, 237, 180];

  test.each(measures)('at %s pt: no line wider than the measure, every line but the last fills it', (width) => {
    for (const text of paragraphs) {
      const { lines, warnings } = set(text, lang, width);
      expect(warnings).toEqual([]);
      expect(lines.length).toBeGreaterThan(2);
      for (const l of lines) expect(rightEdge(l)).toBeLessThanOrEqual(width + 0.01);
      for (const l of lines.slice(0, -1)) {
        expect(l.runs[0].x).toBe(0);
        expect(Math.abs(extent(l) - width), lineText(l)).toBeLessThan(0.01);
      }
      const last = lines.at(-1)!;
      expect(last.runs.every((r) => !r.interCharSpacing && (r.scale ?? 1) === 1)).toBe(true);
    }
  });

  test.each(measures)('at %s pt: the lines hold the text exactly, with no hyphen and no forbidden break', (width) => {
    for (const text of paragraphs) {
      const { lines } = set(text, lang, width);
      expect(lines.map(lineText).join('')).toBe(text);
      for (const l of lines) expect(l.hyphenated).toBe(false);
      lines.slice(1).forEach((l, i) => expect(NO_START.has(firstChar(l)), `line ${i + 2} starts with ${firstChar(l)}`).toBe(false));
      lines.slice(0, -1).forEach((l, i) => expect(NO_END.has(lastChar(l)), `line ${i + 1} ends with ${lastChar(l)}`).toBe(false));
    }
  });

  test('justification space goes between the characters, evenly, and stays small', () => {
    for (const text of paragraphs) {
      const { lines } = set(text, lang, 300);
      for (const l of lines.slice(0, -1)) {
        const cjkRuns = l.runs.filter((r) => r.font.startsWith('cjk'));
        // CJK glyphs are never scaled: only Latin words take font expansion.
        for (const r of cjkRuns) expect(r.scale ?? 1).toBe(1);
        const spacings = new Set(cjkRuns.filter((r) => Array.from(r.text).length > 1).map((r) => (r.interCharSpacing ?? 0).toFixed(6)));
        expect(spacings.size, lineText(l)).toBeLessThanOrEqual(1);
        for (const r of cjkRuns) expect(r.interCharSpacing ?? 0).toBeLessThanOrEqual(0.25 * r.size + 1e-9);
      }
    }
  });
});

describe('breaking text without spaces', () => {
  test('a line may end between any two ideographs, but not before 。 nor after 「', () => {
    // A line holds at most 5 characters (5 × 10.5 pt = 52.5 pt).
    const { lines } = set('一二三四五六七八九十「一二三」四五。六七八九十', 'zh', 53, serif, 'left');
    const texts = lines.map(lineText);
    expect(texts.join('')).toBe('一二三四五六七八九十「一二三」四五。六七八九十');
    for (const t of texts.slice(1)) expect(NO_START.has(Array.from(t)[0])).toBe(false);
    for (const t of texts.slice(0, -1)) expect(NO_END.has(Array.from(t).at(-1)!)).toBe(false);
    for (const t of texts) expect(Array.from(t).length).toBeLessThanOrEqual(5);
  });

  test('small kana and the long-vowel mark never start a line; an ellipsis pair never splits', () => {
    for (let width = 30; width <= 120; width += 7) {
      const text = 'コンピューターでちょっと考えてみよう……そうしよう。';
      const { lines } = set(text, 'ja', width, serif, 'left');
      expect(lines.map(lineText).join('')).toBe(text);
      for (const l of lines.slice(1)) expect(NO_START.has(firstChar(l)), `${width}: ${lineText(l)}`).toBe(false);
    }
  });

  test('mixed Latin and CJK: breaks at the boundaries, a quarter em between them, Latin words kept whole', () => {
    const size = serif.size;
    const { lines } = set('我们用TypeScript编写', 'zh', 1000, serif, 'left');
    const runs = lines[0].runs;
    expect(runs.map((r) => r.font)).toEqual(['cjk-regular', 'serif-regular', 'cjk-regular']);
    expect(runs[1].x - (runs[0].x + runs[0].width)).toBeCloseTo(size / 4, 6);
    expect(runs[2].x - (runs[1].x + runs[1].width)).toBeCloseTo(size / 4, 6);
    // No quarter em next to punctuation, nor before a note marker.
    const punct = set('中文(English)中文', 'zh', 1000, serif, 'left').lines[0].runs;
    for (let i = 1; i < punct.length; i++) expect(punct[i].x).toBeCloseTo(punct[i - 1].x + punct[i - 1].width, 6);
    // Narrow measures: the Latin word is never split (no hyphenation in a CJK paragraph's
    // Latin either, as Chinese has no patterns) and nothing is lost.
    for (let width = 60; width <= 140; width += 10) {
      const narrow = set(CHINESE[1], 'zh', width);
      expect(narrow.lines.map(lineText).join('')).toBe(CHINESE[1]);
      expect(narrow.lines.some((l) => lineText(l).includes('TypeScript'))).toBe(true);
      for (const l of narrow.lines) expect(rightEdge(l)).toBeLessThanOrEqual(width + 0.01);
    }
  });

  test('no hyphen is ever inserted after a CJK character, even in an English paragraph', () => {
    for (const width of [120, 180, 260]) {
      const { lines } = set(`The phrase ${CHINESE[0]} is typeset hyphenation-free internationalization.`, 'en', width);
      for (const l of lines.filter((x) => x.hyphenated)) expect(lineText(l).slice(-2, -1)).toMatch(/[A-Za-z]/);
    }
  });

  test('Chinese quotes and dashes come from the CJK face, full width; English ones stay in the text face', () => {
    const zh = set('他说：“好——走吧……”', 'zh', 1000, serif, 'left').lines[0];
    for (const r of zh.runs) expect(r.font).toBe('cjk-regular');
    const en = set('He said: “fine—go…” 中文', 'en', 1000, serif, 'left').lines[0];
    expect(en.runs.find((r) => r.text.includes('“'))!.font).toBe('serif-regular');
    expect(en.runs.find((r) => r.text.includes('中'))!.font).toBe('cjk-regular');
  });

  test('two punctuation marks side by side keep half an em of blank between them, not one', () => {
    const size = serif.size;
    const width = (t: string, lang = 'zh') => set(t, lang, 1000, serif, 'left').lines[0].width;
    expect(width('字字')).toBeCloseTo(2 * size, 6);
    expect(width('字。」')).toBeCloseTo(2.5 * size, 6); // 。 gives up its right half
    expect(width('」「')).toBeCloseTo(1.5 * size, 6);
    expect(width('（「字')).toBeCloseTo(2.5 * size, 6); // 「 gives up its left half
    expect(width('说：“好”', 'zh')).toBeCloseTo(4.5 * size, 6);
    expect(width('字」字')).toBeCloseTo(3 * size, 6); // nothing to squeeze against
  });

  test('bold CJK takes the bold face; italic keeps the upright one', () => {
    expect(set('中文', 'zh', 500, { ...serif, bold: true }).lines[0].runs[0].font).toBe('cjk-bold');
    expect(set('中文', 'zh', 500, { ...serif, italic: true }).lines[0].runs[0].font).toBe('cjk-regular');
  });

  test('code: CJK comments use the CJK face, no quarter em, columns kept by the mono face', () => {
    const { ts } = typesetter('zh');
    const mono: TextStyle = { family: 'mono', bold: false, italic: false, size: 9 };
    const lines = ts.setParagraph([{ text: 'x = 1 # 注释abc“q”', style: mono }], { width: 1000, lang: 'zh', align: 'left', hyphenate: false, preformatted: true });
    const runs = lines[0].runs;
    expect(runs.find((r) => r.text.includes('注'))!.font).toBe('cjk-regular');
    expect(runs.find((r) => r.text.includes('“'))!.font).toBe('mono-regular');
    for (let i = 1; i < runs.length; i++) expect(runs[i].x).toBeCloseTo(runs[i - 1].x + runs[i - 1].width, 6);
  });
});

describe('vertical metrics', () => {
  test('a line mixing Latin with CJK, emoji or Hebrew has the ascent, descent and leading of a Latin line', () => {
    const { ts } = typesetter();
    const one = (text: string) => ts.setParagraph([{ text, style: serif }], { width: 1000, lang: 'en', align: 'left', hyphenate: false })[0];
    const latin = one('Plain Latin text');
    const m = ts.metrics(serif);
    expect(latin.ascent).toBeCloseTo(m.ascent, 9);
    expect(latin.descent).toBeCloseTo(m.descent, 9);
    for (const text of ['Latin 中文 text', 'Latin かな text', 'Latin 😀 text', 'Latin שלום text', 'Latin مرحبا text', '全部是中文']) {
      const l = one(text);
      expect([l.ascent, l.descent, l.leading], text).toEqual([latin.ascent, latin.descent, latin.leading]);
    }
  });

  test('a paragraph alternating Latin and CJK lines keeps one baseline-to-baseline distance', () => {
    const { lines } = set(`Latin words first, then ${CHINESE[0]} and Latin again to the end of the paragraph.`, 'en', 200);
    const offsets = new Set(lines.map((l) => ((l.leading - l.ascent - l.descent) / 2 + l.ascent).toFixed(9)));
    expect(offsets.size).toBe(1);
    expect(new Set(lines.map((l) => l.leading)).size).toBe(1);
  });
});

const haveTools = requireTool('pdftotext') && requireTool('pdffonts') && requireTool('pdftoppm') && requireTool('qpdf');

describe.skipIf(!haveTools)('drawn into a PDF', () => {
  let file = '';
  let text: string[] = [];
  let png = '';
  let pages: SetLine[][] = [];
  let ts: ReturnType<typeof typesetter>['ts'];
  beforeAll(async () => {
    ts = typesetter().ts;
    const para = (t: string, lang: string, style = serif) => ts.setParagraph([{ text: t, style }], { width: 300, lang, align: 'justify', hyphenate: true });
    pages = [
      [...CHINESE.flatMap((p) => para(p, 'zh')), ...para('粗体的中文标题', 'zh', { ...serif, bold: true })],
      JAPANESE.flatMap((p) => para(p, 'ja')),
    ];
    file = await renderPdf(ts, pages, 'cjk.pdf');
    text = pdfPages(file);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, path.join(path.dirname(file), 'cjk')]);
    png = path.join(path.dirname(file), 'cjk-1.png');
    // For a person to look at: the rendered pages are next to the PDF.
    console.log(`CJK pages rendered: ${png}`);
  });

  test('fonts: embedded subsets, Noto Serif SC regular and bold', () => {
    const fonts = pdffonts(file);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.type).toBe('CID TrueType');
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoSerifSC-Regular');
    expect(names).toContain('NotoSerifSC-Bold');
  });

  test('pdftotext gives back every character, in order', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text[1])).toBe(squash(CHINESE.join('') + '粗体的中文标题'));
    expect(squash(text[2])).toBe(squash(JAPANESE.join('')));
  });

  test('the glyphs land where the lines were set: each line’s right edge on the page is the set one', () => {
    // pdftotext -bbox: word boxes from the glyph advances the PDF viewer computes, so this
    // checks the drawing (gaps, squeezed punctuation, runs) against the line setter.
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    xml.split('<page ').slice(1).forEach((page, p) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => ({
        xMax: Number(m[3]),
        mid: (Number(m[2]) + Number(m[4])) / 2,
      }));
      const rows: { mid: number; xMax: number }[] = [];
      for (const w of words) {
        const row = rows.find((r) => Math.abs(r.mid - w.mid) < 4);
        if (row) row.xMax = Math.max(row.xMax, w.xMax);
        else rows.push({ ...w });
      }
      rows.sort((a, b) => a.mid - b.mid);
      expect(rows.length).toBe(pages[p].length);
      pages[p].forEach((line, i) => expect(rows[i].xMax, lineText(line)).toBeCloseTo(50 + rightEdge(line), 1));
    });
  });

  test('a line drawn from copies of its runs gives the same page (the drawing finds the gaps from the text)', async () => {
    const copied = pages.map((lines) => lines.map((l) => ({ ...l, runs: l.runs.map((r) => ({ ...r })) })));
    const again = await renderPdf(ts, copied, 'cjk-copies.pdf');
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });

  test('qpdf finds the file sound, and the page was rendered', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    expect(existsSync(png)).toBe(true);
  });
});
