// Font fallback by glyph coverage, and one warning per character no face has.

import { describe, expect, test } from 'vitest';
import { REPLACEMENT } from '../../src/editions/pdf/typeset/index.js';
import { shapeWord } from '../../src/editions/pdf/typeset/glyphs.js';
import { mono, serif, typesetter } from './helpers.js';

function fontsOf(text: string, style = serif, lang = 'en') {
  const { ts, diagnostics } = typesetter(lang);
  const lines = ts.setParagraph([{ text, style }], { width: 1000, lang, align: 'left', hyphenate: false, pos: { file: 'book.md', line: 7 } });
  const runs = lines.flatMap((l) => l.runs);
  const fontOf = (s: string) => runs.find((r) => r.text.includes(s))?.font;
  return { runs, fontOf, diagnostics };
}

describe('fallback chain', () => {
  test('Latin, Greek and Cyrillic stay in the text face; Hebrew, Arabic, symbols fall back', () => {
    const { fontOf, diagnostics } = fontsOf('Latin Ελληνικά Кириллица שלום مرحبا ☺ ♞ ⌘');
    expect(fontOf('Latin')).toBe('serif-regular');
    expect(fontOf('Ελληνικά')).toBe('serif-regular');
    expect(fontOf('Кириллица')).toBe('serif-regular');
    expect(fontOf('שלום')).toBe('hebrew-regular');
    expect(fontOf('مرحبا')).toBe('arabic-regular');
    expect(fontOf('☺')).toBe('symbols-regular');
    expect(fontOf('♞')).toBe('symbols-regular');
    expect(fontOf('⌘')).toBe('symbols-regular');
    expect(diagnostics.warnings).toEqual([]);
  });

  test('fallback faces follow bold and italic where they have them', () => {
    expect(fontsOf('שלום', { ...serif, bold: true }).fontOf('שלום')).toBe('hebrew-bold');
    expect(fontsOf('مرحبا', { ...serif, bold: true }).fontOf('مرحبا')).toBe('arabic-bold');
    expect(fontsOf('☺', { ...serif, italic: true }).fontOf('☺')).toBe('symbols-italic');
    expect(fontsOf('word', { ...serif, bold: true, italic: true }).fontOf('word')).toBe('serif-bolditalic');
  });

  test('code keeps to the mono face, with DejaVu Sans Mono for what it lacks', () => {
    const { fontOf } = fontsOf('x = 1; // ├── ♞ 😀 中文', mono);
    expect(fontOf('x')).toBe('mono-regular');
    expect(fontOf('├──')).toBe('mono-regular');
    expect(fontOf('♞')).toBe('symbolsmono-regular');
    expect(fontOf('😀')).toBe('emoji-regular');
    expect(fontOf('中文')).toBe('cjk-regular');
  });

  test('CJK and emoji join the chain: Chinese, Japanese and emoji fall back to Noto faces', () => {
    const { fontOf, diagnostics } = fontsOf('Latin 中文 かな カナ 😀 ☺');
    expect(fontOf('中文')).toBe('cjk-regular');
    expect(fontOf('かな')).toBe('cjk-regular');
    expect(fontOf('カナ')).toBe('cjk-regular');
    expect(fontOf('😀')).toBe('emoji-regular');
    expect(fontOf('☺')).toBe('symbols-regular');
    expect(diagnostics.warnings).toEqual([]);
  });

  test('a character no face has: one warning naming it, with the position; drawn as a replacement', () => {
    const { ts, diagnostics } = typesetter();
    const opts = { width: 400, lang: 'en', align: 'left' as const, hyphenate: false, pos: { file: 'book.md', line: 12 } };
    const lines = ts.setParagraph([{ text: '한글 and \uE000 and 한 again', style: serif }], opts);
    ts.setParagraph([{ text: 'more 한 later', style: serif }], { ...opts, pos: { file: 'book.md', line: 40 } });
    const messages = diagnostics.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^book\.md:12: .*U\+D55C “한”/);
    expect(messages[1]).toMatch(/U\+AE00 “글”/);
    expect(messages[2]).toMatch(/U\+E000/);
    const replaced = lines[0].runs.filter((r) => r.font === REPLACEMENT).map((r) => r.text);
    expect(replaced).toEqual(['한글', '\uE000', '한']);
  });

  test('no .notdef glyph is ever drawn', () => {
    const { runs } = fontsOf('Latin ΑΒΓ שָׁלוֹם مرحبا ☺ 😀 中 \uE000 e\u0301 \u200d x\ufe0f');
    for (const r of runs) {
      for (const word of r.text.split(/\s+/).filter(Boolean)) {
        expect(shapeWord(r.font, word, r.rtl === true).glyphs.every((g) => g.id !== 0), `${r.font} ${word}`).toBe(true);
      }
    }
  });
});
