// From styled spans to one normalised paragraph string with, per character, its span,
// its face (after fallback) and its bidi level, cut into segments where any of those
// change. Everything downstream (items, lines, drawing) works on offsets into it.

import type { SourcePos } from '../../../model/document.js';
import { isRightToLeft } from '../../common/writing-direction.js';
import { embeddingLevels } from './bidi.js';
import {
  hex,
  isBreakingSpace,
  isCombining,
  isDefaultIgnorable,
  isWordSeparator,
  mayNeedBidi,
} from './chars.js';
import { emojiSequenceAt, type EmojiSequence } from './clusters.js';
import { chainFor, face, type Face, type FallbackChain, primaryFaceKey, REPLACEMENT } from './faces.js';
import type { Span, TextStyle } from './types.js';
import type { Shaped } from './shaping.js';

/** Size factor and baseline shift (in em of the surrounding size) of sub/superscripts. */
const SCRIPT_SIZE = 0.7;
const SUPER_RISE = 0.33;
const SUB_RISE = -0.14;

export interface Segment {
  start: number;
  end: number;
  /** Index into `Para.spans`. */
  span: number;
  /** null: no face has these characters; they are drawn as replacement boxes. */
  face: Face | null;
  /** Face key, or REPLACEMENT. */
  key: string;
  /** Size the glyphs are set at (smaller for sub/superscripts). */
  size: number;
  /** Baseline shift, positive up. */
  rise: number;
  level: number;
  /** The face the span's style asks for, whose ascent and descent the line takes (lines.ts). */
  metrics: Face;
}

export interface Para {
  text: string;
  spans: readonly Span[];
  segs: Segment[];
  /** Segment of every UTF-16 unit of `text`. */
  charSeg: Int32Array;
  /** Bidi level of every unit, or null when the paragraph is all left-to-right. */
  levels: Uint8Array | null;
  /** Paragraph embedding level: 0 left-to-right, 1 right-to-left. */
  base: number;
  /** Where the source had a soft hyphen (1) or a zero-width space (2), by offset. */
  marks: Map<number, number> | null;
  preformatted: boolean;
  /** Largest nominal size in the paragraph (for empty lines' leading). */
  baseSize: number;
  /** 1 where a word starts in the model's sense (src/model/words.ts), note markers skipped. */
  wordStart: Uint8Array;
  words: number;
  /**
   * Shaped word pieces by start offset, filled while itemizing so that setting the
   * lines finds them without hashing the strings again: `shapedEnd[k]` is where the
   * piece starting at k ends (0 when none).
   */
  shapedAt: (Shaped | undefined)[];
  shapedEnd: Int32Array;
}

export interface ParaInput {
  lang: string;
  direction?: 'ltr' | 'rtl' | 'auto';
  preformatted?: boolean;
  pos?: SourcePos;
}

/** Reports a character no face has (the caller warns once per character). */
export type UncoveredHandler = (cp: number, pos: SourcePos | undefined) => void;

const TAB = 4;

/**
 * Normalises the text: in running text every run of breaking white space becomes one
 * space (none at the start, the end, or next to a hard break); soft hyphens and
 * zero-width spaces are removed and remembered as break opportunities; control
 * characters are dropped. Preformatted text keeps its spaces; tabs go to 4-column stops.
 */
function normalise(spans: readonly Span[], pre: boolean): { text: string; owner: number[]; marks: Map<number, number> | null } {
  const parts: string[] = [];
  /** Pairs (offset, span index): from `offset` on, characters belong to that span. */
  const owner: number[] = [];
  let len = 0;
  let marks: Map<number, number> | null = null;
  /** Span of a collapsed space waiting to be written before the next character, or -1. */
  let pendingSpace = -1;
  let atLineStart = true;
  let column = 0;
  const put = (str: string, s: number) => {
    if (owner.length === 0 || owner[owner.length - 1] !== s) owner.push(len, s);
    parts.push(str);
    len += str.length;
  };
  for (let s = 0; s < spans.length; s++) {
    const t = spans[s].text;
    let runStart = 0;
    const flush = (i: number) => {
      if (i <= runStart) return;
      if (pendingSpace >= 0) {
        put(' ', pendingSpace);
        pendingSpace = -1;
      }
      put(t.slice(runStart, i), s);
      atLineStart = false;
    };
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (!isSpecial(c)) {
        column++;
        continue;
      }
      flush(i);
      runStart = i + 1;
      if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && t.charCodeAt(i + 1) !== 0x0a)) {
        pendingSpace = -1;
        put('\n', s);
        atLineStart = true;
        column = 0;
      } else if (c === 0xad || c === 0x200b) {
        if (len > 0 && pendingSpace < 0) (marks ??= new Map()).set(len, c === 0xad ? 1 : 2);
      } else if (c === 0x0d) {
        // the CR of a CRLF
      } else if (pre) {
        if (c === 0x09) {
          const k = TAB - (column % TAB);
          put(' '.repeat(k), s);
          column += k;
        } else if (isBreakingSpace(c)) {
          put(String.fromCharCode(c), s);
          column++;
        }
        // other control characters are dropped
      } else if (isBreakingSpace(c)) {
        if (!atLineStart && pendingSpace < 0) pendingSpace = s;
      }
    }
    flush(t.length);
  }
  let text = parts.join('');
  if (text.endsWith('\n')) text = text.replace(/\n+$/, '');
  return { text, owner, marks };
}

