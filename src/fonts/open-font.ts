// Font files parsed once per process, whoever asks: the PDF's typesetter and the EPUB's
// cover set the same Source Serif 4 files, and a fontkit font parses its cmap, GSUB and
// GPOS tables on first use (~15-40 ms a face), which is a good part of a small book's
// build. fontkit is loaded through require because pdfkit's CommonJS build requires it:
// one fontkit in the process, not its ES and CommonJS builds side by side.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Fontkit {
  create(buffer: Uint8Array): unknown;
}

let fontkit: Fontkit | undefined;
const opened = new Map<string, unknown>();

/** The fontkit font in `file` (an absolute path), parsed on first use. Callers type it. */
export function openFontFile<T>(file: string): T {
  let font = opened.get(file);
  if (font === undefined) {
    fontkit ??= require('fontkit') as Fontkit;
    font = fontkit.create(readFileSync(file));
    opened.set(file, font);
  }
  return font as T;
}
