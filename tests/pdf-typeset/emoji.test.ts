// Emoji: Noto Emoji in the fallback chain (ahead of DejaVu for emoji-presentation
// characters), sequences kept whole in one face and on one line (variation selectors,
// skin tones, ZWJ sequences, keycaps, flags, tags), no warning and no box for the
// invisible parts, the whole sequence back from pdftotext; and exactly one warning
// for a character no face has.

import { beforeAll, describe, expect, test } from 'vitest';
import { REPLACEMENT } from '../../src/editions/pdf/typeset/index.js';
import { shapeWord } from '../../src/editions/pdf/typeset/glyphs.js';
import type { SetLine, TextStyle } from '../../src/editions/pdf/typeset/types.js';
import { pdffonts, pdfPages, qpdfCheck, requireTool } from '../support/tools.js';
import { lineText, mono, renderPdf, rightEdge, serif, textContentStream, typesetter } from './helpers.js';

const SEQUENCES = {
  grinning: '😀',
  thumbsMedium: '👍🏽',
  family: '👨\u200d👩\u200d👧',
  keycapOne: '1\ufe0f\u20e3',
  redHeart: '❤\ufe0f',
  flagFrance: '🇫🇷',
  rainbowFlag: '🏳\ufe0f\u200d🌈',
  scotland: '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  keycapHash: '#\ufe0f\u20e3',
  womanTechnologist: '👩🏾\u200d💻',
};

function set(text: string, style: TextStyle = serif, width = 1000, lang = 'en') {
  const { ts, diagnostics } = typesetter(lang);
  const lines = ts.setParagraph([{ text, style }], { width, lang, align: 'left', hyphenate: false, pos: { file: 'book.md', line: 3 } });
  return { ts, lines, warnings: diagnostics.warnings.map((w) => w.message) };
}

const runsOf = (lines: SetLine[]) => lines.flatMap((l) => l.runs);

describe('emoji in the fallback chain', () => {
  test.each(Object.entries(SEQUENCES))('%s: one run of the emoji face holds the whole sequence, no warning', (_name, seq) => {
    const { lines, warnings } = set(`before ${seq} after`);
    expect(warnings).toEqual([]);
    const run = runsOf(lines).find((r) => r.text.includes(seq));
    expect(run, `a run holding ${seq}`).toBeDefined();
    expect(run!.font).toBe('emoji-regular');
    expect(run!.text).toBe(seq);
  });

  test.each(Object.entries(SEQUENCES))('%s: drawn as glyphs of the emoji face, none of them .notdef, joiners and selectors not drawn', (_name, seq) => {
    const s = shapeWord('emoji-regular', seq, false);
    expect(s.glyphs.length).toBeGreaterThan(0);
    for (const g of s.glyphs) expect(g.id).not.toBe(0);
    expect(s.width).toBeGreaterThan(0);
    // The RGI sequences are single glyphs in Noto Emoji (ligatures).
    expect(s.glyphs.length).toBe(1);
  });

  test('emoji-presentation characters take Noto Emoji before DejaVu; text-style symbols keep DejaVu; selectors decide', () => {
    const fontOf = (text: string, style = serif) => runsOf(set(`a ${text} b`, style).lines).find((r) => r.text.includes(text))!.font;
    expect(fontOf('😀')).toBe('emoji-regular'); // DejaVu has it too, as a small symbol
    expect(fontOf('❤')).toBe('symbols-regular'); // text by default
    expect(fontOf('❤\ufe0f')).toBe('emoji-regular');
    expect(fontOf('☺')).toBe('symbols-regular');
    expect(fontOf('☺\ufe0f')).toBe('emoji-regular');
    expect(fontOf('😀\ufe0e')).toBe('symbols-regular'); // text presentation asked for
    expect(fontOf('©')).toBe('serif-regular');
    expect(fontOf('©\ufe0f')).toBe('emoji-regular');
    expect(fontOf('1')).toBe('serif-regular');
    expect(fontOf('♞')).toBe('symbols-regular');
    expect(fontOf('😀', { ...serif, bold: true })).toBe('emoji-bold');
    expect(fontOf('😀', mono)).toBe('emoji-regular');
  });

  test('a sequence is never split across lines, even in the emergency pass', () => {
    const all = Object.values(SEQUENCES).join('');
    for (const width of [8, 14, 20, 33, 50]) {
      const { lines, warnings } = set(all, serif, width);
      expect(warnings).toEqual([]);
      expect(lines.map(lineText).join('')).toBe(all);
      const texts = lines.map(lineText);
      // Every line is a concatenation of whole sequences.
      for (const t of texts) {
        let rest = t;
        while (rest) {
          const seq = Object.values(SEQUENCES).find((s) => rest.startsWith(s));
          expect(seq, `${width} pt: line ${JSON.stringify(t)} at ${JSON.stringify(rest)}`).toBeDefined();
          rest = rest.slice(seq!.length);
        }
      }
    }
  });

  test('a line may break between two emoji and next to a word, not before punctuation', () => {
    const text = 'go😀😀😀😀😀😀😀😀😀😀😀😀. done';
    const { lines } = set(text, serif, 60);
    expect(lines.map(lineText).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const l of lines) {
      expect(rightEdge(l)).toBeLessThanOrEqual(60.01);
      expect(lineText(l).startsWith('.')).toBe(false);
    }
    expect(lines.length).toBeGreaterThan(2);
  });

  test('an emoji line keeps the Latin line metrics', () => {
    const latin = set('plain').lines[0];
    for (const seq of Object.values(SEQUENCES)) {
      const l = set(`plain ${seq}`).lines[0];
      expect([l.ascent, l.descent]).toEqual([latin.ascent, latin.descent]);
    }
  });
});

