// Hyphenation: the package's Liang patterns, applied by our own trie walk (the package's
// text scanner costs ~65 µs a word), with the book's rules on top.

import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { hyphenatorFor, MIN_AFTER, MIN_BEFORE } from '../../src/editions/pdf/typeset/hyphenation.js';
import { articleParagraphs, novelParagraphs } from './corpus.js';
import { lineText, mono, serif, typesetter } from './helpers.js';

const require = createRequire(import.meta.url);
const SHY = '\u00ad';

function packagePoints(lang: string, word: string): number[] {
  const { hyphenateSync } = require(`hyphen/${lang}`) as { hyphenateSync: (t: string, o: object) => string };
  const marked = hyphenateSync(word, { hyphenChar: SHY, minWordLength: 5 });
  const out: number[] = [];
  let k = 0;
  for (const ch of marked) {
    if (ch === SHY) out.push(k);
    else k += ch.length;
  }
  return out.filter((p) => p >= MIN_BEFORE && word.length - p >= MIN_AFTER);
}

describe('pattern hyphenation', () => {
  test('agrees with the hyphen package on every lower-case word of the novel-sized corpus (en-us)', () => {
    const words = [...new Set(novelParagraphs(20000).join(' ').toLowerCase().match(/\p{Ll}{5,}/gu) ?? [])];
    expect(words.length).toBeGreaterThan(1000);
    const h = hyphenatorFor('en');
    const bad = words.filter((w) => JSON.stringify(h.points(w)) !== JSON.stringify(packagePoints('en-us', w)));
    expect(bad).toEqual([]);
  });

  test('agrees with the package for German and French too', () => {
    const de = ['Silbentrennung', 'Donaudampfschifffahrt', 'wunderschönen', 'Beispielsatz', 'Übersetzungen'];
    const fr = ['anticonstitutionnellement', 'hyphénation', 'développement', 'extraordinaire'];
    for (const w of de) expect(hyphenatorFor('de').points(w)).toEqual(packagePoints('de', w));
    for (const w of fr) expect(hyphenatorFor('fr').points(w)).toEqual(packagePoints('fr', w));
  });

  test('known English breaks', () => {
    const h = hyphenatorFor('en-US');
    const show = (w: string) => {
      const p = h.points(w);
      let s = '';
      for (let i = 0; i < w.length; i++) s += (p.includes(i) ? '-' : '') + w[i];
      return s;
    };
    expect(show('hyphenation')).toBe('hy-phen-ation');
    expect(show('associate')).toBe('as-soc-iate'); // an exception word of the patterns
    expect(show('diplomatic')).toBe('diplo-matic');
  });

  test('never in short words, words with digits, all-capital words or URLs; at least 2 letters before and 3 after', () => {
    const h = hyphenatorFor('en');
    for (const w of ['king', 'the', 'Iran', 'walk']) expect(h.points(w)).toEqual([]);
    for (const w of ['covid19pandemic', 'UNESCO', 'NATO-led', 'https://example.org/development', 'www.development.org', 'user@development.org']) {
      expect(h.points(w)).toEqual([]);
    }
    for (const w of articleParagraphs().join(' ').split(/\s+/)) {
      for (const p of h.points(w)) {
        expect(p).toBeGreaterThanOrEqual(MIN_BEFORE);
        expect(w.length - p).toBeGreaterThanOrEqual(MIN_AFTER);
      }
    }
  });

  test('each run of letters is hyphenated on its own (punctuation, apostrophes, hard hyphens)', () => {
    const h = hyphenatorFor('en');
    expect(h.points('(hyphenation),')).toEqual([3, 7]);
    expect(h.points('anti-establishment')).toEqual(h.points('establishment').map((p) => p + 5));
  });

  test('language tags: en → en-us, en-GB → en-gb, unknown → none', () => {
    expect(hyphenatorFor('en').available).toBe(true);
    expect(hyphenatorFor('en-GB').available).toBe(true);
    expect(hyphenatorFor('de-AT').available).toBe(true);
    expect(hyphenatorFor('tlh').available).toBe(false);
    expect(hyphenatorFor('tlh').points('hyphenation')).toEqual([]);
    // British patterns differ from American ones.
    expect(hyphenatorFor('en-GB').points('presentation')).not.toEqual(hyphenatorFor('en-US').points('presentation'));
  });
});

describe('hyphens in set lines', () => {
  test('inserted hyphens fall only on pattern points of words of 5+ letters', () => {
    const { ts } = typesetter();
    const h = hyphenatorFor('en');
    for (const p of articleParagraphs()) {
      const lines = ts.setParagraph([{ text: p, style: serif }], { width: 220, lang: 'en', align: 'justify', hyphenate: true });
      lines.forEach((l, i) => {
        if (!l.hyphenated) return;
        const before = lineText(l).split(/\s+/).pop()!.slice(0, -1);
        const after = lineText(lines[i + 1]).split(/\s+/)[0];
        const word = before + after;
        const core = word.replace(/^\W+|[^\p{L}]+$/gu, '');
        expect(core.length).toBeGreaterThanOrEqual(5);
        const at = before.length;
        expect(h.points(word)).toContain(at);
      });
    }
    expect(ts.stats().hyphenatedLines).toBeGreaterThan(0);
  });

  test('no hyphenation when the paragraph does not ask for it, in code, or for an unknown language', () => {
    const { ts } = typesetter();
    const text = articleParagraphs().join(' ');
    for (const opts of [
      { lang: 'en', hyphenate: false, style: serif },
      { lang: 'en', hyphenate: true, style: mono },
      { lang: 'tlh', hyphenate: true, style: serif },
    ]) {
      const lines = ts.setParagraph([{ text, style: opts.style }], { width: 200, lang: opts.lang, align: 'justify', hyphenate: opts.hyphenate });
      expect(lines.some((l) => l.hyphenated)).toBe(false);
    }
  });

  test('lines may end after a hard hyphen or an em dash, without an added hyphen', () => {
    const { ts } = typesetter();
    const text = 'well-established self-evident state-of-the-art words—and dashes—everywhere in this text';
    const lines = ts.setParagraph([{ text, style: serif }], { width: 90, lang: 'en', align: 'left', hyphenate: false });
    const ends = lines.slice(0, -1).map((l) => lineText(l).slice(-1));
    expect(ends.some((c) => c === '-' || c === '—')).toBe(true);
    expect(lines.every((l) => !l.hyphenated)).toBe(true);
    expect(lines.map(lineText).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  test('a soft hyphen in the source is a break opportunity, invisible otherwise', () => {
    const { ts } = typesetter();
    const one = ts.setParagraph([{ text: 'super\u00adcali\u00adfragilistic', style: serif }], { width: 400, lang: 'en', align: 'left', hyphenate: true });
    expect(lineText(one[0])).toBe('supercalifragilistic');
    const narrow = ts.setParagraph([{ text: 'Word super\u00adcali\u00adfragilistic', style: serif }], { width: 70, lang: 'en', align: 'left', hyphenate: true });
    expect(narrow.some((l) => l.hyphenated)).toBe(true);
  });
});
