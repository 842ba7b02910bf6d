// The shaping fast path (cmap + probed pairs) gives exactly what fontkit's full layout
// gives, and the per-word cache returns the same result every time.

import { describe, expect, test } from 'vitest';
import { face, type FaceKey } from '../../src/editions/pdf/typeset/faces.js';
import { articleParagraphs } from './corpus.js';

const extra = ['Ελληνικά', 'κείμενα', 'Кириллица', 'текст', 'naïve', 'café', 'Œuvre', 'fjord', 'AVATAR', 'Tỷ', '“quoted”', '1,200', '—and', 'office', 'affluent'];

describe('word shaping', () => {
  const words = [...new Set([...articleParagraphs().join(' ').split(/\s+/), ...extra])];
  for (const key of ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bolditalic', 'mono-regular'] as FaceKey[]) {
    test(`fast path = fontkit layout for ${words.length} words in ${key}`, () => {
      const shaper = face(key).shaper;
      for (const w of words) {
        const a = shaper.shape(w);
        const b = shaper.shapeFull(w);
        expect(a.glyphs.map((g) => g.id), w).toEqual(b.glyphs.map((g) => g.id));
        expect(Math.abs(a.width - b.width), w).toBeLessThan(1e-9);
        a.adv.forEach((x, i) => expect(Math.abs(x - b.adv[i]), w).toBeLessThan(1e-9));
      }
      expect(shaper.fastWords).toBeGreaterThan(words.length / 2);
    });
  }

  test('ligatures and marks go through fontkit and keep their characters', () => {
    const s = face('serif-regular').shaper;
    const office = s.shape('office');
    expect(office.fast).toBeFalsy();
    expect(office.glyphs.length).toBe(4); // o, ffi, c, e
    expect(office.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('')).toBe('office');
    const accent = s.shape('cafe\u0301');
    expect(accent.glyphs.every((g) => g.id !== 0)).toBe(true);
    expect(s.shape('office')).toBe(office); // cached
  });

  test('Arabic glyphs carry the characters of their own cluster (not fontkit’s first-use cache)', () => {
    const s = face('arabic-regular').shaper;
    s.shape('اختبار'); // خ first: its body glyph is shared with ح
    const w = s.shape('مرحبا');
    const text = w.glyphs
      .slice()
      .reverse()
      .map((g) => String.fromCodePoint(...g.codePoints))
      .join('');
    expect(text).toBe('مرحبا');
    expect(w.rtl).toBe(true);
  });
});
