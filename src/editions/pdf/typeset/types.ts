// The contract between the PDF page composer (src/editions/pdf/*) and the
// typesetting core (src/editions/pdf/typeset/*): the composer describes a paragraph
// as styled spans; the core breaks it into lines of positioned glyph runs and can
// draw a line into a pdfkit document. All lengths are PostScript points.

import type { SourcePos } from '../../../model/document.js';

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
  /**
   * Line breaker: optimal total fit (default) or first fit without hyphenation, which
   * is what pdfkit's own wrapper does; `greedy` exists for before/after measurements.
   */
  breaker?: 'knuth-plass' | 'greedy';
  /**
   * Font expansion when justifying: glyphs may be scaled horizontally by up to ±2 %
   * (as pdfTeX's microtype does), so fewer lines need wide spaces or hyphens. Default true.
   */
  expansion?: boolean;
  /**
   * Base direction. Default `auto`: right-to-left when `lang` is a right-to-left
   * language (he, ar, fa, ur, yi, …), else from the first strong character.
   */
  direction?: 'ltr' | 'rtl' | 'auto';
  /** Where the paragraph is in the manuscript, for warnings (e.g. a character no font has). */
  pos?: SourcePos;
}

/** A single line set without breaking (running heads, folios, labels, leaders). */
export interface SingleLineOptions {
  lang: string;
  /** Measure to align in; default the natural width. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  direction?: 'ltr' | 'rtl' | 'auto';
  pos?: SourcePos;
}

/** Where a linked stretch of a drawn line is, in pdfkit's top-down page coordinates. */
export interface LinkBox {
  x: number;
  /** Top of the box (baseline − line ascent). */
  y: number;
  width: number;
  height: number;
  /** External URL or `#slug`. */
  link: string;
  /** Indexes into `SetLine.runs` of the runs the box covers. */
  runs: number[];
}

export interface DrawLineOptions {
  /**
   * Create the link annotations (default true). Pass false to create them yourself
   * from the returned boxes, e.g. with a `structParent` for tagged PDF.
   */
  annotate?: boolean;
  /** Extra options passed to `doc.link` / `doc.goTo` (e.g. `{ structParent }`). */
  linkOptions?: (box: LinkBox) => Record<string, unknown> | undefined;
}

export interface TypesetStats {
  /** Lines set by `setParagraph` (single lines from `setSingleLine` are not counted). */
  lines: number;
  /** Lines stretched or shrunk to the measure (justified paragraphs, last lines excluded). */
  justifiedLines: number;
  /** Justified lines whose word spaces are more than 1.5 × their natural width. */
  looseLines: number;
  /** Lines that end with an inserted hyphen. */
  hyphenatedLines: number;
  /** Pairs of consecutive lines that both end with an inserted hyphen (a run of 3 counts 2). */
  consecutiveHyphens: number;
  /** Longest run of consecutive hyphenated lines. */
  maxHyphenRun: number;
  /** Lines wider than their measure (only a single glyph wider than the measure can cause one). */
  overfullLines: number;
  /** Paragraphs set, and how many needed the hyphenation pass or the emergency pass. */
  paragraphs: number;
  hyphenationPasses: number;
  emergencyPasses: number;
  /** Words given to `setParagraph` (maximal runs of non-space), for throughput figures. */
  words: number;
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
  /**
   * Extra space added to each U+0020 space of the run when justified (other space
   * characters, e.g. no-break or thin spaces, get extra in proportion to their width).
   */
  wordSpacing: number;
  /**
   * Extra space at each inter-character gap inside the run when a line of text set
   * without spaces (Chinese, Japanese) is justified: between two characters one of which
   * is CJK, outside clusters (see cjk.ts `isGap`). Absent or 0 for none.
   */
  interCharSpacing?: number;
  style: TextStyle;
  link?: string;
  noteRef?: number;
  /**
   * Right-to-left run: runs are in visual order on the line, but `text` stays in
   * logical order; the drawing code reverses it.
   */
  rtl?: boolean;
  /** Bidi embedding level (0 for ordinary left-to-right text). */
  level?: number;
  /**
   * Horizontal glyph scaling of a justified line (font expansion, at most ±2 %), 1 or
   * absent for none. `width` includes it; `wordSpacing` does not depend on it.
   */
  scale?: number;
}

export interface SetLine {
  runs: GlyphRun[];
  /** Natural width of the content. */
  width: number;
  /** Available width the line was set to. */
  measure: number;
  /**
   * Height above baseline and below it, for the tallest run, from the metrics of the face
   * each run's style asks for (not of a fallback face), so that a line with CJK or emoji
   * has the ascent and descent of a Latin line in the same styles.
   */
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
