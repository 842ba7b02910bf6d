#!/usr/bin/env node
// Generates a novel-length manuscript from the article's own words, for the
// benchmark. Deterministic: a seeded PRNG, no Math.random, so the same flags give
// the same bytes on every machine.
//
// Plain shuffling of the article's ~39 sentences gives a text with ~1,900 distinct
// tokens, on which any word-width cache looks far better than it would on a real
// book. So 40 % of the eligible words (lowercase, 4+ letters) are swapped for
// another article word, and 30 % of those get a prefix or suffix: every sentence
// becomes unique and the vocabulary lands near a real novel's (~12,000 tokens).
//
//   node bench/make-novel.mjs [--words 167000] [--chapters 60] [--seed 20240601]
//                             [--scale 1] [--vary 0.4] [--affix 0.3] [--out FILE]

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTICLE = path.join(ROOT, 'manuscript/article.md');

export const DEFAULTS = { words: 167_000, chapters: 60, seed: 20240601, scale: 1, vary: 0.4, affix: 0.3 };

// Densities of the survey's novel (per 167,458 words), so a smaller or larger
// novel keeps the same texture.
const PER_WORD = {
  sections: 277 / 167_458,
  bullets: 252 / 167_458,
  numbered: 81 / 167_458,
  quotes: 43 / 167_458,
  sceneBreaks: 11 / 167_458,
  notes: 143 / 167_458,
  paragraphs: 1_290 / 167_458,
};
const EMPHASIS_PER_PARAGRAPH = 0.52; // ~670 spans over ~1,290 paragraphs

const PREFIXES = ['un', 're', 'over', 'under', 'pre', 'counter', 'non', 'mis', 'out', 'sub'];
const SUFFIXES = ['ly', 'ness', 'ed', 'ing', 'ful', 'ism', 'ish', 'less', 'ment', 'ity', 'ward', 'some'];

/** sfc32: small, fast, and good enough for text; seeded through splitmix32. */
export function prng(seed) {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  const rand = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) rand();
  return {
    next: rand,
    int: (n) => Math.floor(rand() * n),
    pick: (list) => list[Math.floor(rand() * list.length)],
    chance: (p) => rand() < p,
  };
}

