// The composed book: every page with everything on it, positioned, before a
// single byte of PDF is written. Tests inspect this model directly (widows,
// orphans, headings at the foot, running heads).

import type { NotePiece, PlacedBox } from './paginate.js';

export type PageKind = 'title' | 'contents' | 'body' | 'blank';

export interface ComposedPage {
  kind: PageKind;
  /** Printed folio and page label (`iii`, `12`). */
  label: string;
  /** Content of the text block, positioned from its top. */
  boxes: PlacedBox[];
  notes: NotePiece[];
  noteRuleY?: number;
  /** Text of the running head, when the page has one. */
  runningHead?: string;
  /** Whether the folio is printed at the foot. */
  folio: boolean;
  /** First page of a chapter. */
  chapterOpening: boolean;
  /** Chapter the page belongs to (-1 for front matter). */
  chapter: number;
}

export interface ComposedBook {
  pages: ComposedPage[];
  /** Number of front-matter pages (roman folios). */
  frontPages: number;
  /** Where each heading landed: 1-based physical page and offset from the top of the text block. */
  headings: Map<string, { page: number; y: number; label: string }>;
}
