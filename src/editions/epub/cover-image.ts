// A cover for books whose front matter names none: title, subtitle and authors
// set in Source Serif 4 (the PDF's face) on a plain field, rendered by resvg from
// an SVG to a 1600 × 2560 PNG. Lines are measured with fontkit so long titles wrap
// into balanced lines instead of running off the edge. Same book → same bytes.

import { createRequire } from 'node:module';
import { openFontFile } from '../../fonts/open-font.js';
import type { Metadata } from '../../model/document.js';
import { fallbackFontPaths, serifFontPath, SERIF_FAMILY, type Face } from './fonts.js';
import { encodeOpaquePng } from './png.js';
import { esc } from './xml.js';

const require = createRequire(import.meta.url);

export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;

const MARGIN = 170;
export const COVER_MEASURE = COVER_WIDTH - 2 * MARGIN;
const MEASURE = COVER_MEASURE;
const PAPER = '#f4efe4';
const INK = '#1e1c1a';
const ACCENT = '#8c2f1e';

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
  hasGlyphForCodePoint(cp: number): boolean;
}

function openFont(p: string): FontkitFont {
  return openFontFile<FontkitFont>(p);
}

/** The first fallback face that draws `cp`; the fallbacks are opened only when one is needed. */
function fallbackFor(cp: number): FontkitFont | undefined {
  for (const p of fallbackFontPaths()) {
    const f = openFont(p);
    if (f.hasGlyphForCodePoint(cp)) return f;
  }
  return undefined;
}

// Widths at 1 px, by face and text: a title is wrapped at many sizes.
const widthCache = new Map<string, number>();

/** Width in px of `text` set in `face` at `size`, falling back per character like resvg does. */
function measure(text: string, face: Face, size: number, letterSpacing = 0): number {
  const key = `${face}\u0000${text}`;
  let unit = widthCache.get(key);
  if (unit === undefined) {
    const main = openFont(serifFontPath(face));
    unit = 0;
    let run = '';
    let runFont = main;
    const flush = () => {
      if (run) unit! += runFont.layout(run).advanceWidth / runFont.unitsPerEm;
      run = '';
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const font = main.hasGlyphForCodePoint(cp) ? main : (fallbackFor(cp) ?? main);
      if (font !== runFont) {
        flush();
        runFont = font;
      }
      run += ch;
    }
    flush();
    widthCache.set(key, unit);
  }
  return unit * size + letterSpacing * [...text].length;
}

/** A unit of wrapping: a word, or a piece of a word too long for any line. */
interface Token {
  text: string;
  width: number;
  /** Preceded by a space when not at a line start (false for a word's later pieces). */
  space: boolean;
}

function tokens(text: string, face: Face, size: number, maxWidth: number): Token[] {
  const out: Token[] = [];
  for (const word of text.trim().split(/\s+/u).filter(Boolean)) {
    const width = measure(word, face, size);
    if (width <= maxWidth) {
      out.push({ text: word, width, space: true });
      continue;
    }
    let piece = '';
    let first = true;
    for (const ch of word) {
      if (piece && measure(piece + ch, face, size) > maxWidth) {
        out.push({ text: piece, width: measure(piece, face, size), space: first });
        piece = '';
        first = false;
      }
      piece += ch;
    }
    out.push({ text: piece, width: measure(piece, face, size), space: first });
  }
  return out;
}

/**
 * Wraps into as few lines as the measure allows, choosing the breaks that make
 * the lines most even (least sum of squared slack): a title reads as a shape,
 * not as a full line and a stray word.
 */