/** The article's body (front matter removed): its sentences and heading phrases. */
export function articleCorpus(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const sentences = [];
  const headings = [];
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (text.startsWith('#')) {
      headings.push(text.replace(/^#+\s*/, ''));
      continue;
    }
    // A sentence ends at . ? ! (before a closing quote, maybe) followed by a space
    // and a capital or an opening quote.
    for (const s of text.split(/(?<=[.?!][’”]?)\s+(?=[A-Z“‘])/)) if (s.trim()) sentences.push(s.trim());
  }
  const eligible = [...new Set(body.match(/\b[a-z]{4,}\b/g) ?? [])].sort();
  const titleWords = [...new Set(headings.join(' ').match(/\b[A-Z][a-z]{3,}\b/g) ?? [])].sort();
  return { sentences, headings, eligible, titleWords };
}

export function makeNovel(article, options = {}) {
  const o = { ...DEFAULTS, ...options };
  const totalWords = Math.round(o.words * o.scale);
  const chapters = Math.max(1, Math.round(o.chapters * o.scale));
  const rnd = prng(o.seed);
  const corpus = articleCorpus(article);
  if (corpus.sentences.length === 0) throw new Error('the article has no sentences');

  let bag = [];
  const nextSentence = () => {
    if (bag.length === 0) {
      bag = corpus.sentences.slice();
      for (let i = bag.length - 1; i > 0; i--) {
        const j = rnd.int(i + 1);
        [bag[i], bag[j]] = [bag[j], bag[i]];
      }
    }
    return vary(bag.pop());
  };
  const vary = (sentence) =>
    sentence.replace(/\b[a-z]{4,}\b/g, (w) => {
      if (!rnd.chance(o.vary)) return w;
      let v = rnd.pick(corpus.eligible);
      if (rnd.chance(o.affix)) {
        const r = rnd.next();
        if (r < 0.4) v = rnd.pick(PREFIXES) + v;
        else if (r < 0.8) v = v + rnd.pick(SUFFIXES);
        else v = rnd.pick(PREFIXES) + v + rnd.pick(SUFFIXES);
      }
      return v;
    });
  const wordsOf = (s) => s.split(/\s+/).filter(Boolean).length;

  // Spread a whole-book count over the chapters evenly, deterministically.
  const spread = (total) => {
    const out = [];
    for (let c = 0; c < chapters; c++) out.push(Math.floor(((c + 1) * total) / chapters) - Math.floor((c * total) / chapters));
    return out;
  };
  const count = (k) => Math.round(PER_WORD[k] * totalWords);
  const sections = spread(count('sections'));
  const bullets = spread(count('bullets'));
  const numbered = spread(count('numbered'));
  const quotes = spread(count('quotes'));
  const breaks = spread(count('sceneBreaks'));
  const notes = spread(count('notes'));
  const paragraphCounts = spread(count('paragraphs'));

  const title = (n) => {
    const words = [];
    for (let i = 0, k = 2 + rnd.int(3); i < k; i++) words.push(rnd.pick(corpus.titleWords));
    return words.join(' ');
  };

  // Wraps one run of 1–4 plain words of a paragraph in *…* or **…**.
  const emphasize = (text) => {
    const tokens = text.split(' ');
    for (let tries = 0; tries < 8; tries++) {
      const len = 1 + rnd.int(4);
      const i = rnd.int(Math.max(1, tokens.length - len));
      const run = tokens.slice(i, i + len);
      if (run.length !== len || !run.every((t) => /^[A-Za-z’]+$/.test(t))) continue;
      const mark = rnd.chance(0.7) ? '*' : '**';
      tokens[i] = mark + tokens[i];
      tokens[i + len - 1] += mark;
      return tokens.join(' ');
    }
    return text;
  };

  const stats = { words: 0, chapters, sections: 0, paragraphs: 0, bullets: 0, numbered: 0, quotes: 0, sceneBreaks: 0, notes: 0, emphasis: 0 };
  const out = [];
  const bookTitle = o.title ?? 'The Long Winter of Proxies';
  out.push('---', `title: ${bookTitle}`, 'subtitle: A novel assembled from one article, for benchmarks', 'author: Imprint Bench', 'date: 2026-11-26', 'lang: en', '---', '');

  let noteNumber = 0;
  const perChapter = totalWords / chapters;
  for (let c = 0; c < chapters; c++) {
    out.push(`# Chapter ${c + 1}: ${title()}`, '');
    stats.words += 2;
    const budget = Math.round(perChapter * (c + 1)) - Math.round(perChapter * c);
    let used = 0;
    // The chapter's furniture, placed at random paragraph slots.
    const items = [];
    for (let i = 0; i < sections[c]; i++) items.push('section');
    let b = bullets[c];
    while (b > 0) {
      const n = Math.min(b, 3 + rnd.int(3));
      items.push(['bullets', n]);
      b -= n;
    }
    let m = numbered[c];
    while (m > 0) {
      const n = Math.min(m, 3 + rnd.int(2));
      items.push(['numbered', n]);
      m -= n;
    }
    for (let i = 0; i < quotes[c]; i++) items.push('quote');
    for (let i = 0; i < breaks[c]; i++) items.push('break');
    const paragraphs = Math.max(1, paragraphCounts[c]);
    const slots = new Map();
    for (const item of items) {
      const at = rnd.int(paragraphs);
      if (!slots.has(at)) slots.set(at, []);
      slots.get(at).push(item);
    }
    // Notes hang off paragraphs chosen now, numbered in reading order.
    const noteAt = new Set();
    while (noteAt.size < Math.min(notes[c], paragraphs)) noteAt.add(rnd.int(paragraphs));
    const definitions = [];

    for (let p = 0; p < paragraphs; p++) {
      for (const item of slots.get(p) ?? []) {
        if (item === 'section') {
          out.push(`## ${title()}`, '');
          stats.sections++;
        } else if (item === 'quote') {
          const s = nextSentence() + ' ' + nextSentence();
          out.push('> ' + s, '');
          used += wordsOf(s);
          stats.quotes++;
        } else if (item === 'break') {
          out.push('* * *', '');
          stats.sceneBreaks++;
        } else {
          const [kind, n] = item;
          for (let i = 0; i < n; i++) {
            const s = nextSentence();
            out.push((kind === 'bullets' ? '- ' : `${i + 1}. `) + s);
            used += wordsOf(s);
          }
          out.push('');
          stats[kind] += n;
        }
      }
      // Lengths vary (0.5–1.5× the mean of what is left) but add up to the budget.
      const target = Math.max(20, ((budget - used) / (paragraphs - p)) * (p === paragraphs - 1 ? 1 : 0.5 + rnd.next()));
      let text = '';
      let n = 0;
      while (n < target) {
        const s = nextSentence();
        text += (text ? ' ' : '') + s;
        n += wordsOf(s);
      }
      used += n;
      let spans = 0;
      let want = EMPHASIS_PER_PARAGRAPH;
      while (want >= 1 || rnd.chance(want)) {
        const before = text;
        text = emphasize(text);
        if (text !== before) spans++;
        want -= 1;
        if (want < 0) break;
      }
      stats.emphasis += spans;
      if (noteAt.has(p)) {
        noteNumber++;
        text += `[^${noteNumber}]`;
        const s = nextSentence();
        definitions.push(`[^${noteNumber}]: ${s}`);
        used += wordsOf(s);
        stats.notes++;
      }
      out.push(text, '');
      stats.paragraphs++;
    }
    for (const d of definitions) out.push(d, '');
    stats.words += used;
  }
  const text = out.join('\n');
  return { text, stats: { ...stats, bytes: Buffer.byteLength(text), distinctTokens: new Set(text.split(/\s+/)).size } };
}

export function defaultNovelPath(scale = 1) {
  return path.join(ROOT, 'bench/out', scale === 1 ? 'novel.md' : `novel-x${scale}.md`);
}

/** Writes the novel unless an identical file is already there; returns its path and stats. */
export async function writeNovel(options = {}, file) {
  const article = await fs.readFile(ARTICLE, 'utf8');
  const { text, stats } = makeNovel(article, options);
  const target = file ?? defaultNovelPath(options.scale ?? 1);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const old = await fs.readFile(target, 'utf8').catch(() => undefined);
  if (old !== text) await fs.writeFile(target, text);
  return { file: target, stats };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      words: { type: 'string' },
      chapters: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      vary: { type: 'string' },
      affix: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const opts = {};
  for (const k of ['words', 'chapters', 'seed', 'scale', 'vary', 'affix']) if (values[k] !== undefined) opts[k] = Number(values[k]);
  const { file, stats } = await writeNovel(opts, values.out && path.resolve(values.out));
  process.stdout.write(`${path.relative(process.cwd(), file)}: ${JSON.stringify(stats)}\n`);
}
