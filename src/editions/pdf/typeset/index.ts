// The PDF typesetting core: styled spans in, set lines out, and lines drawn into pdfkit.
//
// API (the composer in src/editions/pdf/ uses only this):
//
//   const ts = new Typesetter({ lang: 'en', diagnostics });
//   ts.setParagraph(spans, { width, lang, align, hyphenate, preformatted?, leading?,
//                            breaker?, direction?, pos? }): SetLine[]
//   ts.setSingleLine(spans, { lang, width?, align?, direction?, pos? }): SetLine
//       one unbroken line (running heads, folios, labels, leaders)
//   ts.measure(text, style): number          natural width of a one-line string
//   ts.metrics(style): { ascent, descent, lineGap }
//       of the style's primary face at its size; descent is POSITIVE (below the baseline)
//   ts.drawLine(doc, line, x, y, opts?): LinkBox[]
//       left edge at x, BASELINE at y (pdfkit's top-down coordinates). Adds the link
//       annotations (`#slug` → doc.goTo(slug): the composer creates the named
//       destinations) unless opts.annotate === false; opts.linkOptions(box) may return
//       extra annotation options such as { structParent }. Returns the linked boxes.
//       Marked content for tagging: wrap the call in doc.markStructureContent(…) /
//       doc.endMarkedContent(); the line's operators are self-contained (q … Q), and a
//       line may be drawn in parts ({ ...line, runs: someRuns }).
//   ts.drawText(doc, text, style, x, y, opts?): SetLine   setSingleLine + drawLine
//   ts.stats(): TypesetStats     (consecutiveHyphens counts PAIRS; maxHyphenRun the longest run)
//   ts.resetStats()
//
// Conventions: all lengths in points; a `\n` in a span is a hard line break; a span's
// `source.word` is the index of the word holding its first non-space character; in a
// right-to-left paragraph `left` and the last line of `justify` align right (start side).
// Width functions are sampled for lines 0–64 and must be constant from some line on.
//
// Typography: Knuth–Plass with TeX's demerits, at most two hyphenated lines in a row,
// and font expansion of justified lines (glyphs scaled by at most ±2 %, drawn with Tz;
// `GlyphRun.scale`), which removes most loose lines of a
// 300 pt measure (figures: tests/pdf-typeset/figures.ts; `expansion: false` turns it off). Faces: embedded
// TrueType subsets only (see faces.ts for the fallback chain: text face → Hebrew →
// Arabic → Noto Serif SC → Noto Emoji → DejaVu); a face is embedded a second time when
// a glyph must map to other characters in the text layer (draw.ts). Emoji sequences
// (ZWJ, skin tones, keycaps, flags) stay whole in one face and on one line (clusters.ts).
// Chinese and Japanese break between characters with the kinsoku rules and justify by
// inter-character spacing (`GlyphRun.interCharSpacing`), with a quarter em next to
// Latin (cjk.ts). A run's ascent and descent are those of its style's own face, so
// mixed-script lines keep the baseline of a Latin line.
// Module map: paragraph.ts (spans → text, faces, bidi levels) → itemize.ts (boxes, glue,
// penalties) → knuth-plass.ts (breaks) → lines.ts (set lines) → draw.ts (PDF operators).

import type { SourcePos } from '../../../model/document.js';
import type { Diagnostics } from '../../../diagnostics.js';
import { primaryFaceKey, face, REPLACEMENT } from './faces.js';
import { drawSetLine } from './draw.js';
import { hyphenatorFor } from './hyphenation.js';
import { buildItems, EXPANSION } from './itemize.js';
import { Items, PENALTY } from './items.js';
import { firstFit, knuthPlass, TEX_PARAMS } from './knuth-plass.js';
import { LineWidths } from './line-widths.js';
import { buildLine, lineSpecs, WordIndex } from './lines.js';
import { segmentSpace } from './glyphs.js';
import { buildPara, uncoveredMessage, type Para } from './paragraph.js';
import type {
  DrawLineOptions,
  LinkBox,
  ParagraphOptions,
  SetLine,
  SingleLineOptions,
  Span,
  TextStyle,
  TypesetStats,
} from './types.js';