function wrapBalanced(text: string, face: Face, size: number, maxWidth: number): string[] {
  const toks = tokens(text, face, size, maxWidth);
  const n = toks.length;
  if (n === 0) return [];
  const space = measure(' ', face, size);
  const lineWidth = (i: number, j: number) => {
    let w = 0;
    for (let k = i; k < j; k++) w += toks[k].width + (k > i && toks[k].space ? space : 0);
    return w;
  };
  // Fewest lines: greedy.
  let lines = 1;
  for (let i = 0, start = 0; i < n; i++) {
    if (i > start && lineWidth(start, i + 1) > maxWidth) {
      lines++;
      start = i;
    }
  }
  // cost[k][j]: best cost of setting tokens [0, j) in k lines; from[k][j]: where the last line starts.
  const cost: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(0));
  cost[0][0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = j - 1; i >= 0; i--) {
        const w = lineWidth(i, j);
        if (w > maxWidth) break;
        const c = cost[k - 1][i] + (maxWidth - w) ** 2;
        if (c < cost[k][j]) {
          cost[k][j] = c;
          from[k][j] = i;
        }
      }
    }
  }
  const out: string[] = [];
  for (let k = lines, j = n; k > 0; k--) {
    const i = from[k][j];
    out.unshift(toks.slice(i, j).map((t, x) => (x > 0 && t.space ? ' ' : '') + t.text).join(''));
    j = i;
  }
  return out;
}

interface Block {
  lines: string[];
  size: number;
  leading: number;
}

/** The largest size (down to `min`) at which `text` fits in `maxLines` lines. */
function fit(text: string, face: Face, max: number, min: number, maxLines: number, leading: number): Block {
  for (let size = max; ; size -= 4) {
    const lines = wrapBalanced(text, face, size, MEASURE);
    const unbroken = lines.length <= maxLines && lines.every((l) => measure(l, face, size) <= MEASURE);
    if (unbroken || size - 4 < min) return { lines, size, leading: size * leading };
  }
}

/** One line of text on the cover, measured. */
export interface CoverLine {
  text: string;
  face: Face;
  size: number;
  /** Baseline, from the top. */
  y: number;
  width: number;
  letterSpacing?: number;
}

/** Where every line of the generated cover goes; the SVG is drawn from this. */
export function coverLayout(meta: Metadata): { lines: CoverLine[]; rule: { y: number } } {
  const lines: CoverLine[] = [];
  const place = (b: Block, face: Face, y: number) => {
    b.lines.forEach((text, i) => lines.push({ text, face, size: b.size, y: y + i * b.leading, width: measure(text, face, b.size) }));
    return y + (b.lines.length - 1) * b.leading;
  };
  const title = fit(meta.title, 'semibold', 168, 80, 7, 1.12);
  const subtitleSize = Math.max(56, Math.min(84, Math.round(title.size * 0.55)));
  const subtitle = meta.subtitle ? fit(meta.subtitle, 'italic', subtitleSize, 44, 5, 1.3) : undefined;
  const authorSize = meta.authors.reduce((s, a) => Math.min(s, fit(a, 'regular', 88, 48, 1, 1.25).size), 88);
  const authors: Block = {
    lines: meta.authors.flatMap((a) => wrapBalanced(a, 'regular', authorSize, MEASURE)),
    size: authorSize,
    leading: authorSize * 1.3,
  };

  let y = place(title, 'semibold', 520 + title.size * 0.75);
  if (subtitle) y = place(subtitle, 'italic', y + title.size * 0.45 + subtitle.size * 1.2);
  y += 130;
  const rule = { y };
  let ay = Math.max(y + 140 + authors.size, 1860 - ((authors.lines.length - 1) * authors.leading) / 2);
  ay = place(authors, 'regular', ay);
  if (meta.publisher) {
    const text = meta.publisher.toLocaleUpperCase(meta.lang);
    let size = 44;
    while (size > 24 && measure(text, 'regular', size, size * 0.12) > MEASURE) size -= 2;
    const spacing = Number((size * 0.12).toFixed(1));
    lines.push({ text, face: 'regular', size, y: Math.max(ay + 160, COVER_HEIGHT - 200), width: measure(text, 'regular', size, spacing), letterSpacing: spacing });
  }
  return { lines, rule };
}

const FACE_ATTRS: Record<Face, string> = {
  regular: '',
  italic: ' font-style="italic"',
  semibold: ' font-weight="600"',
  bold: ' font-weight="700"',
};

