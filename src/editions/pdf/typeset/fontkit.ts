// The part of fontkit's API the typesetter uses, typed here because fontkit ships no
// declarations (and an ambient `declare module` could clash with another module's).
// Loaded through require so that pdfkit and this module share one fontkit instance.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

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

interface Fontkit {
  create(buffer: Uint8Array): FkFont;
}

let fontkit: Fontkit | undefined;

export function openFont(file: string): FkFont {
  fontkit ??= require('fontkit') as Fontkit;
  return fontkit.create(readFileSync(file));
}
