// The book's faces and the fallback chain that picks one per character.
//
// Every face is an embedded TrueType file from node_modules (never one of the 14
// standard PDF fonts). Files are parsed by fontkit once per process, and only when a
// character first needs them: an all-Latin book never opens the Hebrew, Arabic, CJK,
// DejaVu or emoji files (the CJK face is 15 MB; opening it and shaping a first
// paragraph costs ~0.2 s, see tests/pdf-typeset/cjk.test.ts). Shaping caches live on
// the face, so they are shared by every Typesetter in the process (their contents
// depend only on the font and the text).

import { createRequire } from 'node:module';
import { BLANK_LEFT, BLANK_RIGHT, isCjkCodePoint } from './cjk.js';
import { hasEmojiPresentation } from './clusters.js';
import type { Family, TextStyle } from './types.js';
import type { FkFont } from './fontkit.js';
import { openFont } from './fontkit.js';
import { WordShaper } from './shaping.js';

const require = createRequire(import.meta.url);

/**
 * Which characters a face of the chain may be asked about: `emoji` is the emoji face
 * ahead of DejaVu, for characters shown as emoji by default (it is asked about any
 * character again at the end of the chain); `cjk-punctuation` is the CJK face ahead of
 * the text face in Chinese and Japanese, for the quotes, dashes and ellipsis those
 * languages set full width.
 */
type Coverage = 'any' | 'hebrew' | 'arabic' | 'cjk' | 'emoji' | 'cjk-punctuation';

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
  'cjk-regular': `${EXPO}/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf`,
  'cjk-bold': `${EXPO}/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf`,
  'emoji-regular': `${EXPO}/noto-emoji/400Regular/NotoEmoji_400Regular.ttf`,
  'emoji-bold': `${EXPO}/noto-emoji/700Bold/NotoEmoji_700Bold.ttf`,
} as const;

export type FaceKey = keyof typeof FACE_FILES;

/**
 * Pseudo face for characters no bundled face has: drawn as DejaVu Sans's U+FFFD
 * with the real character as ActualText, so text extraction still gives it back.
 */
export const REPLACEMENT = 'replacement';

/** Punctuation Chinese and Japanese set full width from the CJK face (CLREQ 3.1.4, JLREQ 3.1.7). */
export function isCjkWidePunctuation(cp: number): boolean {
  return cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || cp === 0x2014 || cp === 0x2015 || cp === 0x2026 || cp === 0x00b7;
}

