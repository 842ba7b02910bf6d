// Inlines as plain text. The conventions, chosen to stay readable in any viewer
// and to match what plain-text readers already know (Project Gutenberg, e-mail,
// Markdown):
//
//   emphasis        _word_            strong          *word*
//   strikethrough   ~~word~~          code            `word`
//   superscript     x² (Unicode when every character has a superscript form, else x^(abc))
//   subscript       H₂O (likewise, else x_(abc))
//   note reference  word[3]           external link   link text <2>
//   inline image    [Image: alt]      abbreviation    WHO (World Health Organization), expanded at first use
//
// Notes take square brackets, the universal footnote mark; link references take
// angle brackets because <…> is the traditional plain-text delimiter of a URL
// (RFC 3986, appendix C), so `<2>` reads as "URL number 2" and the two never
// collide. Internal cross-references keep only their text: there is nothing to
// follow in a text file, and the contents already gives the structure.

import type { Book, Inline } from '../../model/document.js';

/**
 * Joins a link's text to its reference mark so a line never begins with a bare
 * `<2>`. The wrapper treats it as part of a word; it becomes a space on output.
 * Control characters are removed from the manuscript's text, so it cannot clash.
 */
export const GLUE = '\u0001';

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const SOURCE_WHITESPACE = /[\t\n\r\f\v]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
};

function script(text: string, map: Record<string, string>, fallback: string): string {
  if (text === '') return '';
  let out = '';
  for (const ch of text) {
    const mapped = map[ch];
    if (mapped === undefined) return `${fallback}(${text})`;
    out += mapped;
  }
  return out;
}

/** Backtick fence one longer than any run inside, as Markdown does. */
function codeSpan(value: string): string {
  const text = value.replace(CONTROLS, '').replace(SOURCE_WHITESPACE, ' ');
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Writes inlines as one string, `\n` standing for a hard break. Remembers which
 * external links were cited so the chapter can list them.
 */
export class InlineWriter {
  private readonly hrefByNumber = new Map<number, string>();
  private readonly numberByHref = new Map<string, number>();
  private readonly expanded = new Set<string>();
  private cited: number[] = [];

  constructor(book: Book) {
    for (const link of book.links) {
      this.hrefByNumber.set(link.number, link.href);
      if (!this.numberByHref.has(link.href)) this.numberByHref.set(link.href, link.number);
    }
  }

  /** `styled: false` drops emphasis marks and abbreviation expansions (headings, contents). */
  write(inlines: readonly Inline[], styled = true): string {
    let out = '';
    for (const node of inlines) out += this.one(node, styled);
    return out;
  }

  /** External link numbers cited since the last call, in order of citation. */
  takeCitedLinks(): number[] {
    const cited = this.cited;
    this.cited = [];
    return cited;
  }

  href(number: number): string | undefined {
    return this.hrefByNumber.get(number);
  }

  private one(node: Inline, styled: boolean): string {
    switch (node.type) {
      case 'text':
        return this.clean(node.value);
      case 'code':
        return codeSpan(node.value);
      case 'break':
        return '\n';
      case 'noteref':
        return `[${node.number}]`;
      case 'image':
        return node.alt.trim() ? `[Image: ${this.clean(node.alt)}]` : '[Image]';
      case 'emphasis':
        return this.wrapped(node.children, styled ? '_' : '', styled);
      case 'strong':
        return this.wrapped(node.children, styled ? '*' : '', styled);
      case 'strikethrough':
        return this.wrapped(node.children, styled ? '~~' : '', styled);
      case 'superscript':
        return script(this.write(node.children, styled), SUPERSCRIPT, '^');
      case 'subscript':
        return script(this.write(node.children, styled), SUBSCRIPT, '_');
      case 'abbr': {
        const text = this.write(node.children, styled);
        const title = node.title ? this.clean(node.title).trim() : '';
        const key = `${text}\u0000${title}`;
        if (!styled || !title || title === text || this.expanded.has(key)) return text;
        this.expanded.add(key);
        return `${text} (${title})`;
      }
      case 'link':
        return this.link(node, styled);
    }
  }

  private wrapped(children: readonly Inline[], mark: string, styled: boolean): string {
    const inner = this.write(children, styled);
    if (!mark || inner.trim() === '') return inner;
    // Keep the marks against the words: `_ word _` would read as stray underscores.
    const lead = inner.match(/^ */)![0];
    const trail = inner.match(/ *$/)![0];
    return `${lead}${mark}${inner.trim()}${mark}${trail}`;
  }

  private link(node: Extract<Inline, { type: 'link' }>, styled: boolean): string {
    const text = this.write(node.children, styled) || this.clean(node.href);
    if (node.internal !== undefined || node.href.startsWith('#')) return text;
    const number = node.refNumber ?? this.numberByHref.get(node.href);
    if (number === undefined) return `${text}${GLUE}<${this.clean(node.href)}>`;
    if (!this.hrefByNumber.has(number)) this.hrefByNumber.set(number, node.href);
    this.cited.push(number);
    return `${text}${GLUE}<${number}>`;
  }

  private clean(text: string): string {
    // Most text has nothing to clean: test before copying.
    return ANY_CONTROL.test(text) ? text.replace(CONTROLS, '').replace(SOURCE_WHITESPACE, ' ') : text;
  }
}
