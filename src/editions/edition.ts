// What every edition writer looks like: a function from the document model to bytes.

import type { Diagnostics } from '../diagnostics.js';
import type { Book } from '../model/document.js';

export type Format = 'epub' | 'pdf' | 'txt';

export const FORMATS: readonly Format[] = ['epub', 'pdf', 'txt'];

export const EXTENSIONS: Record<Format, string> = { epub: '.epub', pdf: '.pdf', txt: '.txt' };

export interface RenderContext {
  diagnostics: Diagnostics;
  /** Tool name and version for colophons and producer fields: `imprint 0.1.0`. */
  generator: string;
  /** Text edition's line width in columns. */
  width: number;
}

export interface RenderedEdition {
  format: Format;
  bytes: Uint8Array;
  /** PDF only. */
  pages?: number;
}

/**
 * Where a printed PDF page begins in the text: the first word set on the page,
 * as the id of the model block holding it and the word's index in that block
 * (words = maximal runs of non-whitespace in the block's text, in reading order,
 * footnote bodies excluded). The EPUB uses these to place print page markers.
 */
export interface PageStart {
  /** Printed folio as shown on the page and in the PDF page labels (`1`, `12`). */
  label: string;
  /** 1-based physical page index in the PDF. */
  page: number;
  blockId: string;
  word: number;
}
