// From breaks to set lines: the pieces of each line (words, spaces and the gaps of text
// set without spaces) are shaped, spaces and gaps stretched or shrunk to the measure,
// the pieces put in visual order (bidi) and merged into glyph runs positioned from the
// line's left edge.
//
// Vertical metrics: a run's ascent and descent are those of the face its style asks
// for, not of the fallback face that drew it (Noto Serif SC's ascent is 1.151 em where
// Source Serif's is 1.036), so a line with CJK, emoji or Hebrew keeps the baseline where
// a Latin line has it (the composer centres ascent + descent in the leading).

import { reorderVisually } from './bidi.js';
import { isGlue, isWordSeparator } from './chars.js';
import { codePointBefore, isGap } from './cjk.js';
import { segmentSpace, shapeInSegment } from './glyphs.js';
import { type Gap, gapAt, SPACE_SHRINK, SPACE_STRETCH } from './itemize.js';
import { INF, type Items, PENALTY } from './items.js';
import { face, primaryFaceKey } from './faces.js';
import type { Para, Segment } from './paragraph.js';
import type { Shaped } from './shaping.js';
import type { GlyphRun, ParagraphOptions, SetLine } from './types.js';

/** Leading when the caller gives none: 1.35 × the largest size on the line. */
export const DEFAULT_LEADING = 1.35;

/** A line as a range of the paragraph text. */
export interface LineSpec {
  start: number;
  end: number;
  /** Ends with an inserted hyphen. */
  hyphen: boolean;
  /** Last line, or a line ended by a hard break: set at natural spacing. */
  ragged: boolean;
  /** Follows a line broken for want of room rather than at a hard break. */
  continuation: boolean;
}

export function lineSpecs(para: Para, items: Items, breaks: number[]): LineSpec[] {
  const specs: LineSpec[] = [];
  const n = items.length;
  let start = 0;
  let continuation = false;
  for (const b of breaks) {
    const end = items.pos[b];
    const forced = items.type[b] === PENALTY && items.penalty[b] <= -INF;
    specs.push({ start: Math.min(start, end), end, hyphen: items.hyphen[b] === 1, ragged: forced, continuation });
    continuation = !forced;
    const next = items.nextLineStart(b);
    start = next < n ? items.pos[next] : para.text.length;
  }
  return specs;
}

interface Piece {
  seg: Segment;
  text: string;
  glue: boolean;
  width: number;
  level: number;
  /** The shaped word (not for glue). */
  shaped?: Shaped;
  /** An inter-character gap (glue without text) of text set without spaces. */
  gap?: Gap;
}

/** Is there an inter-character gap at offset k of the text (between two pieces)? */
export function gapAtOffset(text: string, k: number): boolean {
  const d = text.charCodeAt(k);
  if (d < 0x2e80 && text.charCodeAt(k - 1) < 0x2e80) return false;
  if (d >= 0xdc00 && d <= 0xdfff) return false;
  return isGap(codePointBefore(text, k), text.codePointAt(k)!);
}

/**
 * The pieces of each run in drawing order, kept for drawLine so that it need not split
 * and look up the words again. A run that is not in the map (e.g. a copy made by the
 * composer) is drawn from its text.
 */
export const runPieces = new WeakMap<GlyphRun, { text: string; glue: boolean; shaped?: Shaped }[]>();

export interface BuiltLine {
  line: SetLine;
  justified: boolean;
  overfull: boolean;
}

export interface LineContext {
  align: ParagraphOptions['align'];
  /** Font expansion allowed when justifying (see itemize.ts EXPANSION). */
  expansion?: number;
  /** Indent of continuation lines (wrapped code). */
  continuationIndent?: number;
  leading?: number;
  /** Word numbers: lazily computed per paragraph. */
  words: WordIndex;
}

