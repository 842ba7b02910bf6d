// Knuth–Plass line breaking: measures respected, justified lines exact, last lines
// ragged, words wider than the measure broken between characters, greedy for comparison.

import { describe, expect, test } from 'vitest';
import type { SetLine } from '../../src/editions/pdf/typeset/types.js';
import { articleParagraphs } from './corpus.js';
import { drawnWidth, lineText, mono, rightEdge, serif, typesetter } from './helpers.js';

const MEASURE = 300;

function setArticle(breaker: 'knuth-plass' | 'greedy', width = MEASURE) {
  const { ts } = typesetter();
  const paras = articleParagraphs().map((p) =>
    ts.setParagraph([{ text: p, style: serif }], { width, lang: 'en', align: 'justify', hyphenate: breaker !== 'greedy', breaker }),
  );
  return { ts, paras };
}

describe('Knuth–Plass on the article at 10.5 pt / 300 pt', () => {
  const { ts, paras } = setArticle('knuth-plass');

  test('no line is wider than the measure', () => {
    for (const lines of paras) for (const l of lines) expect(rightEdge(l)).toBeLessThanOrEqual(l.measure + 0.01);
  });

  test('justified lines fill the measure exactly; the last line is ragged at natural spacing', () => {
    for (const lines of paras) {
      lines.slice(0, -1).forEach((l) => {
        expect(Math.abs(drawnWidth(l) - MEASURE)).toBeLessThan(0.01);
        expect(l.runs[0].x).toBe(0);
      });
      const last = lines[lines.length - 1];
      expect(last.spaceRatio).toBe(1);
      expect(last.runs.every((r) => (r.scale ?? 1) === 1)).toBe(true);
      expect(drawnWidth(last)).toBeLessThan(MEASURE);
    }
  });

  test('the lines hold the paragraph text, in order, with only inserted hyphens added', () => {
    articleParagraphs().forEach((p, i) => {
      const joined = paras[i].map((l) => (l.hyphenated ? lineText(l).slice(0, -1) : lineText(l) + ' ')).join('');
      const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
      // Breaks after a hard hyphen or a dash leave no space behind.
      expect(normal(joined).replace(/([-—]) /g, '$1')).toBe(normal(p).replace(/([-—]) /g, '$1'));
    });
  });

  test('better than first fit: fewer loose lines, no hyphen ladders', () => {
    const s = ts.stats();
    const greedy = setArticle('greedy').ts.stats();
    expect(s.overfullLines).toBe(0);
    expect(s.looseLines).toBeLessThan(greedy.looseLines / 4);
    expect(s.maxHyphenRun).toBeLessThanOrEqual(2);
    expect(s.lines).toBeLessThanOrEqual(greedy.lines);
  });

  test('spaces never shrink below two thirds nor glyphs scale beyond ±2 %', () => {
    for (const lines of paras)
      for (const l of lines) {
        expect(l.spaceRatio).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
        for (const r of l.runs) expect(Math.abs((r.scale ?? 1) - 1)).toBeLessThanOrEqual(0.02 + 1e-9);
      }
  });
});

describe('greedy breaker (pdfkit-like baseline)', () => {
  test('first fit: no hyphenation, every line as full as it can be at natural spacing', () => {
    const { paras } = setArticle('greedy');
    for (const lines of paras) {
      for (const l of lines) {
        expect(l.hyphenated).toBe(false);
        expect(rightEdge(l)).toBeLessThanOrEqual(MEASURE + 0.01);
      }
    }
  });
});

