// The book's type scale: sizes, leading and spacing, all derived from the body
// size so that a smaller page gets a proportionally smaller, consistent design.

import type { TextStyle } from './typeset/types.js';
import type { PageGeometry } from './geometry.js';

export interface HeadingStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  leading: number;
  /** Space above the heading (dropped at the top of a page). */
  before: number;
  /** Space between the heading and what follows. */
  after: number;
}

export interface BookStyles {
  /** Body text size and baseline-to-baseline distance. */
  size: number;
  leading: number;
  /** First-line indent of a paragraph that follows another paragraph. */
  indent: number;
  /** Vertical space around displays (lists, quotes, code, tables, figures). */
  display: number;
  note: { size: number; leading: number; gap: number; ruleWidth: number; ruleGap: number };
  code: { size: number; leading: number; pad: number; grey: number };
  quote: { size: number; leading: number; inset: number };
  caption: { size: number; leading: number; gap: number };
  table: { size: number; leading: number; padX: number; padY: number };
  list: { indent: number; gap: number };
  /** Indexed by outline depth 1–6 (index 0 unused). */
  headings: HeadingStyle[];
  /** Space above a chapter's opening heading, from the top of the text block. */
  chapterSink: number;
  runningHead: { size: number };
  toc: { size: number; leading: number; indent: number; folioWidth: number; dotPitch: number };
}

/** Body size that gives a comfortable measure (roughly 60–75 characters). */
function bodySize(textWidth: number): number {
  if (textWidth >= 360) return 11;
  if (textWidth >= 300) return 10.5;
  return 10;
}

export function bookStyles(g: PageGeometry): BookStyles {
  const s = bodySize(g.textWidth);
  const leading = round(s * 1.36);
  const heading = (size: number, bold: boolean, italic: boolean, before: number, after: number): HeadingStyle => ({
    size: round(size),
    bold,
    italic,
    leading: round(size * 1.22),
    before: round(before),
    after: round(after),
  });
  const noteSize = round(s * 0.82);
  const codeSize = round(s * 0.82);
  const quoteSize = round(s * 0.92);
  const tableSize = round(s * 0.9);
  return {
    size: s,
    leading,
    indent: round(s * 1.5),
    display: round(leading * 0.6),
    note: { size: noteSize, leading: round(noteSize * 1.3), gap: round(noteSize * 0.3), ruleWidth: round(g.textWidth * 0.3), ruleGap: round(leading * 0.8) },
    code: { size: codeSize, leading: round(codeSize * 1.35), pad: round(s * 0.5), grey: 0.94 },
    quote: { size: quoteSize, leading: round(quoteSize * 1.36), inset: round(s * 1.8) },
    caption: { size: round(s * 0.88), leading: round(s * 0.88 * 1.3), gap: round(s * 0.6) },
    table: { size: tableSize, leading: round(tableSize * 1.3), padX: round(s * 0.5), padY: round(s * 0.3) },
    list: { indent: round(s * 1.8), gap: round(s * 0.5) },
    headings: [
      heading(s, false, false, 0, 0),
      heading(s * 1.9, false, false, 0, leading * 2),
      heading(s * 1.3, true, false, leading * 1.4, leading * 0.5),
      heading(s * 1.12, true, false, leading * 1.1, leading * 0.4),
      heading(s, true, false, leading, leading * 0.3),
      heading(s, true, true, leading, leading * 0.3),
      heading(s, false, true, leading, leading * 0.3),
    ],
    chapterSink: round(g.textHeight * 0.14),
    runningHead: { size: round(s * 0.85) },
    toc: { size: s, leading: round(s * 1.5), indent: round(s * 1.5), folioWidth: round(s * 2.6), dotPitch: round(s * 0.8) },
  };
}

export function serif(size: number, bold = false, italic = false): TextStyle {
  return { family: 'serif', bold, italic, size };
}

export function mono(size: number): TextStyle {
  return { family: 'mono', bold: false, italic: false, size };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