export function buildLine(para: Para, spec: LineSpec, fullMeasure: number, ctx: LineContext): BuiltLine {
  const { text, charSeg, segs, levels } = para;
  const indent = spec.continuation && ctx.continuationIndent ? ctx.continuationIndent : 0;
  const measure = fullMeasure - indent;
  const pieces: Piece[] = [];
  let natural = 0;
  let glueNatural = 0;
  /** Natural width of the glyphs that font expansion may scale (not CJK), and of all. */
  let boxesExp = 0;
  let boxesAll = 0;
  let gapStretch = 0;
  let gapShrink = 0;
  const justifying = ctx.align === 'justify' && !spec.ragged && !para.preformatted;
  for (let k = spec.start; k < spec.end; ) {
    const c = text.charCodeAt(k);
    const si = charSeg[k];
    const seg = segs[si];
    // A hard break inside a line only happens in setSingleLine: it is set as a space.
    if (isGlue(c) || c === 0x0a) {
      const w = segmentSpace(seg, c === 0x0a ? 0x20 : c);
      pieces.push({ seg, text: c === 0x0a ? ' ' : text[k], glue: true, width: w, level: levels ? levels[k] : 0 });
      natural += w;
      glueNatural += w;
      k++;
      continue;
    }
    let m = k + 1;
    while (m < spec.end && charSeg[m] === si) {
      const d = text.charCodeAt(m);
      if (d === 0x0a || isGlue(d) || gapAtOffset(text, m)) break;
      m++;
    }
    const hyph = spec.hyphen && m === spec.end;
    let str = text.slice(k, m);
    if (hyph) str += '-';
    const shaped = (!hyph && para.shapedEnd[k] === m ? para.shapedAt[k] : undefined) ?? shapeInSegment(seg, str);
    const w = shaped.width * seg.size;
    pieces.push({ seg, text: str, glue: false, width: w, level: seg.level, shaped });
    natural += w;
    boxesAll += w;
    if (!seg.key.startsWith('cjk')) boxesExp += w;
    k = m;
    if (m < spec.end && gapAtOffset(text, m)) {
      const gap = gapAt(para, m, codePointBefore(text, m), text.codePointAt(m)!, justifying);
      pieces.push({ seg, text: '', glue: true, width: gap.width, level: seg.level, gap });
      natural += gap.width;
      gapStretch += gap.stretch;
      gapShrink += gap.shrink;
    }
  }
  // Spaces at the end of a line take the paragraph's direction (UAX #9 rule L1).
  if (levels) for (let i = pieces.length - 1; i >= 0 && pieces[i].glue; i--) pieces[i].level = para.base;

  // Justification: glyphs take up to ±expansion of the adjustment in proportion to
  // their share of the stretch (as in the line breaker); spaces and inter-character
  // gaps take the rest, in proportion to their stretch (or shrink). CJK glyphs are not
  // expanded: they are justified by spacing alone.
  let spaceRatio = 1;
  let scale = 1;
  /** Each gap's share of the adjustment, as a multiple of its stretch (or shrink). */
  let gapRatio = 0;
  let justified = false;
  const e = ctx.expansion ?? 0;
  const boxes = boxesExp;
  if (ctx.align === 'justify' && !spec.ragged && (glueNatural > 0 || e > 0 || gapStretch > 0) && natural !== measure) {
    const need = measure - natural;
    const spaceFlex = glueNatural * (need > 0 ? SPACE_STRETCH : SPACE_SHRINK);
    const gapFlex = need > 0 ? gapStretch : gapShrink;
    const r = need / (spaceFlex + gapFlex + boxes * e);
    scale = 1 + Math.max(-1, Math.min(1, r)) * e;
    const rest = need - boxes * (scale - 1);
    const flex = spaceFlex + gapFlex;
    if (flex > 0) {
      if (glueNatural > 0) spaceRatio = 1 + (rest * spaceFlex) / flex / glueNatural;
      gapRatio = rest / flex;
      justified = true;
    } else if (Math.abs(rest) < 1e-6) justified = true;
    else scale = 1; // one word that expansion cannot fit: set it at its natural width
  } else if (natural > measure) {
    // A line a hair too long: widths inside ligatures and complex-script words are
    // estimates (a word broken between characters in an emergency even reshapes). Squeeze
    // the spaces of running text, then condense the glyphs, so that nothing ever sticks
    // out of the measure. Beyond ±2 % this only happens in emergencies.
    if (glueNatural > 0 && !para.preformatted) spaceRatio = Math.max(2 / 3, 1 + (measure - natural) / glueNatural);
    const left = natural - glueNatural * (1 - spaceRatio) - measure;
    // (Not beyond half width: a measure narrower than a glyph stays overfull, and counted.)
    if (left > 0 && boxesAll > 0 && left <= boxesAll / 2) scale = 1 - left / boxesAll;
  }
  /** Glyphs of CJK faces are scaled only to rescue an overfull line, never to justify. */
  const scaleOf = (seg: Segment) => (justified && seg.key.startsWith('cjk') ? 1 : scale);
  let lineWidth = natural;
  if (spaceRatio !== 1 || scale !== 1 || gapRatio !== 0) {
    lineWidth = 0;
    for (const p of pieces) {
      if (p.gap) p.width = p.gap.width + gapRatio * (gapRatio > 0 ? p.gap.stretch : p.gap.shrink);
      else p.width *= p.glue ? spaceRatio : scaleOf(p.seg);
      lineWidth += p.width;
    }
    if (justified) lineWidth = measure;
  }

  let x = indent;
  const rtl = para.base === 1;
  const align = ctx.align;
  if (!justified) {
    const free = measure - lineWidth;
    if (align === 'center') x = free / 2;
    else if (align === 'right' || (rtl && (align === 'left' || align === 'justify'))) x = free;
  }

  const visual = levels ? reorderVisually(pieces, (p) => p.level) : pieces;
  const runs: GlyphRun[] = [];
  let cur: GlyphRun | null = null;
  let curPieces: Piece[] = [];
  let curSeg: Segment | null = null;
  let ascent = 0;
  let descent = 0;
  let maxSize = 0;
  /** The gap just passed: inside a run it widens the run, between runs it moves x. */
  let gap: Piece | null = null;
  for (const p of visual) {
    if (p.gap) {
      x += p.width;
      gap = p;
      continue;
    }
    const seg = p.seg;
    if (cur && curSeg && gap && sameRun(curSeg, seg, p.level, cur.level ?? 0)) {
      // Inside a run every gap gets the same justification space (the drawing code adds
      // the run's interCharSpacing and finds the squeezes between punctuation itself;
      // the quarter em only comes between faces, so never inside a run).
      cur.width += gap.width;
      const extra = gap.width - gap.gap!.width;
      if (extra > 1e-9) cur.interCharSpacing = extra;
    }
    gap = null;
    if (!cur || !curSeg || !sameRun(curSeg, seg, p.level, cur.level ?? 0)) {
      const span = para.spans[seg.span];
      const odd = (p.level & 1) === 1;
      cur = {
        x,
        width: 0,
        text: '',
        font: seg.key,
        size: seg.size,
        rise: seg.rise,
        wordSpacing: spaceRatio === 1 ? 0 : (spaceRatio - 1) * segmentSpace(seg, 0x20),
        style: span.style,
      };
      if (span.link !== undefined) cur.link = span.link;
      if (span.noteRef !== undefined) cur.noteRef = span.noteRef;
      if (odd) cur.rtl = true;
      if (p.level) cur.level = p.level;
      const sc = scaleOf(seg);
      if (sc !== 1) cur.scale = sc;
      runs.push(cur);
      curPieces = [];
      runPieces.set(cur, curPieces);
      curSeg = seg;
      const f = seg.metrics;
      ascent = Math.max(ascent, f.ascent * seg.size + seg.rise);
      descent = Math.max(descent, f.descent * seg.size - seg.rise);
      maxSize = Math.max(maxSize, span.style.size);
    }
    cur.text = cur.rtl ? p.text + cur.text : cur.text + p.text;
    cur.width += p.width;
    curPieces.push(p);
    x += p.width;
  }

  if (runs.length === 0) {
    const f = face(primaryFaceKey(para.spans[segs[0]?.span ?? 0]?.style ?? { family: 'serif', bold: false, italic: false }));
    const size = para.baseSize;
    ascent = f.ascent * size;
    descent = f.descent * size;
    maxSize = size;
  }

  const line: SetLine = {
    runs,
    width: natural,
    measure: fullMeasure,
    ascent,
    descent,
    leading: ctx.leading ?? DEFAULT_LEADING * maxSize,
    hyphenated: spec.hyphen,
    spaceRatio,
    noteRefs: ctx.words.noteRefs(spec.start, spec.end),
  };
  const fw = ctx.words.firstWord(spec.start, spec.end);
  if (fw) line.firstWord = fw;
  return { line, justified, overfull: lineWidth > measure + 0.01 };
}