/** Characters `normalise` has to look at; everything else is copied as is. */
function isSpecial(c: number): boolean {
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b && c !== 0x2007) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function styleSize(style: TextStyle): { size: number; rise: number } {
  if (style.baselineShift === 'super') return { size: style.size * SCRIPT_SIZE, rise: style.size * SUPER_RISE };
  if (style.baselineShift === 'sub') return { size: style.size * SCRIPT_SIZE, rise: style.size * SUB_RISE };
  return { size: style.size, rise: 0 };
}

export function buildPara(spans: readonly Span[], input: ParaInput, uncovered: UncoveredHandler): Para {
  const pre = input.preformatted === true;
  const { text, owner, marks } = normalise(spans, pre);
  const n = text.length;

  const charSpan = new Int32Array(n);
  for (let k = 0; k < owner.length; k += 2) {
    const end = k + 2 < owner.length ? owner[k + 2] : n;
    charSpan.fill(owner[k + 1], owner[k], end);
  }

  // Bidi: only when there is something right-to-left, or the language says so.
  let levels: Uint8Array | null = null;
  let base = 0;
  const dir = input.direction ?? 'auto';
  const wantRtl = dir === 'rtl' || (dir === 'auto' && isRightToLeft(input.lang));
  if (wantRtl || mayNeedBidi(text)) {
    // One bidi paragraph even across hard breaks: U+2028 is white space to UAX #9.
    const r = embeddingLevels(text.replace(/\n/g, '\u2028'), wantRtl ? 'rtl' : dir);
    base = r.base & 1;
    levels = r.levels;
    if (base === 0 && !levels.some((l) => l !== 0)) levels = null;
  }

  // Faces, per character, through each span's fallback chain.
  const faceTable: (Face | null)[] = [];
  const charFace = new Int16Array(n);
  let prevSpan = -1;
  let prevFace: Face | null = null;
  let lastFace: Face | null | undefined;
  let lastId = -1;
  const lang = input.lang;
  let chain = chainFor(spans[0]?.style ?? { family: 'serif', bold: false, italic: false }, lang);
  for (let i = 0; i < n; i++) {
    const s = charSpan[i];
    if (s !== prevSpan) {
      chain = chainFor(spans[s].style, lang);
      if (prevSpan >= 0 && spans[prevSpan].style.family !== spans[s].style.family) prevFace = null;
    }
    let cp = text.charCodeAt(i);
    let units = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        units = 2;
      }
    }
    let f: Face | null;
    let end = i + units;
    const seq = cp >= 0xa9 || isKeycapStart(text, i, cp) ? emojiSequenceAt(text, i) : null;
    const whole = seq ? sequenceFace(chain, text, i, seq) : undefined;
    if (whole) {
      // An emoji sequence is set whole in one face, joiner and selectors included (they
      // are not drawn, but the text layer gets them back), and at one bidi level.
      f = whole;
      end = seq!.end;
      if (levels) levels.fill(levels[i], i, end);
    } else if (cp === 0x0a) {
      f = chain.faceAt(chain.primary);
    } else if (prevFace && isCombining(cp) && (isDefaultIgnorable(cp) || prevFace.font.hasGlyphForCodePoint(cp))) {
      f = prevFace;
    } else {
      const r = chain.resolve(cp);
      if (r >= 0) f = chain.faceAt(r);
      else if (isDefaultIgnorable(cp)) f = prevFace ?? chain.faceAt(chain.primary);
      else {
        f = null;
        uncovered(cp, input.pos);
      }
    }
    if (f !== lastFace) {
      lastId = faceTable.indexOf(f);
      if (lastId < 0) {
        lastId = faceTable.length;
        faceTable.push(f);
      }
      lastFace = f;
    }
    charFace[i] = lastId;
    if (end > i + 1) charFace.fill(lastId, i + 1, end);
    i = end - 1;
    prevSpan = s;
    prevFace = f;
  }

  // Segments: maximal runs with one span, one face, one level.
  const segs: Segment[] = [];
  const charSeg = new Int32Array(n);
  let baseSize = 0;
  for (const sp of spans) if (sp.style.size > baseSize) baseSize = sp.style.size;
  for (let i = 0; i < n; ) {
    const s = charSpan[i];
    const fid = charFace[i];
    const lv = levels ? levels[i] : 0;
    let j = i + 1;
    while (j < n && charSpan[j] === s && charFace[j] === fid && (levels ? levels[j] : 0) === lv) j++;
    const f = faceTable[fid];
    const { size, rise } = styleSize(spans[s].style);
    charSeg.fill(segs.length, i, j);
    segs.push({ start: i, end: j, span: s, face: f, key: f ? f.key : REPLACEMENT, size, rise, level: lv, metrics: metricsFace(spans[s].style) });
    i = j;
  }

  // Word starts in the model's sense: note markers are not text.
  const wordStart = new Uint8Array(n);
  let words = 0;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    if (spans[charSpan[i]].noteRef !== undefined) continue;
    const sp = isWordSeparator(text.charCodeAt(i));
    if (!sp && prevSpace) {
      wordStart[i] = 1;
      words++;
    }
    prevSpace = sp;
  }

  return {
    text,
    spans,
    segs,
    charSeg,
    levels,
    base,
    marks,
    preformatted: pre,
    baseSize: baseSize || 10,
    wordStart,
    words,
    shapedAt: new Array<Shaped | undefined>(n),
    shapedEnd: new Int32Array(n),
  };
}

