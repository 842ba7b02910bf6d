// From a normalised paragraph to Knuth–Plass items: a box per word (or per piece of a
// word between break opportunities and face changes), glue per space, penalties where
// a word may break (hyphenation points, after dashes, inside URLs, next to pictographs,
// and, for a word wider than the measure, between any two characters). Text without
// spaces (Chinese, Japanese) is cut into pieces at its inter-character gaps (cjk.ts):
// each gap is glue of no width (a quarter em next to Western letters) that stretches
// for justification, and is a place to break unless kinsoku forbids it.

import { isBreakAfterDash, isCombining, isGlue, isNoBreakSpace } from './chars.js';
import {
  AUTOSPACE,
  AUTOSPACE_SHRINK,
  breakAllowed,
  codePointBefore,
  GAP_STRETCH,
  isGap,
  isIdeographicForBreaking,
  punctuationSqueeze,
  PUNCTUATION_SQUEEZE,
  wantsAutospace,
} from './cjk.js';
import { insideCluster } from './clusters.js';
import { segmentSpace, shapeInSegment } from './glyphs.js';
import { type Hyphenator, URL_LIKE } from './hyphenation.js';
import { Brk, FILL, INF, Items, PENALTY_OF } from './items.js';
import type { Para, Segment } from './paragraph.js';
import type { Shaped } from './shaping.js';

/** Interword glue: stretch and shrink as fractions of the natural space (TeX's cmr10 ratios). */
export const SPACE_STRETCH = 1 / 2;
export const SPACE_SHRINK = 1 / 3;

/**
 * Font expansion of justified lines: glyphs may be scaled horizontally by up to ±2 %
 * (pdfTeX/microtype's default), which gives a line of ~55 characters with 8 spaces half
 * again as much flexibility and so needs fewer hyphens and loose lines.
 */
export const EXPANSION = 0.02;

export interface ItemConfig {
  /** Stretchable interword glue (justified text); otherwise spaces are fixed. */
  justify: boolean;
  /** Fraction by which glyphs may be expanded or condensed (0: none). */
  expansion: number;
  /** Pattern hyphenation, or null for none. */
  hyphenator: Hyphenator | null;
  /** Narrowest line: a word wider than this gets emergency breaks between characters. */
  minWidth: number;
}

/** Items of a paragraph, written into `items` (reset first) so its storage is reused. */
export function buildItems(para: Para, cfg: ItemConfig, items: Items = new Items()): Items {
  items.reset();
  const { text, charSeg, segs } = para;
  const n = text.length;
  const pre = para.preformatted;
  let lineStart = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      forcedLineEnd(items, pre, i);
      i++;
      lineStart = true;
      // An empty line of code still takes a line.
      if (pre && i < n && text.charCodeAt(i) === 0x0a) items.box(0, i);
      continue;
    }
    if (isGlue(c)) {
      const seg = segs[charSeg[i]];
      const w = segmentSpace(seg, c);
      if (pre) {
        // Indentation is content, not a place to break.
        if (lineStart) items.box(w, i, 0);
        else items.glue(w, 0, 0, i);
      } else {
        // A no-break space is no place to break, except in the emergency pass when the
        // words it binds are together wider than the line.
        if (isNoBreakSpace(c)) items.penaltyAt(0, PENALTY_OF[Brk.Char], false, false, Brk.Char, i);
        if (cfg.justify) items.glue(w, w * SPACE_STRETCH, w * SPACE_SHRINK, i);
        else items.glue(w, 0, 0, i);
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x0a || isGlue(d)) break;
      j++;
    }
    word(para, items, cfg, i, j);
    lineStart = false;
    i = j;
  }
  forcedLineEnd(items, pre, n);
  return items;
}

/**
 * A line that must end at `at` (a hard break, the paragraph's end). Prose fills the
 * rest of the line with glue so its last line is not stretched (TeX's \parfillskip);
 * a line of code simply ends.
 */
function forcedLineEnd(items: Items, pre: boolean, at: number): void {
  if (!pre) {
    items.penaltyAt(0, INF, false, false, 0, at);
    items.glue(0, FILL, 0, at);
  }
  items.penaltyAt(0, -INF, false, false, Brk.Forced, at);
}

/** Break kinds by offset within the current word (reused: one word at a time). */
let kinds = new Uint8Array(64);

function mark(i: number, j: number, k: number, kind: number): void {
  if (k > i && k < j && kinds[k - i] === 0) kinds[k - i] = kind;
}

/** An inter-character gap: glue between two pieces of text set without spaces. */
export interface Gap {
  width: number;
  stretch: number;
  shrink: number;
}