/** Languages whose text faces should take the CJK face's quotes and dashes. */
export function isCjkLanguage(lang: string): boolean {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'ja' || primary === 'yue' || primary === 'cmn' || primary === 'wuu';
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

/** Punctuation that CJK fonts may set in half of a full em (CJK symbols, fullwidth forms, quotes). */
function isFullWidthPunctuationCandidate(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301f) ||
    (cp >= 0xff01 && cp <= 0xff0f && cp !== 0xff03 && cp !== 0xff04 && cp !== 0xff05 && cp !== 0xff06) ||
    (cp >= 0xff1a && cp <= 0xff1f) ||
    cp === 0xff3b ||
    cp === 0xff3d ||
    cp === 0xff5b ||
    cp === 0xff5d ||
    cp === 0xff5f ||
    cp === 0xff60 ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d
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
  private readonly blanks = new Map<number, number>();

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

  /**
   * Where a full-width punctuation mark of this face leaves half its em blank: BLANK_LEFT
   * (opening brackets and quotes), BLANK_RIGHT (closing ones, and in Chinese fonts the
   * comma, full stop, colon…), or 0. Read from the glyph's outline, so it follows the
   * font's own convention (GB, JIS or CNS positions).
   */
  punctuationBlank(cp: number): number {
    let b = this.blanks.get(cp);
    if (b === undefined) {
      b = 0;
      const font = this.font;
      if (isFullWidthPunctuationCandidate(cp) && font.hasGlyphForCodePoint(cp)) {
        const g = font.glyphForCodePoint(cp);
        const upem = font.unitsPerEm;
        if (g.advanceWidth === upem) {
          const box = g.bbox;
          if (box.minX >= upem / 2) b = BLANK_LEFT;
          else if (box.maxX <= upem / 2) b = BLANK_RIGHT;
        }
      }
      this.blanks.set(cp, b);
    }
    return b;
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

/** Has the face been parsed in this process (for tests: a Latin book never opens the CJK file)? */
export function isFaceLoaded(key: FaceKey): boolean {
  return loaded.has(key);
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
 * fallback face is consulted for (the Hebrew, Arabic and CJK faces only for their
 * scripts, so a missing arrow never loads them):
 *
 *   text face → Hebrew → Arabic → CJK → Noto Emoji (emoji-presentation characters)
 *     → DejaVu Sans (symbols) → Noto Emoji (anything else it has)
 *
 * Code puts DejaVu Sans Mono right after the mono face, so symbols keep the column.
 * Noto Emoji comes before DejaVu for characters shown as emoji by default (😀: its
 * shapes are the emoji design, DejaVu's are small symbols), after it for text-style
 * symbols (☺, ♞, ✓ stay DejaVu's); sequences with U+FE0F/U+FE0E choose explicitly
 * (paragraph.ts). In Chinese and Japanese the CJK face also comes first for the quotes,
 * dashes and ellipsis those languages set full width.
 */
export class FallbackChain {
  readonly keys: FaceKey[];
  private readonly coverage: Coverage[];
  private readonly loadedFaces: (Face | undefined)[] = [];
  /** BMP cache: 0 unknown, i + 1 = keys[i], 255 = no face. */
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();
  /** Index of the emoji face (the entry consulted for any character). */
  readonly emojiIndex: number;
  /** Index of the face the style asks for (the text or code face). */
  readonly primary: number;

  constructor(family: Family, bold: boolean, italic: boolean, cjkLanguage = false) {
    const v = variant({ bold, italic });
    const heb: FaceKey = bold ? 'hebrew-bold' : 'hebrew-regular';
    const ara: FaceKey = bold ? 'arabic-bold' : 'arabic-regular';
    const cjk: FaceKey = bold ? 'cjk-bold' : 'cjk-regular';
    const emoji: FaceKey = bold ? 'emoji-bold' : 'emoji-regular';
    const sym = `symbols-${v}` as FaceKey;
    const chain: [FaceKey, Coverage][] = [];
    // Not in code: the mono face's quotes keep the columns.
    if (cjkLanguage && family === 'serif') chain.push([cjk, 'cjk-punctuation']);
    if (family === 'mono') chain.push([`mono-${v}` as FaceKey, 'any'], [`symbolsmono-${v}` as FaceKey, 'any']);
    chain.push([`serif-${v}` as FaceKey, 'any'], [heb, 'hebrew'], [ara, 'arabic'], [cjk, 'cjk'], [emoji, 'emoji'], [sym, 'any'], [emoji, 'any']);
    this.keys = chain.map(([k]) => k);
    this.coverage = chain.map(([, c]) => c);
    this.emojiIndex = chain.length - 1;
    this.primary = chain.findIndex(([, c]) => c === 'any');
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
    switch (this.coverage[i]) {
      case 'hebrew':
        if (!isHebrewCodePoint(cp)) return false;
        break;
      case 'arabic':
        if (!isArabicCodePoint(cp)) return false;
        break;
      case 'cjk':
        if (!isCjkCodePoint(cp)) return false;
        break;
      case 'cjk-punctuation':
        if (!isCjkWidePunctuation(cp)) return false;
        break;
      case 'emoji':
        if (!hasEmojiPresentation(cp)) return false;
        break;
    }
    return this.faceAt(i).font.hasGlyphForCodePoint(cp);
  }

  /** The first face for a character asked for in text style (U+FE0E): emoji entries skipped. */
  resolveText(cp: number): number {
    for (let i = 0; i < this.keys.length; i++) {
      if (this.coverage[i] === 'emoji' || i === this.emojiIndex) continue;
      if (this.covers(i, cp)) return i;
    }
    return this.resolve(cp);
  }

  private search(cp: number): number {
    for (let i = 0; i < this.keys.length; i++) if (this.covers(i, cp)) return i;
    return -1;
  }
}

const chains = new Map<string, FallbackChain>();

/** The chain of a style; `lang` (BCP 47) matters only for Chinese and Japanese punctuation. */
export function chainFor(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>, lang = ''): FallbackChain {
  const cjk = isCjkLanguage(lang);
  const k = `${style.family}${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}${cjk && style.family === 'serif' ? 'c' : ''}`;
  let c = chains.get(k);
  if (!c) {
    c = new FallbackChain(style.family, style.bold, style.italic, cjk);
    chains.set(k, c);
  }
  return c;
}

/** The face that draws replacement boxes for characters no face has. */
export function replacementFace(): Face {
  return face('symbols-regular');
}
