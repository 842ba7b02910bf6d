// Word shaping with a cache, and a fast path that avoids fontkit's `layout`.
//
// fontkit's `layout` runs every GSUB/GPOS lookup of the font over the string: about
// 100 µs for an ordinary word even when warm, which is what made the prototype's PDF
// stage slow. For Latin, Greek and Cyrillic text without combining marks the result of
// `layout` is fully determined by the cmap glyph of each character, the pair kerning of
// each adjacent pair and the ligatures that start at a pair. So each distinct character
// and each distinct pair is shaped once with fontkit ("probed"); a word whose every
// character and pair probed plain is then shaped by table lookups (≈1 µs). Any word with
// a ligature pair, a mark, or a character outside those scripts goes through fontkit's
// full `layout` (cached per word), so the fast path never changes what is drawn.
// tests/pdf-typeset/shaping.test.ts checks both paths agree on a whole article.

import type { FkFont, FkGlyph } from './fontkit.js';

/** A shaped word. Lengths are in em (font units ÷ unitsPerEm), so scale by the size. */
export interface Shaped {
  width: number;
  /** Glyphs in visual order; default-ignorable and .notdef glyphs removed. */
  glyphs: FkGlyph[];
  /** Pen advance after each glyph (kerning included). */
  adv: Float64Array;
  /** Glyph offsets, only when some glyph has one (marks). */
  dx?: Float64Array;
  dy?: Float64Array;
  /** fontkit returned the glyphs right to left (Hebrew, Arabic): they are in visual order. */
  rtl: boolean;
  /** Advance of `text.slice(0, k)` for k = 0…length, logical order; approximate inside ligatures. */
  cum: Float64Array;
  /** Shaped by the fast path: glyph i is character i, with its own code point. */
  fast?: boolean;
  /**
   * Fast path only: pen position before character k, kerning with the character before
   * included (so `pen[k] − cum[k]` is the kern a break at k removes).
   */
  pen?: Float64Array;
  /** Its glyphs' code points are not the text it was shaped from (set by draw.ts). */
  losesText?: boolean;
  /** Hyphenation points of the text for the last hyphenator asked (see itemize.ts). */
  hyphenator?: object;
  hyphenPoints?: readonly number[];
}

const EMPTY: Shaped = { width: 0, glyphs: [], adv: new Float64Array(0), rtl: false, cum: new Float64Array(1) };

/** Characters whose shaping can be predicted from cmap + pairs (no marks, no complex scripts). */
function fastRange(cp: number): boolean {
  return (
    (cp >= 0x20 && cp < 0x7f) ||
    (cp >= 0xa0 && cp < 0x300 && cp !== 0xad) ||
    (cp >= 0x370 && cp <= 0x482) ||
    (cp >= 0x48a && cp <= 0x52f) ||
    (cp >= 0x1e00 && cp <= 0x1fff) ||
    (cp >= 0x2010 && cp <= 0x205e) ||
    (cp >= 0x20a0 && cp <= 0x20cf) ||
    (cp >= 0x2100 && cp <= 0x2bff)
  );
}

export class WordShaper {
  private readonly font: FkFont;
  private readonly inv: number;
  private readonly cache = new Map<string, Shaped>();
  /** Per BMP character: 0 not probed, 1 plain, 2 needs full shaping. */
  private readonly single = new Uint8Array(0x10000);
  private readonly glyphs = new Map<number, FkGlyph>();
  /** Kerning of a plain pair in em, or null when the pair needs full shaping. */
  private readonly pairs = new Map<number, number | null>();
  private readonly spaceId: number;
  /** Counters for the benchmark: words shaped by each path. */
  fastWords = 0;
  fullWords = 0;

  constructor(font: FkFont) {
    this.font = font;
    this.inv = 1 / font.unitsPerEm;
    this.spaceId = font.glyphForCodePoint(0x20).id;
  }

  shape(text: string): Shaped {
    let s = this.cache.get(text);
    if (s === undefined) {
      s = text.length === 0 ? EMPTY : (this.fast(text) ?? this.full(text));
      this.cache.set(text, s);
    }
    return s;
  }

  /** Pair kerning in em between two characters, when the pair shapes plainly (else 0). */
  kern(a: number, b: number): number {
    if (a > 0xffff || b > 0xffff || !this.plainChar(a) || !this.plainChar(b)) return 0;
    return this.pair(a, b) ?? 0;
  }

  /** Advance in em of a word (shaped and cached). */
  width(text: string): number {
    return this.shape(text).width;
  }

  /**
   * The cmap glyph of a character, as a record of our own: fontkit caches glyph objects
   * by id, so a glyph shared by two characters (space and no-break space) would carry
   * the first one's code point into the ToUnicode map.
   */
  private glyph(cp: number): FkGlyph {
    let g = this.glyphs.get(cp);
    if (!g) {
      const fk = this.font.glyphForCodePoint(cp);
      g = { id: fk.id, advanceWidth: fk.advanceWidth, codePoints: [cp] };
      this.glyphs.set(cp, g);
    }
    return g;
  }

  private plainChar(cp: number): boolean {
    const s = this.single[cp];
    if (s !== 0) return s === 1;
    let ok = fastRange(cp) && this.font.hasGlyphForCodePoint(cp);
    if (ok) {
      const run = this.font.layout(String.fromCharCode(cp));
      const g = this.glyph(cp);
      const p = run.positions[0];
      ok =
        run.glyphs.length === 1 &&
        run.glyphs[0].id === g.id &&
        p.xAdvance === g.advanceWidth &&
        p.xOffset === 0 &&
        p.yOffset === 0;
    }
    this.single[cp] = ok ? 1 : 2;
    return ok;
  }