export type * from './types.js';

/**
 * The passes, tried in order until one finds breaks. Tolerance is the largest adjustment
 * ratio r (spaces stretched by r × half their width, so r = 1 is a space ratio of 1.5).
 * As TeX: first without hyphenation (\pretolerance), then with; then looser; then the
 * emergency pass that accepts anything (and breaks words wider than the measure).
 */
const SHORT_PARAGRAPH_LINES = 4;
const PASSES = [
  { tolerance: 1, hyphenate: false, emergency: false },
  { tolerance: 1, hyphenate: true, emergency: false },
  { tolerance: 2, hyphenate: true, emergency: false },
  { tolerance: 2, hyphenate: true, emergency: true },
] as const;

function emptyStats(): TypesetStats {
  return {
    lines: 0,
    justifiedLines: 0,
    looseLines: 0,
    hyphenatedLines: 0,
    consecutiveHyphens: 0,
    maxHyphenRun: 0,
    overfullLines: 0,
    paragraphs: 0,
    hyphenationPasses: 0,
    emergencyPasses: 0,
    words: 0,
  };
}

export class Typesetter {
  readonly lang: string;
  private readonly diagnostics: Diagnostics;
  private readonly warned = new Set<number>();
  private counters = emptyStats();
  /** Reused for every paragraph (see items.ts). */
  private readonly items = new Items();

  constructor(opts: { lang: string; diagnostics: Diagnostics }) {
    this.lang = opts.lang;
    this.diagnostics = opts.diagnostics;
  }

  private para(spans: readonly Span[], lang: string, direction: ParagraphOptions['direction'], preformatted: boolean, pos?: SourcePos): Para {
    return buildPara(spans, { lang, direction, preformatted, pos }, (cp, where) => {
      if (this.warned.has(cp)) return;
      this.warned.add(cp);
      this.diagnostics.warn(uncoveredMessage(cp), where);
    });
  }

  /** Break a paragraph into lines (Knuth–Plass total fit, hyphenation, justification). */
  setParagraph(spans: Span[], opts: ParagraphOptions): SetLine[] {
    const lang = opts.lang || this.lang;
    const pre = opts.preformatted === true;
    const para = this.para(spans, lang, opts.direction, pre, opts.pos);
    const widths = new LineWidths(opts.width);
    const justify = opts.align === 'justify' && !pre;
    const hyphenator = opts.hyphenate && !pre ? hyphenatorFor(lang) : null;
    const stats = this.counters;
    stats.paragraphs++;
    stats.words += para.words;
    if (para.text.length === 0) return [];

    const greedy = pre || opts.breaker === 'greedy';
    // Wrapped code lines are indented by two columns so they read as continuations.
    const continuationIndent = pre && para.segs.length ? 2 * segmentSpace(para.segs[0], 0x20) : 0;
    const expansion = justify && !greedy && opts.expansion !== false ? EXPANSION : 0;
    const minWidth = widths.min - continuationIndent;
    const items = buildItems(para, { justify, expansion, hyphenator: greedy ? null : hyphenator, minWidth }, this.items);
    let breaks: number[] | null = null;
    if (greedy) {
      breaks = firstFit(items, widths, continuationIndent);
    } else {
      // Ragged text: fixed spaces, and each line may fall short by up to ~3 em.
      const base = { ...TEX_PARAMS, lineStretch: justify ? 0 : 3 * para.baseSize };
      const hyph = hyphenator?.available === true;
      // The pass without hyphenation almost never succeeds for a paragraph longer than a
      // few lines (4 of 1,161 in the novel-sized corpus), so it is only tried for short ones.
      let natural = 0;
      for (let i = 0; i < items.length; i++) if (items.type[i] !== PENALTY) natural += items.width[i];
      const tryUnhyphenated = !hyph || natural <= SHORT_PARAGRAPH_LINES * widths.at(0);
      for (let i = 0; i < PASSES.length && !breaks; i++) {
        const pass = PASSES[i];
        if (i === 0 && !tryUnhyphenated) continue;
        // Without patterns the second pass would repeat the first.
        if (i === 1 && !hyph) continue;
        if (i === 1) stats.hyphenationPasses++;
        if (pass.emergency) stats.emergencyPasses++;
        breaks = knuthPlass(items, widths, { ...base, ...pass, hyphenate: pass.hyphenate && hyph });
      }
    }
    if (!breaks) throw new Error('line breaking failed in the emergency pass');

    const specs = lineSpecs(para, items, breaks);
    const words = new WordIndex(para);
    const lines: SetLine[] = [];
    let run = 0;
    specs.forEach((spec, i) => {
      const built = buildLine(para, spec, widths.at(i), { align: pre ? 'left' : opts.align, expansion, continuationIndent, leading: opts.leading, words });
      const line = built.line;
      lines.push(line);
      stats.lines++;
      if (built.justified) {
        stats.justifiedLines++;
        if (line.spaceRatio > 1.5) stats.looseLines++;
      }
      if (built.overfull) stats.overfullLines++;
      if (line.hyphenated) {
        stats.hyphenatedLines++;
        run++;
        if (run > 1) stats.consecutiveHyphens++;
        if (run > stats.maxHyphenRun) stats.maxHyphenRun = run;
      } else run = 0;
    });
    return lines;
  }

