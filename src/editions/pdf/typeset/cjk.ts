// Text set without spaces (Chinese, Japanese) and pictographs: where a line may break
// between two characters (UAX #14 class ID, with the kinsoku rules of JLREQ/CLREQ: no
// break before closing punctuation, small kana or iteration marks, none after opening
// punctuation), and where inter-character justification may add space (as in Typst
// 0.14 and JIS X 4051: every boundary next to a CJK character, except inside a cluster
// or between the halves of a doubled dash or ellipsis). Between a CJK character and a
// Western letter or digit there is a quarter em (JLREQ 3.2.6, CLREQ 3.4; Typst's
// `cjk-latin-spacing`); between two punctuation marks set side by side (。」, 」「, ，“)
// half an em of their blank is taken out (JLREQ 3.1.4, CLREQ 3.1.6).

import { extendsCluster, isPictographic } from './clusters.js';
import { isGlue } from './chars.js';
import { memoByCodePoint } from './code-point-memo.js';
import type { Face } from './faces.js';

/** Stretch of an inter-character gap, in em: two em over an 18-character line (a line two characters short still has r ≤ 1). */
export const GAP_STRETCH = 0.125;
/** Space between CJK and Western letters or digits, in em, and how far it may shrink. */
export const AUTOSPACE = 0.25;
export const AUTOSPACE_SHRINK = 0.125;

const CJK = 1;
/** Ideographs and kana (not punctuation): the CJK side of the quarter-em space. */
const IDEO = 2;
const NO_BREAK_BEFORE = 4;
const NO_BREAK_AFTER = 8;
/** Latin, Greek and Cyrillic letters and digits: the Western side of the quarter em. */
const WESTERN = 16;
/** Doubled, these stay together: —— …… ‥‥ ――. */
const INSEPARABLE = 32;
/** Ideographic for line breaking (class ID): CJK or a pictograph. */
const ID = 64;

const PS = /\p{Ps}/u;
const PE = /\p{Pe}/u;
const PI = /\p{Pi}/u;
const PF = /\p{Pf}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

function isCjkRange(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fff) || // radicals, Kangxi, description characters
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0x3040 && cp <= 0x31ff) || // kana, bopomofo, kanbun, strokes, kana extensions
    (cp >= 0x3200 && cp <= 0x4dbf) || // enclosed, compatibility, extension A
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe4f) || // compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // fullwidth and halfwidth forms
    (cp >= 0x1b000 && cp <= 0x1b16f) || // kana supplement and extensions
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** The Unicode ranges the CJK face is consulted for (faces.ts). */
export function isCjkCodePoint(cp: number): boolean {
  return cp >= 0x2e80 && isCjkRange(cp);
}