  private pair(a: number, b: number): number | null {
    const key = a * 0x10000 + b;
    let k = this.pairs.get(key);
    if (k === undefined) {
      const run = this.font.layout(String.fromCharCode(a, b));
      const ga = this.glyph(a);
      const gb = this.glyph(b);
      const [pa, pb] = run.positions;
      const plain =
        run.glyphs.length === 2 &&
        run.glyphs[0].id === ga.id &&
        run.glyphs[1].id === gb.id &&
        pa.xOffset === 0 &&
        pa.yOffset === 0 &&
        pb.xOffset === 0 &&
        pb.yOffset === 0 &&
        pb.xAdvance === gb.advanceWidth;
      k = plain ? (pa.xAdvance - ga.advanceWidth) * this.inv : null;
      this.pairs.set(key, k);
    }
    return k;
  }

  private fast(text: string): Shaped | null {
    const n = text.length;
    for (let i = 0; i < n; i++) if (!this.plainChar(text.charCodeAt(i))) return null;
    const adv = new Float64Array(n);
    let prev = text.charCodeAt(0);
    for (let i = 1; i < n; i++) {
      const cp = text.charCodeAt(i);
      const k = this.pair(prev, cp);
      if (k === null) return null;
      adv[i - 1] = k;
      prev = cp;
    }
    const glyphs = new Array<FkGlyph>(n);
    const cum = new Float64Array(n + 1);
    const pen = new Float64Array(n + 1);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const g = this.glyph(text.charCodeAt(i));
      glyphs[i] = g;
      const a = g.advanceWidth * this.inv + adv[i];
      adv[i] = a;
      // A break after i loses the kerning with i + 1, so the prefix ends at the bare advance.
      cum[i + 1] = w + g.advanceWidth * this.inv;
      w += a;
      pen[i + 1] = w;
    }
    cum[n] = w;
    this.fastWords++;
    return { width: w, glyphs, adv, rtl: false, cum, fast: true, pen };
  }

  /**
   * fontkit's layout with each glyph carrying the characters of its own cluster: fontkit
   * caches glyph objects by id and keeps the code points of the first request, so in
   * Arabic the glyph shared by ح and خ (the dot is a separate glyph) would say خ in
   * a word with ح. Wrapping getGlyph for the call gives each use its own view.
   */
  private layout(text: string) {
    const font = this.font as FkFont & { getGlyph(id: number, cps?: number[]): FkGlyph };
    const orig = font.getGlyph;
    const own = Object.prototype.hasOwnProperty.call(font, 'getGlyph');
    font.getGlyph = function (this: typeof font, id: number, cps: number[] = []) {
      const g = orig.call(this, id, cps);
      if (!g || (g.codePoints.length === cps.length && g.codePoints.every((c, i) => c === cps[i]))) return g;
      return Object.create(g, { codePoints: { value: cps } }) as FkGlyph;
    };
    try {
      return font.layout(text);
    } finally {
      if (own) font.getGlyph = orig;
      else delete (font as { getGlyph?: unknown }).getGlyph;
    }
  }

  private full(text: string): Shaped {
    this.fullWords++;
    const run = this.layout(text);
    const inv = this.inv;
    const glyphs: FkGlyph[] = [];
    const adv: number[] = [];
    const dx: number[] = [];
    const dy: number[] = [];
    let offsets = false;
    let width = 0;
    // Code units covered by each kept glyph, to map advances back to the text.
    const units: number[] = [];
    for (let i = 0; i < run.glyphs.length; i++) {
      const g = run.glyphs[i];
      const p = run.positions[i];
      let u = 0;
      for (const cp of g.codePoints) u += cp > 0xffff ? 2 : 1;
      // fontkit turns default-ignorables (ZWJ, variation selectors) into zero-width
      // spaces; drawing them would map the space glyph to the wrong character.
      if (g.id === 0 || (g.id === this.spaceId && p.xAdvance === 0)) {
        if (units.length) units[units.length - 1] += u;
        continue;
      }
      glyphs.push({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints });
      adv.push(p.xAdvance * inv);
      dx.push(p.xOffset * inv);
      dy.push(p.yOffset * inv);
      if (p.xOffset !== 0 || p.yOffset !== 0) offsets = true;
      units.push(u);
      width += p.xAdvance * inv;
    }
    const rtl = run.direction === 'rtl';
    const n = text.length;
    const cum = new Float64Array(n + 1);
    let at = 0;
    let w = 0;
    for (let j = 0; j < glyphs.length; j++) {
      const i = rtl ? glyphs.length - 1 - j : j;
      const u = Math.max(units[i], 0);
      const a = adv[i];
      for (let k = 1; k <= u && at + k <= n; k++) cum[at + k] = w + (a * k) / u;
      at = Math.min(n, at + u);
      w += a;
    }
    for (let k = at + 1; k <= n; k++) cum[k] = w;
    return {
      width,
      glyphs,
      adv: Float64Array.from(adv),
      dx: offsets ? Float64Array.from(dx) : undefined,
      dy: offsets ? Float64Array.from(dy) : undefined,
      rtl,
      cum,
    };
  }

  /** Shape with fontkit's full layout, bypassing the fast path (for tests). */
  shapeFull(text: string): Shaped {
    return this.full(text);
  }

  get cachedWords(): number {
    return this.cache.size;
  }
}
