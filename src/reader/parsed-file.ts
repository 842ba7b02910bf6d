// One manuscript file after decoding, front matter and Markdown parsing.

import type { Root } from 'mdast';

export interface ParsedFile {
  /** Position in reading order. */
  index: number;
  /** Absolute path. */
  abs: string;
  /** Absolute folder (images and links are relative to it). */
  dir: string;
  /** Path as shown to the user. */
  display: string;
  /** The Markdown after the front matter. */
  body: string;
  /** File lines before the body: add to remark's line numbers. */
  lineOffset: number;
  tree: Root;
}