/** The face a style asks for (its vertical metrics are the line's), cached per style object. */
const metricsFaces = new WeakMap<TextStyle, Face>();
function metricsFace(style: TextStyle): Face {
  let f = metricsFaces.get(style);
  if (!f) {
    f = face(primaryFaceKey(style));
    metricsFaces.set(style, f);
  }
  return f;
}

/** A digit, # or * followed by U+FE0F or the keycap: the start of a keycap sequence. */
function isKeycapStart(text: string, i: number, cp: number): boolean {
  if (!(cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39))) return false;
  const next = text.charCodeAt(i + 1);
  return next === 0xfe0f || next === 0x20e3;
}

/**
 * The face an emoji sequence is set in as a whole: the emoji face when it is to be shown
 * as an emoji, the first text face otherwise (U+FE0E, or a text-style base), provided
 * that face has every character of it that is drawn. Otherwise undefined, and the
 * characters go through the chain one by one (so a missing one is reported).
 */
function sequenceFace(chain: FallbackChain, text: string, i: number, seq: EmojiSequence): Face | undefined {
  let r = seq.presentation === 'emoji' ? chain.emojiIndex : chain.resolveText(seq.base);
  if (r < 0) return undefined;
  if (!chain.covers(r, seq.base) && seq.presentation === 'emoji') r = chain.resolve(seq.base);
  if (r < 0) return undefined;
  const f = chain.faceAt(r);
  for (let k = i; k < seq.end; ) {
    const c = text.codePointAt(k)!;
    if (!isDefaultIgnorable(c) && !isTagCharacter(c) && !f.font.hasGlyphForCodePoint(c)) return undefined;
    k += c > 0xffff ? 2 : 1;
  }
  return f;
}

function isTagCharacter(cp: number): boolean {
  return cp >= 0xe0020 && cp <= 0xe007f;
}

/** The warning for a character no bundled face has. */
export function uncoveredMessage(cp: number): string {
  return `no font has ${hex(cp)} “${String.fromCodePoint(cp)}”; it is drawn as a replacement box (the text layer keeps the character). The bundled faces cover Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese and Japanese (not Korean Hangul), symbols and emoji; a private-use or unassigned code point has no glyph anywhere`;
}
