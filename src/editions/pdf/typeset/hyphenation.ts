// Where a word may take a hyphen, from the `hyphen` package's Liang patterns for the
// book's language. Only the PDF uses this: the model never gets soft hyphens.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The `hyphen` package's compiled Liang patterns (hyphen/patterns/<lang>.js): a table of
 * level vectors, a trie whose leaves index into it, and exception words with their
 * break positions.
 */
type TrieNode = { [ch: string]: TrieNode | number | [TrieNode, number] };
type Patterns = [number[][], TrieNode, Record<string, number[]>?];

/** Fewest letters in a word that may be hyphenated, and kept before/after the break. */
export const MIN_WORD = 5;
export const MIN_BEFORE = 2;
export const MIN_AFTER = 3;

/** BCP 47 tags whose patterns are not found by the tag itself or its primary subtag. */
const ALIASES: Record<string, string> = {
  en: 'en-us',
  'en-au': 'en-gb',
  'en-nz': 'en-gb',
  'en-ie': 'en-gb',
  'en-in': 'en-gb',
  'en-za': 'en-gb',
  'de-de': 'de',
  'de-at': 'de',
  'de-ch': 'de-ch-1901',
  el: 'el-monoton',
  nb: 'nb',
  'no-no': 'no',
  'sr-latn': 'sh-latn',
  'zh-latn': 'zh-latn-pinyin',
};

function candidates(lang: string): string[] {
  const tag = lang.toLowerCase().replace(/_/g, '-');
  const parts = tag.split('-');
  // `hyphen/zh` is the pinyin patterns: Chinese in Han characters is never hyphenated,
  // and the Latin words inside it are usually English, which pinyin patterns would cut
  // wrongly ("Type-Script"). Only an explicit zh-Latn tag gets them.
  if (parts[0] === 'zh' && !parts.includes('latn')) return [];
  const out: string[] = [];
  const add = (t: string | undefined) => {
    if (t && !out.includes(t)) out.push(t);
  };
  add(ALIASES[tag]);
  add(tag);
  if (parts.length > 2) add(ALIASES[parts.slice(0, 2).join('-')] ?? parts.slice(0, 2).join('-'));
  add(ALIASES[parts[0]] ?? parts[0]);
  return out.filter((t) => /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(t));
}

function loadPatterns(lang: string): Patterns | null {
  for (const code of candidates(lang)) {
    let mod: { patterns?: Patterns };
    try {
      mod = require(`hyphen/${code}`) as { patterns?: Patterns };
    } catch {
      continue; // no patterns under that name: try the next candidate
    }
    // The package's hyphenate functions wrap these patterns in a text scanner that costs
    // ~65 µs a word; the patterns themselves are all we need.
    const p = mod.patterns;
    if (Array.isArray(p) && Array.isArray(p[0]) && typeof p[1] === 'object') return p;
  }
  return null;
}

/**
 * The pattern trie compiled for speed: the package's trie is nested objects keyed by
 * letter, whose lookups are megamorphic (≈20 µs a word); here each edge is one entry of
 * a Map keyed by node × 65536 + char code, and each node's level vector an index.
 */
interface CompiledTrie {
  edges: Map<number, number>;
  levels: Int32Array;
  table: number[][];
  exceptions: Record<string, number[]>;
}

function compile(p: Patterns): CompiledTrie {
  const edges = new Map<number, number>();
  const levels: number[] = [-1];
  const stack: [TrieNode, number][] = [[p[1], 0]];
  while (stack.length) {
    const [node, id] = stack.pop()!;
    for (const ch of Object.keys(node)) {
      const t = node[ch];
      const child = levels.length;
      let idx = -1;
      let sub: TrieNode | undefined;
      if (Array.isArray(t)) {
        sub = t[0];
        idx = t[1];
      } else if (typeof t === 'number') idx = t;
      else sub = t;
      levels.push(idx);
      edges.set(id * 65536 + ch.charCodeAt(0), child);
      if (sub) stack.push([sub, child]);
    }
  }
  return { edges, levels: Int32Array.from(levels), table: p[0], exceptions: p[2] ?? {} };
}

/**
 * Liang's algorithm, as the package's `hyphenateWord` applies it (patterns matched from
 * every position of ".word.", the highest level wins, odd levels allow a break; the
 * first two and last two positions never do). tests/pdf-typeset/hyphenation.test.ts
 * checks the two agree. Returns offsets where a hyphen may go in a lower-case word.
 */
