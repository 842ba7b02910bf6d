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
