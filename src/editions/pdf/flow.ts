// The vertical list: what the block layouter produces and the paginator cuts into
// pages. A `FlowBox` is an unbreakable slice of the text column (usually one line)
// with the drawing operations it holds, relative to its own top-left corner on the
// text block; between boxes sit glue (`spaceBefore`, dropped at the top of a page)
// and a yes/no break permission (`breakAfter`), which is how widow/orphan control
// and keep-with-next are expressed.

import type { Resource } from '../../model/document.js';
import type { SetLine } from './typeset/types.js';

/** A structure element of the tagged PDF, created in pdfkit when its first content is drawn. */
export interface StructNode {
  type: string;
  /** `null` for the root, or for a note, whose parent is the paragraph that cites it on each page. */
  parent: StructNode | null;
  alt?: string;
  /** Header cell scope. */
  scope?: 'Column' | 'Row';
  /** Ask for a layout bounding box (figures). */
  bbox?: boolean;
}

export function structNode(type: string, parent: StructNode | null, extra: Partial<StructNode> = {}): StructNode {
  return { type, parent, ...extra };
}

/** Drawn but not part of the content (rules, fills, repeated headers, running heads). */
export const ARTIFACT = 'artifact' as const;
export type Owner = StructNode | typeof ARTIFACT;

export type Drawable =
  | { kind: 'line'; line: SetLine; x: number; baseline: number; owner: Owner }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; grey: number }
  | { kind: 'rule'; x: number; y: number; w: number; thickness: number; grey: number }
  /**
   * Dot leaders: the period `dot` (a set line) repeated on a fixed pitch measured from
   * the text block's left edge, so the dots of all entries line up in columns.
   */
  | { kind: 'dots'; from: number; to: number; baseline: number; pitch: number; dot: SetLine; space: number }
  | { kind: 'image'; resource: Resource; x: number; y: number; w: number; h: number; owner: StructNode }
  /** Named destination at this height (heading slugs). */
  | { kind: 'anchor'; name: string; y: number }
  /** A link annotation over an area, owned by a Link structure element. */
  | { kind: 'link'; x: number; y: number; w: number; h: number; target: string; owner: StructNode; contents: string }
  /** Makes sure a structure element exists here in reading order even if it draws nothing (empty cells). */
  | { kind: 'struct'; owner: StructNode };

export type BoxKind = 'line' | 'heading' | 'figure' | 'row' | 'code' | 'break' | 'space' | 'toc' | 'note';

export interface FlowBox {
  kind: BoxKind;
  height: number;
  /** Glue above the box; dropped when the box starts a page. */
  spaceBefore: number;
  items: Drawable[];
  /** May a page end after this box? */
  breakAfter: boolean;
  /** A forced page break before this box (chapter openings). */
  forceBreak?: 'page' | 'recto';
  /** Note numbers cited in this box. */
  noteRefs: number[];
  /** First word starting in this box (for page starts). */
  firstWord?: { blockId: string; word: number };
  /** Boxes drawn again at the top of a page this box starts (a table's header row). */
  repeat?: FlowBox[];
  /** Drawn only when the box ends a page (a continued table's closing rule). */
  pageEnd?: Drawable[];
  /** Background fill shared by consecutive boxes of one group (code blocks). */
  fill?: { group: string; x: number; w: number; grey: number };
  /** The box's line ends with an inserted hyphen (a page break after it splits a word). */
  hyphenated?: boolean;
  /** Paragraph line bookkeeping, for widow/orphan checks. */
  para?: { blockId: string; line: number; lines: number };
  /** Heading set in this box (first line of the heading only). */
  heading?: { blockId: string; slug: string; depth: number; text: string };
  /** Index of the chapter the box belongs to (-1 outside the body). */
  chapter: number;
}

export function box(kind: BoxKind, height: number, items: Drawable[], chapter: number, extra: Partial<FlowBox> = {}): FlowBox {
  return { kind, height, spaceBefore: 0, items, breakAfter: true, noteRefs: [], chapter, ...extra };
}

/** Top of a line's box to its baseline: half the extra leading above the ascent. */
export function baselineOffset(line: SetLine): number {
  return (line.leading - line.ascent - line.descent) / 2 + line.ascent;
}