function liang(lower: string, t: CompiledTrie): readonly number[] {
  const exception = t.exceptions[lower];
  if (exception) return exception;
  const n = lower.length;
  const m = n + 2;
  const codes = new Uint16Array(m);
  codes[0] = codes[m - 1] = 0x2e;
  for (let i = 0; i < n; i++) codes[i + 1] = lower.charCodeAt(i);
  const levels = new Uint8Array(m + 8);
  let len = n + 1;
  const { edges, table } = t;
  for (let start = 0; start <= m - 3; start++) {
    const at = start === 0 ? 0 : start - 1;
    let node = 0;
    for (let j = start; j < m; j++) {
      const child = edges.get(node * 65536 + codes[j]);
      if (child === undefined) break;
      node = child;
      const idx = t.levels[node];
      if (idx >= 0) {
        const pl = table[idx];
        for (let k = 0; k < pl.length; k++) {
          const q = at + k;
          if (q < levels.length && pl[k] > levels[q]) levels[q] = pl[k];
          if (q + 1 > len) len = q + 1;
        }
      }
    }
  }
  levels[0] = levels[1] = levels[len - 1] = levels[len - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < len; i++) if (levels[i] & 1) out.push(i);
  return out;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
/** Things that look like addresses: never hyphenated (they break at slashes instead). */
export const URL_LIKE = /:\/\/|^www\.|[/@\\]|\w\.\w/u;

export class Hyphenator {
  readonly lang: string;
  private readonly patterns: CompiledTrie | null;
  private readonly cache = new Map<string, readonly number[]>();

  constructor(lang: string) {
    this.lang = lang;
    const p = loadPatterns(lang);
    this.patterns = p ? compile(p) : null;
  }

  get available(): boolean {
    return this.patterns !== null;
  }

  /**
   * Offsets (UTF-16, within `word`) where a hyphen may be inserted: the break falls
   * between `word[k - 1]` and `word[k]`. Empty for short words, words with digits,
   * all-capital words and anything that looks like a URL or an address.
   */
  points(word: string): readonly number[] {
    let pts = this.cache.get(word);
    if (pts === undefined) {
      pts = this.compute(word);
      this.cache.set(word, pts);
    }
    return pts;
  }

  private compute(word: string): readonly number[] {
    const p = this.patterns;
    if (!p || word.length < MIN_WORD || !hyphenatable(word)) return NONE;
    const out: number[] = [];
    // Hyphenate each run of letters on its own ("king’s", "well-known", "(garden").
    let i = 0;
    while (i < word.length) {
      while (i < word.length && !isLetter(word, i)) i++;
      const start = i;
      while (i < word.length && isLetter(word, i)) i++;
      if (i - start >= MIN_WORD) {
        const run = word.slice(start, i);
        for (const k of liang(run.toLowerCase(), p)) {
          if (k >= MIN_BEFORE && run.length - k >= MIN_AFTER) out.push(start + k);
        }
      }
      if (i === start) i++;
    }
    return out.length ? out : NONE;
  }
}

/** No digits, not all capitals, nothing that looks like an address (one pass over the word). */
function hyphenatable(word: string): boolean {
  let lower = false;
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) return false;
      if (c === 0x2f || c === 0x40 || c === 0x5c) return false; // / @ \
      if (c >= 0x61 && c <= 0x7a) lower = true;
      else if (c >= 0x41 && c <= 0x5a) upper = true;
      else if ((c === 0x2e || c === 0x3a) && i > 0 && i + 1 < word.length && isWordChar(word.charCodeAt(i - 1)) && isWordChar(word.charCodeAt(i + 1)))
        return false; // example.com, a:b
    } else {
      const ch = word[i];
      if (DIGIT.test(ch)) return false;
      if (LOWER.test(ch)) lower = true;
      else if (UPPER.test(ch)) upper = true;
    }
  }
  if (word.startsWith('www.')) return false;
  return lower || !upper;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return LETTER.test(s[i]);
}

const NONE: readonly number[] = Object.freeze([]);

const hyphenators = new Map<string, Hyphenator>();

/** The hyphenator for a language (patterns loaded once per process); unknown language → none. */
export function hyphenatorFor(lang: string): Hyphenator {
  const key = lang.toLowerCase();
  let h = hyphenators.get(key);
  if (!h) {
    h = new Hyphenator(lang);
    hyphenators.set(key, h);
  }
  return h;
}
