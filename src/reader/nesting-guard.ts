// A cheap look at the source before the Markdown parser sees it. micromark's time
// grows faster than linearly with nesting depth (3,000 nested quotes take minutes;
// 20,000 nested emphasis markers overflow its stack), so deeply nested input is
// refused here, in one linear pass, with the line where it happens. The estimates
// err on the high side and the limit here is looser than the model's own check
// (`NESTING_LIMIT`, enforced exactly while converting), so no real text trips it.

import { InputError } from '../diagnostics.js';

/** Deepest nesting the model accepts (block quotes/lists, or inline spans). */
export const NESTING_LIMIT = 100;
/** Estimated depth at which the source is refused before parsing. */
const ESTIMATE_LIMIT = NESTING_LIMIT + 50;
/** Unclosed `[` that cost the parser quadratic time; no prose comes near. */
const BRACKET_LIMIT = 1000;

export const CONTAINER_MESSAGE = `nesting deeper than ${NESTING_LIMIT} levels (block quotes/lists)`;
export const INLINE_MESSAGE = `nesting deeper than ${NESTING_LIMIT} levels (emphasis/links)`;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])[ \t]*\1[ \t]*\1[ \t\-*_]*$/;

export function checkNesting(body: string, file: string, lineOffset: number): void {
  const lines = body.split('\n');
  // Content columns of the list items that may still contain the current line.
  const items: number[] = [];
  let fence: string | undefined;
  const inline = new InlineDepth();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];

    // Block quote markers first; then, after the indentation, list and quote
    // markers: `> >   - 1. > …`.
    let i = 0;
    let quotes = 0;
    for (;;) {
      let j = i;
      while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
      if (line[j] !== '>') break;
      quotes++;
      i = j + 1;
      if (line[i] === ' ') i++;
    }
    const afterQuotes = line.slice(i);
    const indent = columns(afterQuotes);
    let k = afterQuotes.length - afterQuotes.trimStart().length;
    let markers = 0;
    const startsItem = LIST_MARKER.test(afterQuotes.slice(k, k + 12)) && !THEMATIC_BREAK.test(afterQuotes.slice(k));
    for (;;) {
      while (k < afterQuotes.length && (afterQuotes[k] === ' ' || afterQuotes[k] === '\t')) k++;
      if (afterQuotes[k] === '>') {
        markers++;
        k++;
        continue;
      }
      const m = LIST_MARKER.exec(afterQuotes.slice(k, k + 12));
      if (m && !THEMATIC_BREAK.test(afterQuotes.slice(k))) {
        markers++;
        k += m[0].length;
        continue;
      }
      break;
    }
    const rest = afterQuotes.slice(k);
    const at = { file, line: n + 1 + lineOffset };
    if (rest.trim() === '' && markers === 0) {
      // Blank lines keep list items open.
      inline.reset();
      if (quotes > ESTIMATE_LIMIT) throw new InputError(CONTAINER_MESSAGE, at);
      continue;
    }

    // Lists nested by indentation: the items whose content column this line reaches.
    while (items.length > 0 && items[items.length - 1] > indent) items.pop();
    if (startsItem) items.push(indent + 2);
    const depth = quotes + items.length + markers - (startsItem ? 1 : 0);
    if (depth > ESTIMATE_LIMIT) throw new InputError(CONTAINER_MESSAGE, at);

    const fenceMatch = /^(`{3,}|~{3,})/.exec(rest);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      inline.reset();
      continue;
    }
    if (markers > 0 || /^#{1,6}(?:[ \t]|$)/.test(rest)) inline.reset();
    const problem = inline.scan(rest);
    if (problem) throw new InputError(problem, at);
  }
}

function columns(s: string): number {
  let col = 0;
  for (const ch of s) {
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/**
 * Tracks how deep emphasis/strikethrough openers and `[` could nest within one
 * paragraph, by a simplified version of CommonMark's delimiter rules.
 */
class InlineDepth {
  private stack: Array<{ ch: string; weight: number }> = [];
  private weight = 0;
  private brackets = 0;

  reset(): void {
    this.stack = [];
    this.weight = 0;
    this.brackets = 0;
  }

  scan(text: string): string | undefined {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '[') {
        if (++this.brackets > BRACKET_LIMIT) return INLINE_MESSAGE;
        i++;
        continue;
      }
      if (ch === ']') {
        if (this.brackets > 0) this.brackets--;
        i++;
        continue;
      }
      if (ch !== '*' && ch !== '_' && ch !== '~') {
        i++;
        continue;
      }
      let j = i;
      while (j < n && text[j] === ch) j++;
      const run = j - i;
      const before = i > 0 ? text[i - 1] : ' ';
      const after = j < n ? text[j] : ' ';
      const spaceBefore = /\s/u.test(before);
      const spaceAfter = /\s/u.test(after);
      const punctBefore = /[\p{P}\p{S}]/u.test(before);
      const punctAfter = /[\p{P}\p{S}]/u.test(after);
      const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
      const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
      let opens = left;
      let closes = right;
      if (ch === '_') {
        opens = left && (!right || punctBefore);
        closes = right && (!left || punctAfter);
      }
      const w = ch === '~' ? 1 : Math.ceil(run / 2);
      let match = -1;
      if (closes) for (let k = this.stack.length - 1; k >= 0 && match < 0; k--) if (this.stack[k].ch === ch) match = k;
      if (match >= 0) {
        for (let k = match; k < this.stack.length; k++) this.weight -= this.stack[k].weight;
        this.stack.length = match;
      } else if (opens) {
        this.stack.push({ ch, weight: w });
        this.weight += w;
        if (this.weight > ESTIMATE_LIMIT) return INLINE_MESSAGE;
      }
      i = j;
    }
    return undefined;
  }
}