/**
 * The gap at offset k, between code points p and c (isGap(p, c) holds): no width; a
 * quarter em between CJK and Western letters or digits in different faces (not in code,
 * not next to a raised or lowered span such as a note marker); minus half an em between
 * two punctuation marks whose blank halves meet. It stretches only when the paragraph is
 * justified; the quarter em may shrink by half.
 */
export function gapAt(para: Para, k: number, p: number, c: number, justify: boolean): Gap {
  const a = para.segs[para.charSeg[k - 1]];
  const b = para.segs[para.charSeg[k]];
  const z = Math.max(a.size, b.size);
  const auto =
    !para.preformatted &&
    a.key !== b.key &&
    a.rise === 0 &&
    b.rise === 0 &&
    para.spans[a.span].noteRef === undefined &&
    para.spans[b.span].noteRef === undefined &&
    wantsAutospace(p, c);
  const squeeze = auto ? null : punctuationSqueeze(a.face, p, b.face, c);
  const width = auto ? AUTOSPACE * z : squeeze ? -PUNCTUATION_SQUEEZE * (squeeze === 'p' ? a.size : b.size) : 0;
  return {
    width,
    stretch: justify ? GAP_STRETCH * z : 0,
    shrink: justify && auto ? AUTOSPACE_SHRINK * z : 0,
  };
}

function word(para: Para, items: Items, cfg: ItemConfig, i: number, j: number): void {
  const text = para.text;
  let high = false;
  for (let k = i; k < j && !high; k++) high = text.charCodeAt(k) >= 0x2e80;
  if (!high) {
    piece(para, items, cfg, i, j);
    return;
  }
  let a = i;
  for (let k = i + 1; k < j; k++) {
    const lo = text.charCodeAt(k);
    if (lo >= 0xdc00 && lo <= 0xdfff) continue;
    const c = text.codePointAt(k)!;
    const p = codePointBefore(text, k);
    if (!isGap(p, c)) continue;
    piece(para, items, cfg, a, k);
    const g = gapAt(para, k, p, c, cfg.justify);
    if (!breakAllowed(p, c)) items.penaltyAt(0, INF, false, false, 0, k);
    items.glue(g.width, g.stretch, g.shrink, k);
    a = k;
  }
  piece(para, items, cfg, a, j);
}

/** Expansion allowed for a segment's glyphs: none for CJK, which justifies by spacing. */
function flexOf(seg: Segment, cfg: ItemConfig): number {
  return seg.key.startsWith('cjk') ? 0 : cfg.expansion;
}