describe('hard cases', () => {
  test('a word wider than the measure is broken between characters, never overflows', () => {
    const { ts } = typesetter();
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
    const lines = ts.setParagraph([{ text: `A ${long} and https://example.org/${'x'.repeat(120)}/end here.`, style: serif }], {
      width: 120,
      lang: 'en',
      align: 'justify',
      hyphenate: true,
    });
    for (const l of lines) expect(rightEdge(l)).toBeLessThanOrEqual(120 + 0.01);
    const text = lines.map(lineText).join('');
    expect(text.replace(/-/g, '')).toContain(long.slice(0, 40));
    expect(ts.stats().overfullLines).toBe(0);
  });

  test('variable line widths (hanging indent): each line respects its own width', () => {
    const { ts } = typesetter();
    const width = (i: number) => (i === 0 ? 200 : 300);
    const lines = ts.setParagraph([{ text: articleParagraphs()[1], style: serif }], { width, lang: 'en', align: 'justify', hyphenate: true });
    expect(lines[0].measure).toBe(200);
    expect(Math.abs(drawnWidth(lines[0]) - 200)).toBeLessThan(0.01);
    for (const l of lines.slice(1, -1)) expect(Math.abs(drawnWidth(l) - 300)).toBeLessThan(0.01);
  });

  test('ragged alignments: left, right, center', () => {
    const { ts } = typesetter();
    const text = articleParagraphs()[0];
    for (const align of ['left', 'right', 'center'] as const) {
      const lines = ts.setParagraph([{ text, style: serif }], { width: 250, lang: 'en', align, hyphenate: false });
      for (const l of lines) {
        expect(l.spaceRatio).toBe(1);
        const left = l.runs[0].x;
        const right = 250 - rightEdge(l);
        if (align === 'left') expect(left).toBe(0);
        if (align === 'right') expect(right).toBeCloseTo(0, 6);
        if (align === 'center') expect(left).toBeCloseTo(right, 6);
        expect(rightEdge(l)).toBeLessThanOrEqual(250.01);
      }
    }
  });

  test('a hard line break (\\n) ends a justified line early, set ragged', () => {
    const { ts } = typesetter();
    const lines = ts.setParagraph([{ text: 'Short line\nthen the rest of a paragraph that goes on for a while until it wraps onto another line.', style: serif }], {
      width: 200,
      lang: 'en',
      align: 'justify',
      hyphenate: true,
    });
    expect(lineText(lines[0])).toBe('Short line');
    expect(lines[0].spaceRatio).toBe(1);
    expect(lines.length).toBeGreaterThan(2);
  });

  test('a measure narrower than a letter: lines are overfull (and counted), nothing throws', () => {
    const { ts } = typesetter();
    const lines = ts.setParagraph([{ text: 'Wide words here', style: serif }], { width: 3, lang: 'en', align: 'justify', hyphenate: true });
    expect(lines.map(lineText).join('')).toBe('Widewordshere');
    expect(ts.stats().overfullLines).toBeGreaterThan(0);
    for (const l of lines) for (const r of l.runs) expect(r.scale ?? 1).toBeGreaterThan(0);
  });

  test('empty and whitespace-only paragraphs give no lines', () => {
    const { ts } = typesetter();
    expect(ts.setParagraph([{ text: '   ', style: serif }], { width: 200, lang: 'en', align: 'justify', hyphenate: true })).toEqual([]);
    expect(ts.setParagraph([], { width: 200, lang: 'en', align: 'justify', hyphenate: true })).toEqual([]);
  });

  test('styled spans keep their styles, sizes and rises; links and note numbers follow', () => {
    const { ts } = typesetter();
    const lines = ts.setParagraph(
      [
        { text: 'Plain ', style: serif },
        { text: 'italic', style: { ...serif, italic: true } },
        { text: ' and ', style: serif },
        { text: 'bold', style: { ...serif, bold: true }, link: 'https://example.org/' },
        { text: ' H', style: serif },
        { text: '2', style: { ...serif, baselineShift: 'sub' } },
        { text: 'O', style: serif },
        { text: '3', style: { ...serif, baselineShift: 'super' }, noteRef: 3 },
        { text: ' grey struck', style: { ...serif, grey: 0.5, strike: true } },
        { text: ' code()', style: mono },
      ],
      { width: 400, lang: 'en', align: 'left', hyphenate: true },
    );
    expect(lines).toHaveLength(1);
    const byText = (t: string) => lines[0].runs.find((r) => r.text.includes(t))!;
    expect(byText('italic').font).toBe('serif-italic');
    expect(byText('bold').font).toBe('serif-bold');
    expect(byText('bold').link).toBe('https://example.org/');
    expect(byText('2').rise).toBeLessThan(0);
    expect(byText('2').size).toBeLessThan(serif.size);
    expect(byText('3').rise).toBeGreaterThan(0);
    expect(byText('3').noteRef).toBe(3);
    expect(lines[0].noteRefs).toEqual([3]);
    expect(byText('code()').font).toBe('mono-regular');
    // Runs are laid out left to right without gaps or overlaps.
    let x = 0;
    for (const r of lines[0].runs) {
      expect(r.x).toBeCloseTo(x, 6);
      x += r.width;
    }
  });

  test('firstWord: the first word that starts on each line, in the model’s numbering', () => {
    const { ts } = typesetter();
    const text = articleParagraphs()[0];
    const words = text.split(/\s+/);
    const lines = ts.setParagraph([{ text, style: serif, source: { blockId: 'b7', word: 10 } }], { width: 200, lang: 'en', align: 'justify', hyphenate: true });
    let last = -1;
    lines.forEach((l, i) => {
      expect(l.firstWord?.blockId).toBe('b7');
      const fw = l.firstWord!.word - 10;
      expect(fw).toBeGreaterThan(last);
      last = fw;
      const tokens = lineText(l).split(/\s+/);
      // A line that begins with the rest of a word broken on the line before starts its
      // first word at its second token.
      const continues = i > 0 && /-$/.test(lineText(lines[i - 1]));
      expect(words[fw]).toBe(text.split(/\s+/)[fw]);
      expect(continues ? words[fw].startsWith(tokens[1].replace(/-$/, '')) : words[fw].startsWith(tokens[0].replace(/-$/, ''))).toBe(true);
    });
    expect(lines[0].firstWord).toEqual({ blockId: 'b7', word: 10 });
  });

  test('firstWord counts across spans, skipping note markers', () => {
    const { ts } = typesetter();
    const spans = [
      { text: 'one two ', style: serif, source: { blockId: 'b1', word: 0 } },
      { text: '1', style: { ...serif, baselineShift: 'super' as const }, noteRef: 1 },
      { text: 'three four five six', style: serif, source: { blockId: 'b1', word: 2 } },
    ];
    const lines = ts.setParagraph(spans, { width: 60, lang: 'en', align: 'left', hyphenate: false });
    const starts = lines.map((l) => l.firstWord?.word);
    const texts = lines.map(lineText);
    const all = 'one two three four five six'.split(' ');
    texts.forEach((t, i) => expect(all[starts[i]!]).toBe(t.replace(/^1/, '').trim().split(/\s+/)[0]));
  });
});

