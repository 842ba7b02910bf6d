// Drawing set lines into a pdfkit document by writing the content stream directly:
// the glyphs already shaped for measurement are the glyphs drawn (pdfkit's own text()
// would shape every string again and re-wrap it). pdfkit still does the embedding: its
// EmbeddedFont subsets the TTF, writes the widths and the ToUnicode map, and names the
// subset from the font's resource id (F1, F2, … in order of first use), so the output
// is deterministic.
//
// Text extraction: a PDF font's ToUnicode map has one entry per glyph, but after
// shaping one glyph can stand for different characters (Arabic ح and خ share a body,
// the dot being its own glyph; a mirrored parenthesis in right-to-left text is the
// glyph of the other one). When a glyph is needed with a second meaning, the face is
// embedded once more (a second, small subset with its own ToUnicode), so every glyph
// on the page maps to exactly the characters it stands for, in any viewer. Where the
// glyphs cannot stand for the text at all (an emoji with a skin-tone modifier is drawn
// as the plain emoji's glyph; a joiner or variation selector has no glyph), the word is
// marked with its ActualText, which text extraction returns instead.

import { mirrored } from './bidi.js';
import { isCombining, isGlue } from './chars.js';
import { codePointBefore, isGap, PUNCTUATION_SQUEEZE, punctuationSqueeze } from './cjk.js';
import { type Face, REPLACEMENT, replacementFace } from './faces.js';
import { faceForKey, shapeWord, spaceWidthFor } from './glyphs.js';
import { gapAtOffset, runPieces } from './lines.js';
import type { FkGlyph } from './fontkit.js';
import type { Shaped } from './shaping.js';
import type { DrawLineOptions, GlyphRun, LinkBox, SetLine } from './types.js';

/** The parts of pdfkit's EmbeddedFont the drawing code relies on (pdfkit 0.20). */
interface PdfEmbeddedFont {
  id: string;
  /** 1000 ÷ unitsPerEm. */
  scale: number;
  subset: { includeGlyph(glyphId: number): number; mapping: Record<number, number | undefined> };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

interface PdfDocInternals {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
  font(src: unknown, family?: string): unknown;
  link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): unknown;
}

/** A glyph's place in a face's embedded fonts. */
interface Placement {
  font: PdfEmbeddedFont;
  hex: string;
}

/** A face's embedded fonts in one document: instance 0, and more for glyphs with a second meaning. */
class FaceFonts {
  readonly instances: PdfEmbeddedFont[] = [];
  private readonly placed = new Map<FkGlyph, Placement>();

  constructor(
    private readonly doc: PdfDocInternals,
    private readonly face: Face,
  ) {
    const d = doc;
    const saved = [d._font, d._fontSource, d._fontFamily] as const;
    // pdfkit ≥ 0.20 accepts a fontkit font object (PDFFontFactory.open checks `src.layout`).
    d.font(face.font, `imprint-${face.key}`);
    this.instances.push(d._font as PdfEmbeddedFont);
    [d._font, d._fontSource, d._fontFamily] = saved;
  }

  private instance(k: number): PdfEmbeddedFont {
    let f = this.instances[k];
    if (!f) {
      // pdfkit would hand back instance 0 for the same font file, so build it directly.
      const Ctor = (this.instances[0] as object).constructor as new (doc: unknown, font: unknown, id: string) => PdfEmbeddedFont;
      f = new Ctor(this.doc, this.face.font, `F${++this.doc._fontCount}`);
      // Registered like any font so that pdfkit embeds it when the document ends.
      this.doc._fontFamilies[`imprint-${this.face.key}-${k}`] = f;
      this.instances[k] = f;
    }
    return f;
  }

