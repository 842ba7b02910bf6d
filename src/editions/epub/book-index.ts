// What every EPUB document needs to know about the whole book: which file each
// chapter and anchor lives in, the resources by id, the print page markers, and
// the order in which navigation targets occur (for the NCX playOrder).

import type { Diagnostics } from '../../diagnostics.js';
import type { Block, Book, Resource } from '../../model/document.js';
import { labelsFor, type Labels } from '../common/labels.js';
import type { PageStart } from '../edition.js';
import { resolvePageMarkers, type PageMarker } from './page-markers.js';

export const FILES = {
  cover: 'cover.xhtml',
  titlePage: 'titlepage.xhtml',
  nav: 'toc.xhtml',
  colophon: 'colophon.xhtml',
  css: 'style.css',
  ncx: 'toc.ncx',
} as const;

/** A page marker as placed, with where it ended up. */
export interface PlacedMarker extends PageMarker {
  file: string;
}

export interface BookIndex {
  book: Book;
  labels: Labels;
  /** `ch01.xhtml` for chapter 0, … */
  chapterFiles: string[];
  /** Fragment id (heading slug, note id, note reference id) → file holding it. */
  anchorFile: Map<string, string>;
  resources: Map<string, Resource>;
  /** Leaf block id → markers to place in it, in word order. */
  markers: Map<string, PageMarker[]>;
  /** Filled while chapters render: markers in reading order. */
  placed: PlacedMarker[];
  /** `file#id` of every heading and page marker, in reading order, as written. */
  sequence: string[];
  /** Images the chapters reference (resource ids), in first-use order. */
  usedImages: string[];
  /** Images written into the text (every use counted), and how many of them lack alt text. */
  imageUses: number;
  imagesWithoutAlt: number;
  diagnostics: Diagnostics;
}

function visitBlocks(blocks: readonly Block[], fn: (b: Block) => void): void {
  for (const b of blocks) {
    fn(b);
    if (b.type === 'blockquote') visitBlocks(b.children, fn);
    else if (b.type === 'list') for (const item of b.items) visitBlocks(item.children, fn);
  }
}

export function indexBook(book: Book, diagnostics: Diagnostics, pageStarts: readonly PageStart[] | undefined): BookIndex {
  const chapterFiles = book.chapters.map((ch) => `${ch.id}.xhtml`);
  const anchorFile = new Map<string, string>();
  book.chapters.forEach((ch, i) => {
    visitBlocks(ch.blocks, (b) => {
      if (b.type === 'heading') anchorFile.set(b.slug, chapterFiles[i]);
    });
  });
  for (const note of book.notes) {
    const file = chapterFiles[note.chapter] ?? chapterFiles[0];
    anchorFile.set(note.id, file);
    anchorFile.set(note.refId, file);
  }
  const taken = new Set<string>(anchorFile.keys());
  const markers = pageStarts?.length ? resolvePageMarkers(book, pageStarts, diagnostics, taken) : new Map<string, PageMarker[]>();
  return {
    book,
    labels: labelsFor(book.meta.lang),
    chapterFiles,
    anchorFile,
    resources: new Map(book.resources.map((r) => [r.id, r])),
    markers,
    placed: [],
    sequence: [],
    usedImages: [],
    imageUses: 0,
    imagesWithoutAlt: 0,
    diagnostics,
  };
}

export function imageHref(r: Resource): string {
  return `images/${r.fileName}`;
}

/** Notes a use of an image for the manifest and the accessibility metadata. */
export function useImage(ix: BookIndex, r: Resource, alt: string): void {
  if (!ix.usedImages.includes(r.id)) ix.usedImages.push(r.id);
  ix.imageUses++;
  if (!alt.trim()) ix.imagesWithoutAlt++;
}
