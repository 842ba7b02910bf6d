// The contract between the PDF page composer (src/editions/pdf/*) and the
// typesetting core (src/editions/pdf/typeset/*): the composer describes a paragraph
// as styled spans; the core breaks it into lines of positioned glyph runs and can
// draw a line into a pdfkit document. All lengths are PostScript points.

/** A face family of the book. `serif` is the text face, `mono` the code face. */
export type Family = 'serif' | 'mono';

export interface TextStyle {
  family: Family;
  bold: boolean;
  italic: boolean;
  /** Font size in points. */
  size: number;
  /** Raised/lowered smaller text (sub/sup, note markers). */
  baselineShift?: 'sub' | 'super';
  strike?: boolean;
  /** Grey 0–1 for the text colour; default black. */
  grey?: number;
}

/** One stretch of text in one style, with what it links to. */
export interface Span {
  text: string;
  style: TextStyle;
  /** External URL, or `#slug` for an internal cross-reference. */
  link?: string;
  /** Set when the span is a footnote reference marker. */
  noteRef?: number;
  /**
   * Id of the model block this text comes from, with the index of its first word
   * in that block (word = maximal run of non-whitespace). Lets the composer report
   * which word starts each page (EPUB print-page parity).
   */
  source?: { blockId: string; word: number };
}

export interface ParagraphOptions {
  /** Width of each line; a function lets the first line differ (indents, hanging labels). */
  width: number | ((lineIndex: number) => number);
  /** BCP 47 tag, chooses hyphenation patterns and bidi base direction. */
  lang: string;
  align: 'justify' | 'left' | 'center' | 'right';
  /** Allow hyphenation (body text yes; headings, code no). */
  hyphenate: boolean;
  /** Preserve all spaces and break only at explicit `\n` or when a line overflows (code). */
  preformatted?: boolean;
  /** Line advance (baseline to baseline); default 1.35 × the largest size on the line. */
  leading?: number;
}

/** A run of glyphs in one font at one position on a line. */
export interface GlyphRun {
  /** Offset from the line's left edge. */
  x: number;
  width: number;
  text: string;
  /** Key of the concrete font used (after fallback), for the drawing code. */
  font: string;
  size: number;
  /** Vertical offset from the baseline (positive = up). */
  rise: number;
  /** Extra space added to each space character when justified. */
  wordSpacing: number;
  style: TextStyle;
  link?: string;
  noteRef?: number;
  /** Right-to-left run (already in visual order on the line). */
  rtl?: boolean;
}

export interface SetLine {
  runs: GlyphRun[];
  /** Natural width of the content. */
  width: number;
  /** Available width the line was set to. */
  measure: number;
  /** Height above baseline and below it, for the tallest run. */
  ascent: number;
  descent: number;
  /** Baseline-to-baseline advance. */
  leading: number;
  /** The line ends with an inserted hyphen. */
  hyphenated: boolean;
  /** Word-space stretch of a justified line: space width ÷ natural space width (1 = natural). */
  spaceRatio: number;
  /** Source of the first word that starts on this line (see `Span.source`). */
  firstWord?: { blockId: string; word: number };
  /** Note numbers referenced on this line, in order (for footnotes at the page foot). */
  noteRefs: number[];
}