  /** The embedded font and code for a glyph standing for its `codePoints`. */
  place(g: FkGlyph): Placement {
    let p = this.placed.get(g);
    if (p) return p;
    for (let k = 0; ; k++) {
      const f = this.instance(k);
      const known = f.subset.mapping[g.id];
      if (known != null && !sameCodePoints(f.unicode[known], g.codePoints)) continue;
      const gid = known ?? f.subset.includeGlyph(g.id);
      if (known == null) {
        f.widths[gid] = g.advanceWidth * f.scale;
        f.unicode[gid] = g.codePoints;
      }
      p = { font: f, hex: gid.toString(16).padStart(4, '0') };
      this.placed.set(g, p);
      return p;
    }
  }
}

function sameCodePoints(a: number[] | undefined, b: number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const docFonts = new WeakMap<object, Map<string, FaceFonts>>();

/**
 * The document's embedded fonts for a face, created on first use without changing the
 * document's current font (the composer's own `doc.text` calls are not affected).
 */
function fontsFor(doc: PDFKit.PDFDocument, f: Face): FaceFonts {
  let fonts = docFonts.get(doc);
  if (!fonts) {
    fonts = new Map();
    docFonts.set(doc, fonts);
  }
  let ff = fonts.get(f.key);
  if (!ff) {
    ff = new FaceFonts(doc as unknown as PdfDocInternals, f);
    fonts.set(f.key, ff);
  }
  return ff;
}

export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? '0' : '' + r;
}

function utf16Hex(s: string): string {
  let h = 'FEFF';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return h;
}

interface DrawPiece {
  text: string;
  glue: boolean;
  shaped?: Shaped;
}

/**
 * Words and space characters of a run, in drawing order (from the line setter when it
 * can). Words are cut at inter-character gaps too, exactly as the line setter cut them.
 */
function piecesOf(run: GlyphRun): DrawPiece[] {
  const known = runPieces.get(run);
  if (known) return known;
  const out: DrawPiece[] = [];
  const t = run.text;
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    if (isGlue(t.charCodeAt(i))) {
      if (i > w) out.push({ text: t.slice(w, i), glue: false });
      out.push({ text: t[i], glue: true });
      w = i + 1;
    } else if (i > w && gapAtOffset(t, i)) {
      out.push({ text: t.slice(w, i), glue: false });
      w = i;
    }
  }
  if (w < t.length) out.push({ text: t.slice(w), glue: false });
  if (run.rtl) out.reverse();
  return out;
}

/** Glyph records that map a mirrored glyph back to the character it was mirrored from. */
const unmirrored = new Map<string, FkGlyph[]>();

/**
 * The glyphs of a right-to-left word whose brackets were mirrored, with each mirrored
 * glyph standing for the character of the text (so extraction gives "(" where the page
 * shows the glyph of ")"). Only for words shaped one glyph per character.
 */
function unmirror(s: Shaped, text: string, face: string): FkGlyph[] {
  const key = `${face}\u0000${text}`;
  let g = unmirrored.get(key);
  if (!g) {
    g = s.glyphs.map((gl, i) => (gl.codePoints[0] === text.charCodeAt(i) ? gl : { ...gl, codePoints: [text.charCodeAt(i)] }));
    unmirrored.set(key, g);
  }
  return g;
}

/**
 * Do the glyphs of a left-to-right word fail to give back its text through their
 * ToUnicode entries (dropped joiners and selectors, an emoji ligature that forgets its
 * modifier)? Kept on the shaped word, which is cached per text.
 */
function losesText(s: Shaped, text: string): boolean {
  if (s.losesText === undefined) {
    let got = '';
    for (const g of s.glyphs) got += String.fromCodePoint(...g.codePoints);
    s.losesText = got !== text;
  }
  return s.losesText;
}

interface TextState {
  font: string;
  size: number;
  used: Set<PdfEmbeddedFont>;
}

/**
 * Writes one run's glyphs as TJ arrays from the current text position. Every glyph is
 * put at its shaped position by TJ displacements (Ts for vertical offsets), so the run
 * stays one stream of text for extraction; in right-to-left clusters the base glyph is
 * written before its marks, as text extraction expects. Under `Tz` (glyph expansion)
 * every displacement is scaled too, so word spaces are divided by the scale.
 */
