// The document model: what a manuscript means, independent of any edition.
//
// The reader (src/reader/) builds one `Book`; every edition (src/editions/*) is a
// pure function of it. Everything that must agree across editions — slugs, heading
// numbering, the contents tree, note numbers, resource names — is computed once,
// here in the model, so no renderer re-derives it differently.

/** Where something came from, for messages: `manuscript/article.md:12`. */
export interface SourcePos {
  /** Path as the user would type it (relative to the working directory). */
  file: string;
  /** 1-based line in that file, front matter included. */
  line: number;
}

// ---------------------------------------------------------------------------
// Inlines

export type Inline =
  | TextInline
  | StyledInline
  | CodeInline
  | LinkInline
  | ImageInline
  | BreakInline
  | NoteRefInline
  | AbbrInline;

export interface TextInline {
  type: 'text';
  value: string;
}

/** Character styles that only wrap other inlines. */
export interface StyledInline {
  type: 'emphasis' | 'strong' | 'strikethrough' | 'subscript' | 'superscript';
  children: Inline[];
}

export interface CodeInline {
  type: 'code';
  value: string;
}

export interface LinkInline {
  type: 'link';
  /**
   * External target (http:, https:, mailto:) or, when `internal` is set,
   * `#id` of a heading/anchor in this book. Unsafe schemes never reach the model.
   */
  href: string;
  title?: string;
  /** The target heading's id when the link points inside the book. */
  internal?: string;
  /** 1-based number of the URL in the book's list of external links (text edition's references). */
  refNumber?: number;
  children: Inline[];
}

export interface ImageInline {
  type: 'image';
  /** Id of the entry in `Book.resources`. */
  resource: string;
  /** Alt text; empty string when the author gave none (a warning was issued). */
  alt: string;
  title?: string;
  pos: SourcePos;
}

/** A hard line break. */
export interface BreakInline {
  type: 'break';
}

export interface NoteRefInline {
  type: 'noteref';
  /** 1-based note number, in order of first reference across the whole book. */
  number: number;
}

export interface AbbrInline {
  type: 'abbr';
  title?: string;
  children: Inline[];
}

// ---------------------------------------------------------------------------
// Blocks

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | FigureBlock
  | BlockQuoteBlock
  | ListBlock
  | CodeBlock
  | ThematicBreakBlock
  | TableBlock;

interface BlockBase {
  /**
   * Stable id, unique in the book (`b1`, `b2`, … in reading order). Editions use it
   * to tie things together, e.g. the EPUB's print page markers refer to the PDF's
   * page starts by block id and word offset.
   */
  id: string;
  pos: SourcePos;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 1–6, as written in the manuscript. */
  level: number;
  /**
   * Depth in the book's outline: 1 for the top heading level present in the book,
   * 2 for the next, … (so a book whose top headings are `##` has them at depth 1).
   */
  depth: number;
  /** Unique slug, used as fragment id in every edition. */
  slug: string;
  content: Inline[];
  /** Plain text of the heading, for outlines, NCX and running heads. */
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  content: Inline[];
}

/** A paragraph holding nothing but one image: set as a figure with a caption. */
export interface FigureBlock extends BlockBase {
  type: 'figure';
  image: ImageInline;
  /** From the image title, else its alt text; may be empty. */
  caption: Inline[];
}

export interface BlockQuoteBlock extends BlockBase {
  type: 'blockquote';
  children: Block[];
}

export interface ListItem {
  /** `true`/`false` for a GFM task item, `null` otherwise. */
  checked: boolean | null;
  children: Block[];
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  /** Tight lists have no blank lines between items (no paragraph spacing). */
  tight: boolean;
  items: ListItem[];
}

export interface CodeBlock extends BlockBase {
  type: 'code';
  lang?: string;
  value: string;
}

export interface ThematicBreakBlock extends BlockBase {
  type: 'thematicBreak';
}

export type CellAlign = 'left' | 'right' | 'center' | null;

export interface TableBlock extends BlockBase {
  type: 'table';
  align: CellAlign[];
  /** Header row cells. */
  head: Inline[][];
  /** Body rows; every row has `align.length` cells. */
  rows: Inline[][][];
}

// ---------------------------------------------------------------------------
// Notes, resources, contents

export interface Note {
  /** 1-based, in order of first reference across the book. */
  number: number;
  /** Fragment id of the note body (`fn-3`), unique in the book. */
  id: string;
  /** Fragment id of the first reference (`fnref-3`). */
  refId: string;
  /** Index into `Book.chapters` of the chapter that first cites the note. */
  chapter: number;
  children: Block[];
  pos: SourcePos;
}

export type MediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Resource {
  /** Stable id derived from the content hash (`img-1a2b3c4d5e`). */
  id: string;
  /** File name to use inside packages: `<id>.<ext>`. */
  fileName: string;
  mediaType: MediaType;
  data: Buffer;
  /** Intrinsic size in pixels (SVG: from width/height or viewBox). */
  width: number;
  height: number;
  /** Absolute path it was read from. */
  path: string;
}

export interface TocEntry {
  /** The heading's slug (fragment id). */
  slug: string;
  /** The heading's block id. */
  blockId: string;
  text: string;
  content: Inline[];
  depth: number;
  /** Index into `Book.chapters`. */
  chapter: number;
  children: TocEntry[];
}

export interface Chapter {
  /** 0-based position in reading order. */
  index: number;
  /** Stable file-friendly id: `ch01`, `ch02`, … */
  id: string;
  /** The chapter's opening heading, absent for text that precedes the first heading. */
  heading?: HeadingBlock;
  /** The chapter's plain-text title (heading text, else the book title). */
  title: string;
  /** Blocks in reading order, the opening heading included as the first block. */
  blocks: Block[];
  /** Numbers of the notes first cited in this chapter, ascending. */
  notes: number[];
}

// ---------------------------------------------------------------------------
// Metadata

export interface Identifier {
  value: string;
  scheme: 'isbn' | 'urn' | 'uuid';
}

export interface PageSize {
  /** Name as given or derived (`A4`, `Letter`, `6x9in`, `150x220mm`). */
  name: string;
  /** Width and height in PostScript points. */
  width: number;
  height: number;
}

export interface Metadata {
  title: string;
  subtitle?: string;
  authors: string[];
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  /** BCP 47 language tag. */
  lang: string;
  publisher?: string;
  rights?: string;
  description?: string;
  keywords: string[];
  identifier: Identifier;
  slug: string;
  /** Id of the cover image in `Book.resources`, when the front matter names one. */
  cover?: string;
  tocDepth: number;
  series?: string;
  seriesIndex?: number;
  pdf: {
    size: PageSize;
    binding: boolean;
  };
  epub: {
    /** Embed the PDF's text face in the EPUB. */
    fonts: boolean;
  };
  /**
   * The build's timestamp: `SOURCE_DATE_EPOCH` when set, else the front-matter date
   * at 00:00 UTC. Used for every date the editions carry, never the wall clock.
   */
  buildDate: Date;
}

export interface SourceFile {
  /** Path relative to the working directory. */
  file: string;
  sha256: string;
}

/** External link targets, numbered in order of first appearance (text edition's references). */
export interface LinkRef {
  number: number;
  href: string;
}

export interface Book {
  meta: Metadata;
  chapters: Chapter[];
  /** Headings down to `meta.tocDepth`, nested. */
  toc: TocEntry[];
  /** All notes, indexed by `number - 1`. */
  notes: Note[];
  resources: Resource[];
  links: LinkRef[];
  sources: SourceFile[];
  /** Folder the manuscript lives in (absolute). */
  root: string;
}
