// The book's faces and the fallback chain that picks one per character.
//
// Every face is an embedded TrueType file from node_modules (never one of the 14
// standard PDF fonts). Files are parsed by fontkit once per process, and only when a
// character first needs them: an all-Latin book never opens the Hebrew, Arabic or
// DejaVu files. Shaping caches live on the face, so they are shared by every
// Typesetter in the process (their contents depend only on the font and the text).

import { createRequire } from 'node:module';
import type { Family, TextStyle } from './types.js';
import type { FkFont } from './fontkit.js';
import { openFont } from './fontkit.js';
import { WordShaper } from './shaping.js';

const require = createRequire(import.meta.url);

/** Script of a fallback face: decides which characters it may be asked about. */
type Coverage = 'any' | 'hebrew' | 'arabic';

interface FaceSpec {
  /** Module path of the TTF (resolved with require.resolve). */
  file: string;
  coverage: Coverage;
}

const EXPO = '@expo-google-fonts';
const DEJAVU = 'dejavu-fonts-ttf/ttf';

const FACE_FILES = {
  'serif-regular': `${EXPO}/source-serif-4/400Regular/SourceSerif4_400Regular.ttf`,
  'serif-italic': `${EXPO}/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf`,
  'serif-bold': `${EXPO}/source-serif-4/700Bold/SourceSerif4_700Bold.ttf`,
  'serif-bolditalic': `${EXPO}/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf`,
  'mono-regular': `${EXPO}/source-code-pro/400Regular/SourceCodePro_400Regular.ttf`,
  'mono-italic': `${EXPO}/source-code-pro/400Regular_Italic/SourceCodePro_400Regular_Italic.ttf`,
  'mono-bold': `${EXPO}/source-code-pro/700Bold/SourceCodePro_700Bold.ttf`,
  'mono-bolditalic': `${EXPO}/source-code-pro/700Bold_Italic/SourceCodePro_700Bold_Italic.ttf`,
  'hebrew-regular': `${EXPO}/noto-serif-hebrew/400Regular/NotoSerifHebrew_400Regular.ttf`,
  'hebrew-bold': `${EXPO}/noto-serif-hebrew/700Bold/NotoSerifHebrew_700Bold.ttf`,
  'arabic-regular': `${EXPO}/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf`,
  'arabic-bold': `${EXPO}/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf`,
  'symbols-regular': `${DEJAVU}/DejaVuSans.ttf`,
  'symbols-bold': `${DEJAVU}/DejaVuSans-Bold.ttf`,
  'symbols-italic': `${DEJAVU}/DejaVuSans-Oblique.ttf`,
  'symbols-bolditalic': `${DEJAVU}/DejaVuSans-BoldOblique.ttf`,
  'symbolsmono-regular': `${DEJAVU}/DejaVuSansMono.ttf`,
  'symbolsmono-bold': `${DEJAVU}/DejaVuSansMono-Bold.ttf`,
  'symbolsmono-italic': `${DEJAVU}/DejaVuSansMono-Oblique.ttf`,
  'symbolsmono-bolditalic': `${DEJAVU}/DejaVuSansMono-BoldOblique.ttf`,
} as const;

export type FaceKey = keyof typeof FACE_FILES;

/**
 * Pseudo face for characters no bundled face has: drawn as DejaVu Sans's U+FFFD
 * with the real character as ActualText, so text extraction still gives it back.
 */
export const REPLACEMENT = 'replacement';

function coverageOf(key: FaceKey): Coverage {
  if (key.startsWith('hebrew')) return 'hebrew';
  if (key.startsWith('arabic')) return 'arabic';
  return 'any';
}

export function isHebrewCodePoint(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f);
}