  /** One unbroken line: running heads, folios, labels. */
  setSingleLine(spans: Span[], opts: SingleLineOptions): SetLine {
    const para = this.para(spans, opts.lang || this.lang, opts.direction, false, opts.pos);
    const spec = { start: 0, end: para.text.length, hyphen: false, ragged: true, continuation: false };
    // Hard breaks make no sense on one line: they are set as spaces.
    const words = new WordIndex(para);
    const natural = buildLine(para, spec, Infinity, { align: 'left', words }).line;
    const measure = opts.width ?? natural.width;
    if (opts.width === undefined && (opts.align ?? 'left') === 'left' && para.base === 0) {
      natural.measure = measure;
      return natural;
    }
    return buildLine(para, spec, measure, { align: opts.align ?? 'left', words }).line;
  }

  /** Natural width of a single-line string in a style (for labels, folios, leaders). */
  measure(text: string, style: TextStyle): number {
    return this.setSingleLine([{ text, style }], { lang: this.lang }).width;
  }

  /** Ascent, descent (positive, below the baseline) and line gap of the primary face at the style's size. */
  metrics(style: TextStyle): { ascent: number; descent: number; lineGap: number } {
    const f = face(primaryFaceKey(style));
    return { ascent: f.ascent * style.size, descent: f.descent * style.size, lineGap: f.lineGap * style.size };
  }

  /** Draw a set line with its left edge at x and its BASELINE at y. */
  drawLine(doc: PDFKit.PDFDocument, line: SetLine, x: number, y: number, opts?: DrawLineOptions): LinkBox[] {
    return drawSetLine(doc, line, x, y, opts);
  }

  /** Set and draw one line of text (folios, running heads); returns the line for its metrics. */
  drawText(
    doc: PDFKit.PDFDocument,
    text: string,
    style: TextStyle,
    x: number,
    y: number,
    opts: { width?: number; align?: SingleLineOptions['align']; link?: string } & DrawLineOptions = {},
  ): SetLine {
    const span: Span = { text, style };
    if (opts.link) span.link = opts.link;
    const line = this.setSingleLine([span], { lang: this.lang, width: opts.width, align: opts.align });
    this.drawLine(doc, line, x, y, opts);
    return line;
  }

  /** Typographic statistics since construction (or the last resetStats). */
  stats(): TypesetStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = emptyStats();
  }
}

export { REPLACEMENT };