function runOperators(out: string[], run: GlyphRun, ff: FaceFonts, f: Face, st: TextState): void {
  const size = run.size;
  const key = run.font;
  const scale = run.scale ?? 1;
  const inv = 1 / f.font.unitsPerEm;
  const spaceGlyph = key === REPLACEMENT || !f.font.hasGlyphForCodePoint(0x20) ? null : f.shaper.shape(' ').glyphs[0];
  const space20 = spaceWidthFor(key, 0x20);
  let tj: string[] = [];
  let hex = '';
  /** Where the text position is, and where the pen (the shaped position) is, in em. */
  let cur = 0;
  let pen = 0;
  const closeHex = () => {
    if (hex) {
      tj.push(`<${hex}>`);
      hex = '';
    }
  };
  const flush = () => {
    closeHex();
    if (tj.length) out.push(`[${tj.join(' ')}] TJ`);
    tj = [];
  };
  const moveTo = (x: number) => {
    const d = x - cur;
    if (Math.abs(d) < 1e-7) return;
    closeHex();
    tj.push(num(-d * 1000));
    cur = x;
  };
  const glyph = (g: FkGlyph, x: number, dy: number) => {
    const p = ff.place(g);
    if (p.font.id !== st.font || size !== st.size) {
      flush();
      out.push(`/${p.font.id} ${num(size)} Tf`);
      st.used.add(p.font);
      st.font = p.font.id;
      st.size = size;
    }
    moveTo(x);
    if (dy !== 0) {
      flush();
      out.push(`${num(dy * size)} Ts`, `[<${p.hex}>] TJ`, '0 Ts');
    } else hex += p.hex;
    cur = x + g.advanceWidth * inv;
  };

  const gapExtra = run.interCharSpacing ? run.interCharSpacing / size / scale : 0;
  let prevWord: string | null = null;
  for (const piece of piecesOf(run)) {
    const tok = piece.text;
    if (piece.glue) {
      const c = tok.charCodeAt(0);
      const natural = spaceWidthFor(key, c);
      const extra = run.wordSpacing === 0 ? 0 : (run.wordSpacing / size) * (natural / space20);
      if (spaceGlyph) glyph(spaceGlyph, pen, 0);
      pen += (natural + extra) / scale;
      prevWord = null;
      continue;
    }
    if (prevWord !== null) {
      // Two words with no space between them: an inter-character gap of CJK text, with
      // its justification space, and half an em less between two punctuation marks.
      const [a, b] = run.rtl ? [tok, prevWord] : [prevWord, tok];
      const p = codePointBefore(a, a.length);
      const c = b.codePointAt(0)!;
      if (isGap(p, c)) {
        pen += gapExtra;
        if (key !== REPLACEMENT && punctuationSqueeze(f, p, f, c)) pen -= PUNCTUATION_SQUEEZE;
      }
    }
    prevWord = tok;
    const s = piece.shaped ?? shapeWord(key, tok, run.rtl === true);
    const actual = key !== REPLACEMENT && !run.rtl && !s.rtl && !s.fast && losesText(s, tok);
    if (actual) {
      flush();
      out.push(`/Span <</ActualText <${utf16Hex(tok)}>>> BDC`);
    }
    const n = s.glyphs.length;
    const reverse = run.rtl === true && !s.rtl;
    const glyphs = run.rtl && s.fast && mirrored(tok) !== tok ? unmirror(s, tok, key) : s.glyphs;
    // Marks that come before their base in visual order (right-to-left clusters).
    let pending: { g: FkGlyph; x: number; dy: number }[] = [];
    for (let j = 0; j < n; j++) {
      const i = reverse ? n - 1 - j : j;
      const g = glyphs[i];
      const x = pen + (s.dx ? s.dx[i] : 0);
      const dy = s.dy ? s.dy[i] : 0;
      pen += s.adv[i];
      if (s.rtl && s.adv[i] === 0 && isCombining(g.codePoints[0] ?? 0)) {
        pending.push({ g, x, dy });
        continue;
      }
      glyph(g, x, dy);
      for (const m of pending) glyph(m.g, m.x, m.dy);
      pending = [];
    }
    for (const m of pending) glyph(m.g, m.x, m.dy);
    if (actual) {
      flush();
      out.push('EMC');
    }
  }
  moveTo(pen);
  flush();
}

