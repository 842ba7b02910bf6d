// Greedy line filling for the text edition. Greedy (first-fit) is what plain-text
// readers expect — it is what fmt(1), Emacs and pandoc do — and it is linear.
//
// Lines break only at ASCII spaces (the inline writer turns every other source
// whitespace into one), never inside a word; a word longer than the line stands
// alone on its own line. The one exception is East Asian text, which has no spaces:
// there a line may break between two characters when either is wide, except before
// closing or after opening punctuation (a small kinsoku rule).

import { displayWidth, isSimpleText, splitGraphemes } from './display-width.js';

interface Token {
  text: string;
  width: number;
  /** Whether a space separates this token from the previous one on the same line. */
  space: boolean;
}

/** Characters that must not begin a line (closing punctuation, small kana, prolonged sound mark). */
const NO_START = new Set(
  [...'、。，．・：；？！ー）」』】〕〉》〙〗〟’”｝］｠ヽヾゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ…‥,.:;?!)]}»'],
);
/** Characters that must not end a line (opening punctuation). */
const NO_END = new Set([...'（「『【〔〈《〘〖〝‘“｛［｟([{«']);

/** Could hold a wide character (astral code points are checked properly later). */
const MAYBE_WIDE = /[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7a3\ud800-\udbff\uf900-\ufaff\ufe10-\ufe6f\uff00-\uff60\uffe0-\uffe6]/;

function isWide(grapheme: string): boolean {
  return displayWidth(grapheme) === 2;
}

/** Splits one space-free word into pieces between which a line may break. */
function pieces(word: string, out: Token[]): void {
  // Only text with wide characters can break inside a word; most words are a single piece.
  if (!MAYBE_WIDE.test(word)) {
    out.push({ text: word, width: displayWidth(word), space: true });
    return;
  }
  const gs = splitGraphemes(word);
  let text = gs[0];
  let first = true;
  for (let i = 1; i < gs.length; i++) {
    const before = gs[i - 1];
    const after = gs[i];
    const breakable = (isWide(before) || isWide(after)) && !NO_START.has(after) && !NO_END.has(before);
    if (breakable) {
      out.push({ text, width: displayWidth(text), space: first });
      first = false;
      text = after;
    } else {
      text += after;
    }
  }
  out.push({ text, width: displayWidth(text), space: first });
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  for (const word of line.split(/[ \t]+/)) {
    if (word) pieces(word, tokens);
  }
  return tokens;
}

/**
 * The same first fit for text whose every character is one column and one code
 * unit (nearly all prose): widths are offsets, so each line is found with one
 * native search for the last space that fits, and cut out as a slice.
 */
function fillSimple(segment: string, width: number, lines: string[]): void {
  let s = segment;
  if (/[ \t]{2}|\t/.test(s)) s = s.replace(/[ \t]+/g, ' ');
  if (s.startsWith(' ')) s = s.slice(1);
  if (s.endsWith(' ')) s = s.slice(0, -1);
  const n = s.length;
  if (n === 0) {
    lines.push('');
    return;
  }
  let start = 0;
  while (n - start > width) {
    let cut = s.lastIndexOf(' ', start + width);
    if (cut <= start) {
      // A word longer than the line stands alone on its own line.
      cut = s.indexOf(' ', start);
      if (cut < 0) break;
    }
    lines.push(s.slice(start, cut));
    start = cut + 1;
  }
  lines.push(s.slice(start));
}

/**
 * Fills `text` into lines at most `width` columns wide. `\n` in the text is a hard
 * break. Leading and trailing empty lines are dropped; the result may be empty.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const segment of text.split('\n')) {
    if (isSimpleText(segment)) {
      fillSimple(segment, width, lines);
      continue;
    }
    const tokens = tokenize(segment);
    if (tokens.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    let used = 0;
    for (const token of tokens) {
      if (current === '') {
        current = token.text;
        used = token.width;
        continue;
      }
      const extra = (token.space ? 1 : 0) + token.width;
      if (used + extra <= width) {
        current += token.space ? ` ${token.text}` : token.text;
        used += extra;
      } else {
        lines.push(current);
        current = token.text;
        used = token.width;
      }
    }
    lines.push(current);
  }
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return start === 0 && end === lines.length ? lines : lines.slice(start, end);
}
