// Clusters the typesetter must keep whole: emoji sequences (UTS #51: a base with its
// variation selector, skin-tone modifier, keycap or tags, ZWJ sequences, flags) and a
// character with its marks (the part of UAX #29 that matters for line breaking). A
// cluster is set in one face, is never broken across lines and gets no justification
// space inside it.

import { memoByCodePoint } from './code-point-memo.js';

const EXT_PICT = /\p{Extended_Pictographic}/u;
const EMOJI = /\p{Emoji}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const MARK = /\p{M}/u;

const ZWJ = 0x200d;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const CANCEL_TAG = 0xe007f;

export function isEmojiModifier(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}

export function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function isTag(cp: number): boolean {
  return cp >= 0xe0020 && cp <= 0xe007f;
}

/** Emoji property bits, remembered per code point. */
const PICT = 1;
const EMOJI_BIT = 2;
const PRESENTATION = 4;
const MARK_BIT = 8;

const props = memoByCodePoint(compute);

function compute(cp: number): number {
  const s = String.fromCodePoint(cp);
  return (
    (EXT_PICT.test(s) ? PICT : 0) |
    (EMOJI.test(s) ? EMOJI_BIT : 0) |
    (EMOJI_PRESENTATION.test(s) ? PRESENTATION : 0) |
    (MARK.test(s) ? MARK_BIT : 0)
  );
}

/** Shown as an emoji unless a text variation selector follows (Emoji_Presentation). */
export function hasEmojiPresentation(cp: number): boolean {
  return cp >= 0x231a && (props(cp) & PRESENTATION) !== 0;
}

/** Pictographs (Extended_Pictographic): class ID for line breaking, like ideographs. */
export function isPictographic(cp: number): boolean {
  return cp >= 0xa9 && (props(cp) & PICT) !== 0;
}

/**
 * The character continues the cluster before it: a mark (including variation selectors
 * and the enclosing keycap), ZWJ, a skin-tone modifier or a tag.
 */
export function extendsCluster(cp: number): boolean {
  if (cp < 0x300) return false;
  return cp === ZWJ || isEmojiModifier(cp) || isTag(cp) || (props(cp) & MARK_BIT) !== 0;
}

/** Could an emoji sequence start at this code point (digits, # and * only as keycaps)? */
function mayStartEmoji(cp: number): boolean {
  if (cp < 0xa9) return cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39);
  return (props(cp) & (EMOJI_BIT | PICT)) !== 0;
}

export interface EmojiSequence {
  /** Offset just after the sequence. */
  end: number;
  /** The first code point of the sequence (the one a face must have). */
  base: number;
  /**
   * `emoji`: drawn as an emoji (an Emoji_Presentation base, U+FE0F, a modifier, a keycap,
   * tags, a ZWJ sequence or a flag); `text`: a text-style symbol (U+FE0E, or a base that
   * is text by default), which the ordinary fallback chain handles.
   */
  presentation: 'emoji' | 'text';
}

function at(text: string, i: number): number {
  return i < text.length ? text.codePointAt(i)! : -1;
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/**
 * The emoji sequence starting at offset i, or null when none starts there. Lenient:
 * any well-formed sequence is kept together, whether or not it is in the RGI list.
 */
export function emojiSequenceAt(text: string, i: number): EmojiSequence | null {
  const first = at(text, i);
  if (first < 0x23) return null;
  if (!mayStartEmoji(first)) return null;
  const next = at(text, i + width(first));
  // 1️⃣, #⃣: a keycap base only counts with FE0F or the keycap itself.
  if (first < 0xa9 && next !== VS16 && next !== KEYCAP) return null;
  if (isRegionalIndicator(first)) {
    if (!isRegionalIndicator(next)) return null;
    return { end: i + 4, base: first, presentation: 'emoji' };
  }
  let k = i;
  let emoji = false;
  let text15 = false;
  let elements = 0;
  for (;;) {
    const base = at(text, k);
    if (base < 0 || (elements > 0 && !mayStartEmoji(base))) break;
    elements++;
    if (hasEmojiPresentation(base)) emoji = true;
    k += width(base);
    let c = at(text, k);
    if (c === VS16) {
      emoji = true;
      k++;
      c = at(text, k);
    } else if (c === VS15) {
      text15 = true;
      k++;
      c = at(text, k);
    }
    if (isEmojiModifier(c)) {
      emoji = true;
      k += 2;
      c = at(text, k);
    }
    if (c === KEYCAP) {
      emoji = true;
      k++;
      c = at(text, k);
    }
    if (isTag(c)) {
      emoji = true;
      while (isTag(c)) {
        k += 2;
        if (c === CANCEL_TAG) break;
        c = at(text, k);
      }
      c = at(text, k);
    }
    if (c !== ZWJ) break;
    // A ZWJ joins the next element; a trailing one stays with the sequence.
    k++;
    const after = at(text, k);
    if (after < 0 || !mayStartEmoji(after) || after < 0xa9) break;
    emoji = true;
  }
  if (k === i + width(first)) {
    // A lone base: an emoji only when it is one by default.
    return hasEmojiPresentation(first) ? { end: k, base: first, presentation: 'emoji' } : null;
  }
  return { end: k, base: first, presentation: emoji && !text15 ? 'emoji' : 'text' };
}

/**
 * A line break (or a piece boundary) at offset k would split a cluster: the character
 * at k extends the one before it, the one before is a ZWJ, or k falls inside a flag
 * (regional indicators pair from the start of their run).
 */
export function insideCluster(text: string, k: number): boolean {
  if (k <= 0 || k >= text.length) return false;
  const lo = text.charCodeAt(k);
  if (lo >= 0xdc00 && lo <= 0xdfff) return true;
  const c = text.codePointAt(k)!;
  if (extendsCluster(c)) return true;
  const hiBefore = text.charCodeAt(k - 1);
  const pAt = hiBefore >= 0xdc00 && hiBefore <= 0xdfff && k >= 2 ? k - 2 : k - 1;
  const p = text.codePointAt(pAt)!;
  if (p === ZWJ) return true;
  if (isRegionalIndicator(c) && isRegionalIndicator(p)) {
    let n = 0;
    for (let q = pAt; q >= 0 && isRegionalIndicator(text.codePointAt(q)!); q -= 2) n++;
    return n % 2 === 1;
  }
  return false;
}
