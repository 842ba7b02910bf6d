// How many terminal columns a string takes in a monospaced plain-text reader.
//
// Columns are counted per grapheme cluster (what the reader perceives as one
// character): East Asian Wide/Fullwidth characters and emoji take two columns,
// combining marks and invisible format characters none, everything else one.
// This is the wcwidth(3) convention that terminals and editors follow; ambiguous-width
// characters (“ ” — …) count as narrow, as they do outside East Asian locales.

/**
 * Characters that are always one column and one UTF-16 unit: ASCII, Latin-1 and
 * Latin Extended, Greek and Cyrillic letters, and the dashes, quotes and bullets of
 * General Punctuation. Combining marks (U+0300–036F, U+0483–0489), the soft hyphen
 * and the zero-width/bidi controls (U+200B–200F, U+2028–202E, U+2060+) are outside
 * it. U+0001 is the text edition's internal no-break glue and counts as a space.
 * Running prose almost never leaves this set, so most words are measured by length.
 */
const SIMPLE = /^[\u0001\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]*$/;

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

// Built on first need: creating a segmenter loads ICU data, and plain prose never needs it.
let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter;
}

/** East Asian Wide (W) and Fullwidth (F) blocks, per Unicode's EastAsianWidth.txt. */
export function isWideCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo initials
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x2329 && cp <= 0x232a) ||
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, CJK symbols and punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo Extended-A
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe6f) || // CJK compatibility forms, small form variants
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1b000 && cp <= 0x1b2ff) || // Kana supplement and extensions
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) || // supplemental symbols and pictographs
    (cp >= 0x20000 && cp <= 0x2fffd) || // CJK Extensions B–F
    (cp >= 0x30000 && cp <= 0x3fffd) // CJK Extension G+
  );
}

/** Columns taken by one grapheme cluster. */
export function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0) ?? 0;
  if (cp === 1) return 1;
  if (ZERO_WIDTH.test(g)) return 0;
  if (isWideCodePoint(cp) || EMOJI.test(g)) return 2;
  return 1;
}

/** Whether every character of `text` is one column wide and one UTF-16 unit long. */
export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}

/** Columns taken by `text` (no newlines expected). */
export function displayWidth(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes().segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Splits `text` into grapheme clusters. */
export function splitGraphemes(text: string): string[] {
  if (SIMPLE.test(text)) return [...text];
  const out: string[] = [];
  for (const { segment } of graphemes().segment(text)) out.push(segment);
  return out;
}