describe('characters no face has', () => {
  test('exactly one warning per character, however often it occurs; joiners and selectors never warn', () => {
    const { ts, diagnostics } = typesetter();
    const opts = { width: 300, lang: 'en', align: 'left' as const, hyphenate: false, pos: { file: 'book.md', line: 9 } };
    const lines = ts.setParagraph([{ text: 'private \uE000 and \uE000 unassigned \u0378\u0378 x\u200dy z\ufe0f 한', style: serif }], opts);
    ts.setParagraph([{ text: 'again \uE000 \u0378 한', style: serif }], opts);
    const messages = diagnostics.warnings.map((w) => w.message);
    expect(messages.filter((m) => m.includes('U+E000'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('U+0378'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('U+D55C'))).toHaveLength(1);
    expect(messages).toHaveLength(3);
    expect(diagnostics.warnings[0]).toMatchObject({ file: 'book.md', line: 9 });
    const replaced = lines.flatMap((l) => l.runs).filter((r) => r.font === REPLACEMENT).map((r) => r.text);
    expect(replaced).toEqual(['\uE000', '\uE000', '\u0378\u0378', '한']);
  });
});

const haveTools = requireTool('pdftotext') && requireTool('pdffonts') && requireTool('qpdf');

describe.skipIf(!haveTools)('emoji drawn into a PDF', () => {
  let file = '';
  let text = '';
  const line = `Emoji ${Object.values(SEQUENCES).join(' ')} end, and ❤ ☺ ♞ in text style, a joiner in x\u200dy.`;
  beforeAll(async () => {
    const { ts } = typesetter();
    const lines = ts.setParagraph([{ text: line, style: serif }], { width: 300, lang: 'en', align: 'justify', hyphenate: true });
    file = await renderPdf(ts, [lines], 'emoji.pdf');
    text = pdfPages(file)[1];
  });

  test('Noto Emoji embedded as a subset next to the other faces', () => {
    const fonts = pdffonts(file);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoEmoji-Regular');
    expect(names).toContain('DejaVuSans');
    for (const f of fonts) expect(f.embedded && f.subset, f.name).toBe(true);
  });

  test('pdftotext gives back every sequence whole, joiners, selectors, modifiers and tags included', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text)).toBe(squash(line));
  });

  test('glyphs that drop part of their text are marked with the text as ActualText', () => {
    const content = textContentStream(file);
    // The joiner between two Latin letters has no glyph; the emoji ligatures keep their
    // joiners, selectors and modifiers in their ToUnicode entries and need no ActualText.
    const hex = (t: string) => 'FEFF' + Array.from(t.split(''), (u) => u.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
    expect(content).toContain(`/Span <</ActualText <${hex('x\u200dy.')}>>> BDC`);
    expect(content).not.toContain(hex('👍🏽'));
    expect(content.split('BDC').length).toBe(content.split('EMC').length);
  });

  test('qpdf finds the file sound', () => {
    expect(qpdfCheck(file).ok).toBe(true);
  });
});