describe('preformatted text', () => {
  test('keeps spaces, breaks at \\n, wraps long lines with an indent, never clips', () => {
    const { ts } = typesetter();
    const code = 'function f(a, b) {\n    return a + b;  // a long comment that will not fit in the measure of this test at all\n\n}';
    const lines: SetLine[] = ts.setParagraph([{ text: code, style: mono }], { width: 240, lang: 'en', align: 'justify', hyphenate: true, preformatted: true });
    const texts = lines.map(lineText);
    expect(texts[0]).toBe('function f(a, b) {');
    expect(texts[1].startsWith('    return a + b;  //')).toBe(true);
    expect(texts).toContain('');
    expect(texts[texts.length - 1]).toBe('}');
    const wrapped = lines.filter((_, i) => i > 1 && i < lines.length - 2);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const l of wrapped) expect(l.runs[0].x).toBeGreaterThan(0);
    for (const l of lines) {
      expect(rightEdge(l)).toBeLessThanOrEqual(240.01);
      expect(l.spaceRatio).toBe(1);
      expect(l.hyphenated).toBe(false);
    }
    // Every non-space character is on some line.
    expect(texts.join('').replace(/\s/g, '')).toBe(code.replace(/\s/g, ''));
  });

  test('a token longer than the line is cut between characters', () => {
    const { ts } = typesetter();
    const token = 'x'.repeat(200);
    const lines = ts.setParagraph([{ text: token, style: mono }], { width: 150, lang: 'en', align: 'left', hyphenate: false, preformatted: true });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map(lineText).join('')).toBe(token);
    for (const l of lines) expect(rightEdge(l)).toBeLessThanOrEqual(150.01);
  });
});
