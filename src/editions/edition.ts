// What every edition writer looks like: a function from the document model to bytes.

import type { Diagnostics } from '../diagnostics.js';

export type Format = 'epub' | 'pdf' | 'txt' | 'html';

/** Every format imprint can write, in the order they are reported. */
export const FORMATS: readonly Format[] = ['epub', 'pdf', 'txt', 'html'];

/** What `imprint build` writes when `--formats` is not given. */
export const DEFAULT_FORMATS: readonly Format[] = ['epub', 'pdf', 'txt'];

export const EXTENSIONS: Record<Format, string> = { epub: '.epub', pdf: '.pdf', txt: '.txt', html: '.html' };

export const MEDIA_TYPES: Record<Format, string> = {
  epub: 'application/epub+zip',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface RenderContext {
  diagnostics: Diagnostics;
  /** Tool name and version for colophons and producer fields: `imprint 0.1.0`. */
  generator: string;
  /** Text edition's line width in columns. */
  width: number;
  /** Called as work advances, for a progress display; writers may call it sparingly. */
  progress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  format: Format;
  /** What is being done, e.g. `chapter 3 of 60` or `page 120`. */
  detail: string;
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