function piece(para: Para, items: Items, cfg: ItemConfig, i: number, j: number): void {
  const { text, charSeg, segs } = para;
  const segA = charSeg[i];
  const single = segA === charSeg[j - 1];
  const seg0 = segs[segA];

  let dash = false;
  let high = false;
  let urlish = false;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x2d) continue;
    if (isBreakAfterDash(c)) dash = true;
    else if (c >= 0x2e80) high = true;
    else if (c === 0x2f || c === 0x40 || c === 0x2e || c === 0x3a) urlish = true;
  }
  const wt = text.slice(i, j);
  const url = urlish && URL_LIKE.test(wt);
  // One shaping of the whole word when it is in one segment (the common case).
  const s0 = single ? shapeInSegment(seg0, wt) : null;
  if (s0) {
    para.shapedAt[i] = s0;
    para.shapedEnd[i] = j;
  }

  let explicit = false;
  let any = false;
  if (para.marks) {
    for (let k = i + 1; k < j && !any; k++) any = para.marks.has(k);
  }
  const hyph =
    s0 !== null &&
    !url &&
    cfg.hyphenator !== null &&
    seg0.face !== null &&
    (seg0.level & 1) === 0 &&
    seg0.key.startsWith('serif') &&
    para.spans[seg0.span].style.family === 'serif'
      ? hyphenPoints(s0, wt, cfg.hyphenator)
      : NO_POINTS;
  const width0 = s0 ? s0.width * seg0.size : Infinity;
  if (s0 && !any && !dash && !url && !high && hyph.length === 0 && width0 <= cfg.minWidth) {
    items.box(width0, i, flexOf(seg0, cfg));
    return;
  }

  // Break opportunities inside the word.
  const len = j - i + 1;
  if (kinds.length < len) kinds = new Uint8Array(Math.max(len, kinds.length * 2));
  kinds.fill(0, 0, len);
  if (any) {
    // Soft hyphens in the source replace the patterns for that word (as in TeX).
    for (let k = i + 1; k < j; k++) {
      const m = para.marks!.get(k);
      if (m === 1) {
        mark(i, j, k, Brk.Hyphen);
        explicit = true;
      } else if (m === 2) mark(i, j, k, Brk.Free);
    }
  }
  if (!explicit) for (const k of hyph) mark(i, j, i + k, Brk.Hyphen);
  if (dash) {
    for (let k = i + 2; k < j; k++) {
      const before = text.charCodeAt(k - 1);
      if (isBreakAfterDash(before) && !isBreakAfterDash(text.charCodeAt(k))) mark(i, j, k, url ? Brk.Url : Brk.Dash);
    }
  }
  if (url) urlBreaks(wt, i, j);
  if (high) {
    // Next to a pictograph (class ID), where UAX #14 allows it; CJK pairs are gaps already.
    for (let k = i + 1; k < j; k++) {
      if (insideCluster(text, k)) continue;
      const c = text.codePointAt(k)!;
      const p = codePointBefore(text, k);
      if ((isIdeographicForBreaking(c) || isIdeographicForBreaking(p)) && breakAllowed(p, c)) mark(i, j, k, Brk.Free);
    }
  }

  // Pieces between segment boundaries and break opportunities. A piece's width is that
  // of its text shaped alone; the kerning a break would remove sits between the penalty
  // and the next piece as a kern (glue that is never a break and vanishes at a line
  // start), so the unbroken word still measures what it shapes to.
  let total = 0;
  if (s0) total = width0;
  else {
    for (let a = i; a < j; ) {
      const seg = segs[charSeg[a]];
      const b = Math.min(j, seg.end);
      const s = shapeInSegment(seg, text.slice(a, b));
      para.shapedAt[a] = s;
      para.shapedEnd[a] = b;
      total += s.width * seg.size;
      a = b;
    }
  }
  if (total > cfg.minWidth) {
    // Emergency: any character boundary, but never inside a cluster or before a mark.
    for (let k = i + 1; k < j; k++) {
      if (insideCluster(text, k) || isCombining(text.codePointAt(k)!)) continue;
      mark(i, j, k, Brk.Char);
    }
  }
  for (let a = i; a < j; ) {
    const seg = segs[charSeg[a]];
    const b = Math.min(j, seg.end);
    const s = para.shapedAt[a]!;
    const { cum, pen } = s;
    const z = seg.size;
    let from = 0; // pen position where the current piece starts, in em
    let prev = a;
    const flex = flexOf(seg, cfg);
    for (let k = a + 1; k < b; k++) {
      const kind = kinds[k - i];
      if (kind === 0) continue;
      items.box((cum[k - a] - from) * z, prev, flex);
      breakPenalty(items, kind, seg, k, text.charCodeAt(k - 1));
      from = pen ? pen[k - a] : cum[k - a];
      const kern = (from - cum[k - a]) * z;
      if (kern !== 0) items.glue(kern, 0, 0, k);
      prev = k;
    }
    items.box((s.width - from) * z, prev, flex);
    if (b < j && kinds[b - i] !== 0) breakPenalty(items, kinds[b - i], seg, b, text.charCodeAt(b - 1));
    a = b;
  }
}

const NO_POINTS: readonly number[] = [];

/**
 * Hyphenation points of a word, kept on its shaped form: one lookup finds both (a book
 * has one language; another language's hyphenator just recomputes).
 */
function hyphenPoints(s: Shaped, word: string, h: Hyphenator): readonly number[] {
  if (s.hyphenator !== h) {
    s.hyphenator = h;
    s.hyphenPoints = h.points(word);
  }
  return s.hyphenPoints!;
}

function breakPenalty(items: Items, kind: number, seg: Segment, k: number, before: number): void {
  const hyphen = kind === Brk.Hyphen;
  const w = hyphen && seg.face ? (seg.face.hyphenWidth + seg.face.shaper.kern(before, 0x2d)) * seg.size : 0;
  // A line ending in a hard hyphen looks hyphenated; one ending in a dash does not.
  const flagged = hyphen || (kind === Brk.Dash && (before === 0x2d || before === 0x2010));
  items.penaltyAt(w, PENALTY_OF[kind], flagged, hyphen, kind, k);
}

/**
 * Break opportunities in a URL or address, after the scheme (Chicago Manual of Style
 * 6.17): after a slash or double slash, before a dot, comma, question mark, number
 * sign, percent, tilde, underscore, ampersand or equals sign.
 */
function urlBreaks(w: string, i: number, j: number): void {
  const scheme = w.indexOf('://');
  const from = scheme >= 0 ? scheme + 3 : 1;
  for (let k = Math.max(from, 1); k < w.length - 1; k++) {
    const c = w[k];
    if (c === '/' && w[k + 1] !== '/') mark(i, j, i + k + 1, Brk.Url);
    else if ('.,?#%~_&=@'.includes(c) && k > from) mark(i, j, i + k, Brk.Url);
  }
}