export function coverSvg(meta: Metadata): string {
  const { lines, rule } = coverLayout(meta);
  const text = lines
    .map(
      (l) =>
        `<text x="${COVER_WIDTH / 2}" y="${l.y.toFixed(1)}" font-size="${l.size}"${FACE_ATTRS[l.face]}` +
        `${l.letterSpacing ? ` letter-spacing="${l.letterSpacing}"` : ''}>${esc(l.text)}</text>`,
    )
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">\n` +
    `<rect width="100%" height="100%" fill="${PAPER}"/>\n` +
    `<rect x="70" y="70" width="${COVER_WIDTH - 140}" height="${COVER_HEIGHT - 140}" fill="none" stroke="${INK}" stroke-width="3"/>\n` +
    `<rect x="90" y="90" width="${COVER_WIDTH - 180}" height="${COVER_HEIGHT - 180}" fill="none" stroke="${INK}" stroke-width="1.5"/>\n` +
    `<rect x="${COVER_WIDTH / 2 - 110}" y="${rule.y.toFixed(1)}" width="220" height="6" fill="${ACCENT}"/>\n` +
    `<g font-family="${SERIF_FAMILY}" text-anchor="middle" fill="${INK}">\n${text}\n</g>\n` +
    '</svg>\n'
  );
}

/** Does Source Serif 4 cover every character of the cover's text? Then resvg need not load the fallbacks. */
function mainFaceCovers(text: string): boolean {
  const main = openFont(serifFontPath('regular'));
  for (const ch of text) if (!/\s/u.test(ch) && !main.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

/** Characters of the cover's text that none of the cover's faces can draw (CJK, say), in order of appearance. */
export function uncoveredCharacters(meta: Metadata): string[] {
  const main = openFont(serifFontPath('regular'));
  const text = [meta.title, meta.subtitle ?? '', ...meta.authors, meta.publisher ?? ''].join(' ');
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!/\s/u.test(ch) && !main.hasGlyphForCodePoint(cp) && !fallbackFor(cp)) out.add(ch);
  }
  return [...out];
}

async function rasterize(svg: string | Buffer, o: { width?: number; opaque?: boolean; fallbacks?: boolean }): Promise<Uint8Array> {
  // Required, not imported: the bundled CLI (lib/bundle) keeps this native module outside
  // and loads the bundle as one script, where only require reaches an outside module.
  const { renderAsync } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  // Off the main thread: the EPUB's documents are written while the cover renders.
  const image = await renderAsync(svg, {
    // Only our own faces, never the machine's: the same PNG on every machine.
    font: {
      fontFiles: [serifFontPath('regular'), serifFontPath('italic'), serifFontPath('semibold'), ...(o.fallbacks === false ? [] : fallbackFontPaths())],
      loadSystemFonts: false,
      defaultFontFamily: SERIF_FAMILY,
    },
    fitTo: o.width ? { mode: 'width', value: o.width } : { mode: 'original' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return o.opaque ? encodeOpaquePng(image.pixels, image.width, image.height) : new Uint8Array(image.asPng());
}

// Watch mode and batch builds render the same cover again and again.
const pngCache = new Map<string, Promise<Uint8Array>>();

export function coverPng(meta: Metadata): Promise<Uint8Array> {
  const svg = coverSvg(meta);
  let png = pngCache.get(svg);
  if (!png) {
    const text = [meta.title, meta.subtitle ?? '', ...meta.authors, meta.publisher ?? ''].join(' ');
    png = rasterize(svg, { opaque: true, fallbacks: !mainFaceCovers(text) });
    png.catch(() => pngCache.delete(svg));
    if (pngCache.size > 16) pngCache.clear();
    pngCache.set(svg, png);
  }
  return png;
}

/** An SVG cover as a PNG COVER_WIDTH wide: Kindle and many stores take no SVG covers. */
export function svgCoverPng(svg: Buffer): Promise<Uint8Array> {
  return rasterize(svg, { width: COVER_WIDTH });
}
