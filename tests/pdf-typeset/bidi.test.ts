// Right-to-left paragraphs and mixed-direction lines: lines are broken in logical order
// and each line's runs are put in visual order (UAX #9), right-aligned when RTL.

import { describe, expect, test } from 'vitest';
import type { SetLine } from '../../src/editions/pdf/typeset/types.js';
import { rightEdge, serif, typesetter } from './helpers.js';

/** The words of a line from left to right as they appear on the page. */
function visualWords(line: SetLine): string[] {
  return [...line.runs]
    .sort((a, b) => a.x - b.x)
    .flatMap((r) => {
      const w = r.text.split(/\s+/).filter(Boolean);
      return r.rtl ? w.reverse() : w;
    });
}

describe('bidi', () => {
  test('a Hebrew paragraph is set right to left and right-aligned', () => {
    const { ts } = typesetter('he');
    const lines = ts.setParagraph([{ text: 'שלום עולם יפה', style: serif }], { width: 300, lang: 'he', align: 'justify', hyphenate: true });
    expect(lines).toHaveLength(1);
    expect(visualWords(lines[0])).toEqual(['יפה', 'עולם', 'שלום']);
    expect(rightEdge(lines[0])).toBeCloseTo(300, 6);
    expect(lines[0].runs.filter((r) => r.font.startsWith('hebrew')).every((r) => r.rtl)).toBe(true);
  });

  test('the base direction comes from the first strong character when the language is LTR', () => {
    const { ts } = typesetter('en');
    const [rtl] = ts.setParagraph([{ text: 'שלום world', style: serif }], { width: 300, lang: 'en', align: 'left', hyphenate: false });
    expect(rightEdge(rtl)).toBeCloseTo(300, 6);
    expect(visualWords(rtl)).toEqual(['world', 'שלום']);
    const [ltr] = ts.setParagraph([{ text: 'see שלום עולם here', style: serif }], { width: 300, lang: 'en', align: 'left', hyphenate: false });
    expect(ltr.runs[0].x).toBe(0);
    expect(visualWords(ltr)).toEqual(['see', 'עולם', 'שלום', 'here']);
  });

  test('numbers stay left to right inside right-to-left text', () => {
    const { ts } = typesetter('he');
    const [line] = ts.setParagraph([{ text: 'אבג 123 דהו', style: serif }], { width: 300, lang: 'he', align: 'left', hyphenate: false });
    expect(visualWords(line)).toEqual(['דהו', '123', 'אבג']);
  });

  test('long RTL paragraphs are broken in logical order: the first line holds the first words', () => {
    const { ts } = typesetter('he');
    const words = Array.from({ length: 40 }, (_, i) => ['אחד', 'שתיים', 'שלוש', 'ארבע', 'חמש'][i % 5] + (i < 10 ? '' : ''));
    const text = words.join(' ');
    const lines = ts.setParagraph([{ text, style: serif }], { width: 150, lang: 'he', align: 'justify', hyphenate: true });
    expect(lines.length).toBeGreaterThan(3);
    const logical = lines.flatMap((l) => visualWords(l).reverse());
    expect(logical).toEqual(words);
    for (const l of lines.slice(0, -1)) expect(rightEdge(l)).toBeCloseTo(150, 2);
  });

  test('an explicit direction overrides the language', () => {
    const { ts } = typesetter('en');
    const [line] = ts.setParagraph([{ text: 'abc def', style: serif }], { width: 300, lang: 'en', align: 'left', hyphenate: false, direction: 'rtl' });
    expect(rightEdge(line)).toBeCloseTo(300, 6);
  });
});
