// Text for the typesetting tests and figures: the article's paragraphs, and a
// novel-sized text built from them deterministically (a seeded PRNG, no Math.random).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder upwards with manuscript/article.md. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'manuscript/article.md'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('manuscript/article.md not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}
const root = findRoot();

/** The article's body paragraphs (headings and front matter left out). */
export function articleParagraphs(): string[] {
  const md = readFileSync(path.join(root, 'manuscript/article.md'), 'utf8');
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('#'));
}

/** xorshift32: deterministic pseudo-random numbers in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const PREFIXES = ['un', 're', 'over', 'under', 'counter', 'pre', 'mis', 'non', 'out', 'sub'];
const SUFFIXES = ['ly', 'ness', 'ment', 'ful', 'able', 'ing', 'ed', 'ist', 'ism', 'ward'];

/**
 * About `words` words of prose in paragraphs of ~130 words, from the article's sentences
 * shuffled, with 40 % of the longer lowercase words swapped for another article word and
 * 30 % of those given a prefix or suffix: a vocabulary of roughly 12,000 distinct tokens,
 * like the performance survey's novel (a repeated article would hit every cache).
 */
export function novelParagraphs(words = 167_000, seed = 20240601): string[] {
  const rnd = prng(seed);
  const sentences = articleParagraphs()
    .join(' ')
    .split(/(?<=[.!?])\s+(?=[A-Z“‘])/);
  const vocab = [...new Set(articleParagraphs().join(' ').split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))];
  const out: string[] = [];
  let count = 0;
  let para: string[] = [];
  let paraWords = 0;
  while (count < words) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    const varied = s
      .split(' ')
      .map((w) => {
        if (!/^[a-z]{4,}[,.;:]?$/.test(w) || rnd() >= 0.4) return w;
        const punct = /[,.;:]$/.test(w) ? w.slice(-1) : '';
        let r = vocab[Math.floor(rnd() * vocab.length)];
        if (rnd() < 0.3) r = rnd() < 0.5 ? PREFIXES[Math.floor(rnd() * PREFIXES.length)] + r : r + SUFFIXES[Math.floor(rnd() * SUFFIXES.length)];
        return r + punct;
      })
      .join(' ');
    const n = varied.split(' ').length;
    para.push(varied);
    paraWords += n;
    count += n;
    if (paraWords >= 100 + rnd() * 60) {
      out.push(para.join(' '));
      para = [];
      paraWords = 0;
    }
  }
  if (para.length) out.push(para.join(' '));
  return out;
}
