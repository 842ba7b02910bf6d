// The text edition's opening: a centred title block, as on a printed title page
// (and in Project Gutenberg texts), then the contents, flush left like the text.
//
//                           Title of the Book
//                           =================
//                            Subtitle, if any
//
//                    Ada Lovelace and Charles Babbage
//                              May 1, 2024
//
//                             Imprint Press
//                           © 2024 The Authors
//
// Authors are joined and the date written out in the book's language (Intl, UTC,
// so the same book gives the same text anywhere); a date that is not a plain
// YYYY-MM-DD is shown as written. An ISBN, when the book has one, closes the block.
// Contents entries are the headings' plain text, two spaces of indent per level,
// under the contents heading the other editions use ("Contents" in English books).

import type { Book, Metadata, TocEntry } from '../../model/document.js';
import { displayIdentifier } from '../common/identifier.js';
import { labelsFor } from '../common/labels.js';
import { formatAuthors, formatDate } from '../common/names-and-dates.js';
import { centre } from './block-layout.js';
import { displayWidth } from './display-width.js';
import { wrapText } from './wrap.js';

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * Wraps centred text into as few lines as the width allows, but balanced: the
 * narrowest measure that needs no more lines, so a long subtitle does not leave
 * one word alone on its last line.
 */
function balanced(text: string, width: number): string[] {
  const lines = wrapText(text, width);
  if (lines.length < 2) return lines;
  let lo = 1;
  let hi = width;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wrapText(text, mid).length <= lines.length) hi = mid;
    else lo = mid + 1;
  }
  return wrapText(text, lo);
}

function centred(text: string, width: number): string[] {
  return balanced(oneLine(text), width).map((line) => centre(line, width));
}

export function titleBlock(meta: Metadata, width: number): string[] {
  const out: string[] = [];
  const title = balanced(oneLine(meta.title), width);
  let longest = 0;
  for (const line of title) longest = Math.max(longest, displayWidth(line));
  for (const line of title) out.push(centre(line, width));
  if (longest > 0) out.push(centre('='.repeat(longest), width));
  if (meta.subtitle) out.push(...centred(meta.subtitle, width));

  const byline = [...centred(formatAuthors(meta.authors.map(oneLine).filter(Boolean), meta.lang), width), ...centred(oneLine(formatDate(meta.date, meta.lang)), width)];
  if (byline.length > 0) out.push('', ...byline);

  const imprint: string[] = [];
  if (meta.publisher) imprint.push(...centred(meta.publisher, width));
  if (meta.rights) imprint.push(...centred(meta.rights, width));
  if (meta.identifier.scheme === 'isbn') imprint.push(...centred(displayIdentifier(meta.identifier), width));
  if (imprint.length > 0) out.push('', ...imprint);
  return out;
}

/** Contents: one line per heading down to `tocDepth`, two spaces of indent per level. */
export function contents(book: Book, width: number): string[] {
  if (book.toc.length === 0) return [];
  const label = labelsFor(book.meta.lang).contents;
  const out = [label, '='.repeat(displayWidth(label)), ''];
  const walk = (entries: readonly TocEntry[], level: number) => {
    for (const entry of entries) {
      const indent = '  '.repeat(level);
      // Long entries hang two columns deeper than their children so the two can't be confused.
      const lines = wrapText(oneLine(entry.text), Math.max(width - indent.length - 4, 8));
      lines.forEach((line, i) => out.push(i === 0 ? indent + line : `${indent}    ${line}`));
      walk(entry.children, level + 1);
    }
  };
  walk(book.toc, 0);
  return out;
}