function isIdeographOrKana(cp: number): boolean {
  return (
    (cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30a0 && cp !== 0x30fb) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xff9d) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x1b000 && cp <= 0x1b16f) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** Characters a line may not start with, beyond closing brackets and quotes (JLREQ cl-02, 03, 04, 05, 06, 07, 11; UAX #14 CL, EX, IS, NS, CJ, IN, PO, SY, HY, BA). */
const NO_START = new Set(
  Array.from(
    '、。，．､｡︐︑︒,.:;!?！？：；‼⁇⁈⁉‽/' +
      '々〻ゝゞヽヾーｰ゠〜～・･ヿ゛゜' +
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ' +
      '…‥⋯' +
      '%‰‱°℃℉′″¢' +
      '-‐‑–',
  ).map((c) => c.codePointAt(0)!),
);

/** Characters a line may not end with, beyond opening brackets and quotes (UAX #14 PR, OP). */
const NO_END = new Set(Array.from('¡¿$£¥€₩＄￡￥￦').map((c) => c.codePointAt(0)!));

const INSEPARABLES = new Set([0x2014, 0x2015, 0x2025, 0x2026, 0x22ef, 0x2500]);

const classes = memoByCodePoint(compute);

function compute(cp: number): number {
  const s = String.fromCodePoint(cp);
  let c = 0;
  if (isCjkCodePoint(cp)) c |= CJK | ID;
  if (isIdeographOrKana(cp)) c |= IDEO;
  if (isPictographic(cp)) c |= ID;
  if (NO_START.has(cp) || PE.test(s) || PF.test(s) || extendsCluster(cp)) c |= NO_BREAK_BEFORE;
  if (NO_END.has(cp) || PS.test(s) || PI.test(s) || cp === 0x200d) c |= NO_BREAK_AFTER;
  if ((cp < 0x0530 || (cp >= 0x1e00 && cp <= 0x1fff)) && LETTER_OR_DIGIT.test(s)) c |= WESTERN;
  if (INSEPARABLES.has(cp)) c |= INSEPARABLE;
  return c;
}

/** Is the character class ID for line breaking (an ideograph, kana, CJK punctuation, a pictograph)? */
export function isIdeographicForBreaking(cp: number): boolean {
  return cp >= 0xa9 && (classes(cp) & ID) !== 0;
}

/** Is the character one that inter-character justification spaces (CJK)? */
export function isCjk(cp: number): boolean {
  return cp >= 0x2e80 && (classes(cp) & CJK) !== 0;
}

/**
 * May a line break between p and c, where one of them is ideographic? No break before
 * closing punctuation, small kana and the like, after opening punctuation, inside a
 * cluster, or between the halves of —— or …….
 */
export function breakAllowed(p: number, c: number): boolean {
  if ((classes(p) & NO_BREAK_AFTER) !== 0 || (classes(c) & NO_BREAK_BEFORE) !== 0) return false;
  return !(p === c && (classes(p) & INSEPARABLE) !== 0);
}

/**
 * Is there an inter-character gap between p and c (both printing characters, one of
 * them CJK, not inside a cluster nor a doubled dash or ellipsis)? Pairwise on purpose:
 * the drawing code finds the same gaps from a run's text alone.
 */
export function isGap(p: number, c: number): boolean {
  if (p < 0x2e80 && c < 0x2e80) return false;
  if (!isCjk(p) && !isCjk(c)) return false;
  if (p === 0x0a || c === 0x0a || isGlue(p) || isGlue(c) || p === 0x200d || extendsCluster(c)) return false;
  return !(p === c && (classes(p) & INSEPARABLE) !== 0);
}

/** A quarter em belongs between p and c (an ideograph or kana next to a Western letter or digit). */
export function wantsAutospace(p: number, c: number): boolean {
  const a = classes(p);
  const b = classes(c);
  return ((a & IDEO) !== 0 && (b & WESTERN) !== 0) || ((a & WESTERN) !== 0 && (b & IDEO) !== 0);
}

/**
 * Which of two adjacent punctuation marks gives up the blank half of its em: `p` when
 * a mark blank on its right (。，」) is followed by another mark, `c` when two marks
 * blank on their left meet (（「), null otherwise (or when a face is missing).
 */
export function punctuationSqueeze(fa: Face | null, p: number, fb: Face | null, c: number): 'p' | 'c' | null {
  if (!fa || !fb || p < 0x2018 || c < 0x2018) return null;
  const bp = fa.punctuationBlank(p);
  if (bp === 0) return null;
  const bc = fb.punctuationBlank(c);
  if (bc === 0) return null;
  if (bp === BLANK_RIGHT) return 'p';
  return bc === BLANK_LEFT ? 'c' : null;
}

/** The half em taken out between two punctuation marks. */
export const PUNCTUATION_SQUEEZE = 0.5;

/** Where a full-width punctuation mark leaves half its em blank (Face.punctuationBlank). */
export const BLANK_LEFT = 1;
export const BLANK_RIGHT = 2;

/** Code point before offset k (surrogate pairs joined). */
export function codePointBefore(text: string, k: number): number {
  const lo = text.charCodeAt(k - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && k >= 2) {
    const hi = text.charCodeAt(k - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}