export function isArabicCodePoint(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/** One loaded face: the fontkit font, its vertical metrics in em, and its word cache. */
export class Face {
  readonly key: string;
  readonly font: FkFont;
  readonly shaper: WordShaper;
  /** In em (font units ÷ unitsPerEm); descent is positive below the baseline. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly strikePosition: number;
  readonly strikeThickness: number;
  readonly hyphenWidth: number;
  private readonly spaceWidths = new Map<number, number>();

  constructor(key: string, font: FkFont) {
    this.key = key;
    this.font = font;
    const upem = font.unitsPerEm;
    this.ascent = font.ascent / upem;
    this.descent = -font.descent / upem;
    this.lineGap = font.lineGap / upem;
    const os2 = font['OS/2'];
    this.strikePosition = os2?.yStrikeoutPosition ? os2.yStrikeoutPosition / upem : 0.3;
    this.strikeThickness = os2?.yStrikeoutSize ? os2.yStrikeoutSize / upem : 0.05;
    this.shaper = new WordShaper(font);
    this.hyphenWidth = font.hasGlyphForCodePoint(0x2d) ? font.glyphForCodePoint(0x2d).advanceWidth / upem : 0.33;
  }

  /** Advance of a space character (U+0020, U+00A0, U+2009, …) in em. */
  spaceWidth(cp: number): number {
    let w = this.spaceWidths.get(cp);
    if (w === undefined) {
      const font = this.font;
      w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : 0.25;
      this.spaceWidths.set(cp, w);
    }
    return w;
  }
}

const loaded = new Map<string, Face>();

/** The face for a key, parsed on first use and kept for the life of the process. */
export function face(key: FaceKey): Face {
  let f = loaded.get(key);
  if (!f) {
    const file = require.resolve(FACE_FILES[key]);
    f = new Face(key, openFont(file));
    loaded.set(key, f);
  }
  return f;
}

export function isFaceKey(key: string): key is FaceKey {
  return Object.prototype.hasOwnProperty.call(FACE_FILES, key);
}

function variant(style: Pick<TextStyle, 'bold' | 'italic'>): 'regular' | 'bold' | 'italic' | 'bolditalic' {
  return style.bold ? (style.italic ? 'bolditalic' : 'bold') : style.italic ? 'italic' : 'regular';
}

/** The face a style asks for before any fallback. */
export function primaryFaceKey(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>): FaceKey {
  return `${style.family}-${variant(style)}` as FaceKey;
}

/**
 * The ordered faces tried for a character in a style, with the Unicode range each
 * fallback face is consulted for (the Hebrew and Arabic faces only for their scripts,
 * so a missing arrow never loads them).
 */
export class FallbackChain {
  readonly keys: FaceKey[];
  private readonly coverage: Coverage[];
  private readonly loadedFaces: (Face | undefined)[] = [];
  /** BMP cache: 0 unknown, i + 1 = keys[i], 255 = no face. */
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();

  constructor(family: Family, bold: boolean, italic: boolean) {
    const v = variant({ bold, italic });
    const heb: FaceKey = bold ? 'hebrew-bold' : 'hebrew-regular';
    const ara: FaceKey = bold ? 'arabic-bold' : 'arabic-regular';
    const sym = `symbols-${v}` as FaceKey;
    this.keys =
      family === 'mono'
        ? [`mono-${v}` as FaceKey, `symbolsmono-${v}` as FaceKey, `serif-${v}` as FaceKey, heb, ara, sym]
        : [`serif-${v}` as FaceKey, heb, ara, sym];
    this.coverage = this.keys.map(coverageOf);
  }

  /** Index into `keys` of the first face that has the character, or -1. */
  resolve(cp: number): number {
    if (cp < 0x10000) {
      const c = this.bmp[cp];
      if (c !== 0) return c === 255 ? -1 : c - 1;
      const r = this.search(cp);
      this.bmp[cp] = r < 0 ? 255 : r + 1;
      return r;
    }
    let r = this.astral.get(cp);
    if (r === undefined) {
      r = this.search(cp);
      this.astral.set(cp, r);
    }
    return r;
  }

  /** Face `i` of the chain (loaded on first use). */
  faceAt(i: number): Face {
    return (this.loadedFaces[i] ??= face(this.keys[i]));
  }

  /** Does face `i` of the chain have the character (loads it if needed)? */
  covers(i: number, cp: number): boolean {
    const cov = this.coverage[i];
    if (cov === 'hebrew' && !isHebrewCodePoint(cp)) return false;
    if (cov === 'arabic' && !isArabicCodePoint(cp)) return false;
    return this.faceAt(i).font.hasGlyphForCodePoint(cp);
  }

  private search(cp: number): number {
    for (let i = 0; i < this.keys.length; i++) if (this.covers(i, cp)) return i;
    return -1;
  }
}

const chains = new Map<string, FallbackChain>();

export function chainFor(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>): FallbackChain {
  const k = `${style.family}${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}`;
  let c = chains.get(k);
  if (!c) {
    c = new FallbackChain(style.family, style.bold, style.italic);
    chains.set(k, c);
  }
  return c;
}

/** The face that draws replacement boxes for characters no face has. */
export function replacementFace(): Face {
  return face('symbols-regular');
}
