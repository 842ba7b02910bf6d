// Backslash escapes that make plain text come back out of a CommonMark/GFM reader
// word for word. Only what could start markup is escaped, so the Markdown stays
// readable: quotes, dashes and all other punctuation are written as they are.
//
// Bare URLs and e-mail addresses are left alone on purpose: GFM turns them into
// links, which keeps their text and is what the author meant by them.

/**
 * Characters that open inline markup anywhere in a line: emphasis (* _), code (`),
 * strikethrough (~, single or double in GFM), links/images/notes ([), raw HTML and
 * autolinks (<), and the escape character itself.
 */
const INLINE = /[\\`*_~[<]/g;

/** `&copy;`, `&#169;`, `&#xA9;`: entity references the reader would decode. */
const ENTITY = /&(?=[A-Za-z][A-Za-z0-9]{1,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)/g;

export function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => `\\${c}`).replace(ENTITY, '\\&');
}

/**
 * Escapes a paragraph's text. On top of the inline escapes, a line must not open a
 * block: an ATX heading (#), a block quote (>), a bullet list or thematic break
 * (- + *), an ordered list (`1.` `1)`), or an indented code block (leading blanks
 * are trimmed by the importer before this is called).
 */
export function escapeParagraph(text: string): string {
  const inline = escapeInline(text);
  if (/^[#>+-]/.test(inline)) return `\\${inline}`;
  // `*` was already escaped inline. `=` cannot underline anything: every paragraph
  // is one line with a blank line before it.
  return inline.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Escapes heading text for `## text`; a trailing `#` would be read as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeInline(text).replace(/#$/, '\\#');
}