/**
 * Draws a line with its left edge at x and its baseline at y (pdfkit's top-down page
 * coordinates), then adds link annotations. Returns the boxes of linked stretches.
 */
export function drawSetLine(doc: PDFKit.PDFDocument, line: SetLine, x: number, y: number, opts: DrawLineOptions = {}): LinkBox[] {
  const d = doc as unknown as PdfDocInternals;
  const H = d.page.height;
  const out: string[] = ['q', `1 0 0 -1 0 ${num(H)} cm`, 'BT'];
  const st: TextState = { font: '', size: -1, used: new Set() };
  let curGrey = -1;
  let curScale = 1;
  const strikes: string[] = [];
  for (const run of line.runs) {
    if (!run.text) continue;
    const grey = run.style.grey ?? 0;
    if (grey !== curGrey) {
      out.push(`${num(grey)} ${num(grey)} ${num(grey)} rg`);
      curGrey = grey;
    }
    const replacement = run.font === REPLACEMENT;
    const f = faceForKey(run.font) ?? replacementFace();
    const ff = fontsFor(doc, f);
    const scale = run.scale ?? 1;
    if (scale !== curScale) {
      out.push(`${num(scale * 100)} Tz`);
      curScale = scale;
    }
    const x0 = x + run.x;
    const by = H - y + run.rise;
    out.push(`1 0 0 1 ${num(x0)} ${num(by)} Tm`);
    // Characters no face has: a box on the page, the real character in the text layer.
    if (replacement) out.push(`/Span <</ActualText <${utf16Hex(run.text)}>>> BDC`);
    runOperators(out, run, ff, f, st);
    if (replacement) out.push('EMC');
    if (run.style.strike) {
      const th = f.strikeThickness * run.size;
      const sy = by + f.strikePosition * run.size - th / 2;
      strikes.push(`${num(grey)} ${num(grey)} ${num(grey)} rg ${num(x0)} ${num(sy)} ${num(run.width)} ${num(th)} re f`);
    }
  }
  out.push('ET');
  out.push(...strikes);
  out.push('Q');
  // Every font the line used is a resource of the page.
  for (const pf of st.used) if (d.page.fonts[pf.id] == null) d.page.fonts[pf.id] = pf.ref();
  d.addContent(out.join('\n'));

  const boxes = linkBoxes(line, x, y);
  if (opts.annotate !== false) {
    for (const b of boxes) {
      const extra = opts.linkOptions?.(b) ?? {};
      if (b.link.startsWith('#')) d.goTo(b.x, b.y, b.width, b.height, b.link.slice(1), extra);
      else d.link(b.x, b.y, b.width, b.height, b.link, extra);
    }
  }
  return boxes;
}

/** One box per stretch of visually adjacent runs with the same link. */
export function linkBoxes(line: SetLine, x: number, y: number): LinkBox[] {
  const boxes: LinkBox[] = [];
  let cur: LinkBox | null = null;
  line.runs.forEach((run, i) => {
    if (!run.link) {
      cur = null;
      return;
    }
    if (cur && cur.link === run.link) {
      cur.width = x + run.x + run.width - cur.x;
      cur.runs.push(i);
      return;
    }
    cur = { x: x + run.x, y: y - line.ascent, width: run.width, height: line.ascent + line.descent, link: run.link, runs: [i] };
    boxes.push(cur);
  });
  return boxes;
}
