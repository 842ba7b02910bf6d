// Property tests: whatever the text, setting a paragraph never throws, never loses a
// character, and never produces a line wider than its measure.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TextStyle } from '../../src/editions/pdf/typeset/types.js';
import { lineText, mono, rightEdge, serif, typesetter } from './helpers.js';

const pieces = [
  'the', 'quick', 'brown', 'fox', 'jumps', 'hyphenation', 'extraordinarily', 'internationalization',
  'well-known', 'state-of-the-art', 'word—dash', '1,200', '“quoted”', '(parens)', 'https://example.org/a/very/long/path?query=1',
  'שלום', 'עולם', 'مرحبا', 'بالعالم', 'Ελληνικά', 'Кириллица', '中文', '\uE000', '☺', '😀', 'e\u0301', 'x\u200dy',
  'Pneumonoultramicroscopicsilicovolcanoconiosis', 'a', 'I', '', '—', '-', '.', ',',
  '排版是一门手艺。', '「禁則処理」と', 'ちょっと', '（括号）', '用TypeScript写', '……', '——', '中文，“引号”',
  '👍🏽', '👨\u200d👩\u200d👧', '1\ufe0f\u20e3', '❤\ufe0f', '🇫🇷🇩🇪', '한글',
];
const seps = [' ', ' ', ' ', '  ', '\n', '\u00a0', '\u00ad', '\u200b', '\t'];

const paragraph = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { minLength: 0, maxLength: 60 })
  .map((xs) => xs.map(([w, s]) => w + s).join(''));

const styleArb: fc.Arbitrary<TextStyle> = fc.record({
  family: fc.constantFrom<'serif' | 'mono'>('serif', 'mono'),
  bold: fc.boolean(),
  italic: fc.boolean(),
  size: fc.constantFrom(8, 10.5, 14),
  baselineShift: fc.constantFrom<undefined | 'sub' | 'super'>(undefined, undefined, 'sub', 'super'),
});

describe('any text', () => {
  test('never throws, keeps every visible character, no line wider than the measure', () => {
    const { ts } = typesetter();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraph, styleArb), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 60, max: 420 }),
        fc.constantFrom<'justify' | 'left' | 'right' | 'center'>('justify', 'left', 'right', 'center'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('en', 'de', 'he', 'xx', 'zh', 'ja'),
        fc.constantFrom<'knuth-plass' | 'greedy'>('knuth-plass', 'knuth-plass', 'greedy'),
        (parts, width, align, hyphenate, preformatted, lang, breaker) => {
          const spans = parts.map(([text, style]) => ({ text, style }));
          const lines = ts.setParagraph(spans, { width, align, hyphenate, preformatted, lang, breaker });
          for (const l of lines) {
            if (rightEdge(l) > width + 0.01 && process.env.DEBUGPROP) console.log('FAIL', JSON.stringify(spans), width, align, hyphenate, preformatted, lang, breaker, lines.map((x) => `${rightEdge(x).toFixed(2)} ${JSON.stringify(lineText(x))} ${x.runs.map((r) => r.x.toFixed(1) + ':' + r.width.toFixed(1)).join(',')}`));
            expect(rightEdge(l)).toBeLessThanOrEqual(width + 0.01);
            for (const r of l.runs) expect(Number.isFinite(r.x) && Number.isFinite(r.width)).toBe(true);
          }
          const visible = (s: string) => s.replace(/[\s\u00ad\u200b-]/g, '');
          const got = lines.map((l) => visible(lineText(l))).join('');
          const want = visible(spans.map((s) => s.text).join(''));
          // Bidi reorders runs within a line, so compare the characters, not their order.
          expect([...got].sort().join('')).toBe([...want].sort().join(''));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20240601) },
    );
  });

  test('measure and single lines never throw either', () => {
    const { ts } = typesetter();
    fc.assert(
      fc.property(paragraph, styleArb, (text, style) => {
        const w = ts.measure(text, style);
        expect(Number.isFinite(w) && w >= 0).toBe(true);
        const line = ts.setSingleLine([{ text, style }], { lang: 'en', width: 200, align: 'right' });
        expect(Number.isFinite(line.width)).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(ts.measure('', serif)).toBe(0);
    expect(ts.measure('abc', mono)).toBeCloseTo(3 * 0.6 * 9, 6);
  });
});
