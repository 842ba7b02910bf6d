// The part of fontkit's API the typesetter uses, typed here because fontkit ships no
// declarations (and an ambient `declare module` could clash with another module's).
// Loaded through require (in src/fonts/open-font.ts) so that pdfkit and the
// typesetter share one fontkit instance.

import { openFontFile } from '../../../fonts/open-font.js';

export interface FkGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** A glyph as fontkit's cmap lookup returns it: with its outline's bounding box. */
export interface FkCmapGlyph extends FkGlyph {
  bbox: { minX: number; maxX: number; minY: number; maxY: number };
}

export interface FkPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FkGlyphRun {
  glyphs: FkGlyph[];
  positions: FkPosition[];
  advanceWidth: number;
  direction: 'ltr' | 'rtl';
  script: string;
}

export interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  postscriptName: string;
  'OS/2'?: { yStrikeoutPosition?: number; yStrikeoutSize?: number };
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): FkCmapGlyph;
  layout(text: string, features?: string[] | Record<string, boolean>): FkGlyphRun;
}

/** The font in `file`, parsed once per process (shared with the EPUB's cover). */
export function openFont(file: string): FkFont {
  return openFontFile<FkFont>(file);
}