function sameRun(a: Segment, b: Segment, levelB: number, levelA: number): boolean {
  return a === b || (a.span === b.span && a.key === b.key && levelA === levelB);
}

/**
 * Word numbers of the model (see `Span.source`): a span's `source.word` is the index of
 * the word holding its first non-space character, so a span that starts inside a word
 * (e.g. the italic half of "*half*way") carries that word's index.
 */
export class WordIndex {
  private readonly para: Para;
  private prefix: Int32Array | null = null;
  private spanFirst: Int32Array | null = null;
  private notes: { pos: number; n: number }[] | null = null;

  constructor(para: Para) {
    this.para = para;
  }

  private init(): void {
    const { text, wordStart, segs, spans } = this.para;
    const n = text.length;
    const prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + wordStart[i];
    const first = new Int32Array(spans.length).fill(-1);
    for (const seg of segs) {
      if (first[seg.span] >= 0) continue;
      for (let i = seg.start; i < seg.end; i++) {
        if (!isWordSeparator(text.charCodeAt(i))) {
          first[seg.span] = i;
          break;
        }
      }
    }
    this.prefix = prefix;
    this.spanFirst = first;
  }

  firstWord(start: number, end: number): { blockId: string; word: number } | undefined {
    const { wordStart, charSeg, segs, spans } = this.para;
    for (let k = start; k < end; k++) {
      if (!wordStart[k]) continue;
      const s = segs[charSeg[k]].span;
      const src = spans[s].source;
      if (!src) return undefined;
      if (!this.prefix) this.init();
      const f = this.spanFirst![s];
      const before = this.prefix![k + 1] - this.prefix![f];
      return { blockId: src.blockId, word: src.word + before - (wordStart[f] ? 1 : 0) };
    }
    return undefined;
  }

  noteRefs(start: number, end: number): number[] {
    if (!this.notes) {
      this.notes = [];
      const { spans } = this.para;
      if (spans.some((s) => s.noteRef !== undefined)) {
        if (!this.prefix) this.init();
        spans.forEach((s, i) => {
          const pos = this.spanFirst![i];
          if (s.noteRef !== undefined && pos >= 0) this.notes!.push({ pos, n: s.noteRef });
        });
      }
    }
    const out: number[] = [];
    for (const { pos, n } of this.notes) if (pos >= start && pos < end) out.push(n);
    return out;
  }
}
