// Block layout: model blocks → boxes of the vertical list, each block set once at
// its final width. Conventions of the book page: paragraphs justified and
// hyphenated, the first line indented unless the paragraph opens a section;
// displays (lists, quotes, code, tables, figures) set off by a little space; no
// page break inside the first or last two lines of a paragraph; a heading kept
// with the first two lines of what follows it.

import type { Block, BlockQuoteBlock, Book, CodeBlock, HeadingBlock, Inline, ListBlock, Resource, SourcePos } from '../../model/document.js';
import type { Diagnostics } from '../../diagnostics.js';
import type { SetLine, Span, TextStyle } from './typeset/types.js';
import type { PageGeometry } from './geometry.js';
import type { BookStyles } from './styles.js';
import type { Setter } from './setter.js';
import { ARTIFACT, baselineOffset, box, structNode, type Drawable, type FlowBox, type Owner, type StructNode } from './flow.js';
import { inlineSpans, WordCounter } from './spans.js';
import { mono, serif } from './styles.js';
import { layoutTable } from './tables.js';
import { layoutFigure } from './figures.js';

export interface LayoutEnv {
  setter: Setter;
  styles: BookStyles;
  geometry: PageGeometry;
  lang: string;
  rtl: boolean;
  book: Book;
  diagnostics: Diagnostics;
  resources: Map<string, Resource>;
  /** Told what is being set, for a progress display. */
  progress?: (detail: string) => void;
}

/** Where and how a run of blocks is set. */
export interface Frame {
  x: number;
  width: number;
  size: number;
  leading: number;
  parent: StructNode;
  chapter: number;
  /** Indent paragraphs that follow a paragraph (body text); otherwise space them by `paraSpace`. */
  indentParagraphs: boolean;
  paraSpace: number;
  listDepth: number;
}

export interface BlockLayout {
  boxes: FlowBox[];
  /** Space wanted above and below the block (collapsed with the neighbour's). */
  before: number;
  after: number;
}

/** Sets a sequence of blocks into one frame, with spacing and keep rules between them. */
export function layoutBlocks(env: LayoutEnv, blocks: readonly Block[], frame: Frame): FlowBox[] {
  const out: FlowBox[] = [];
  let pendingAfter = 0;
  let prev: Block['type'] | null = null;
  let keepNext = false;
  for (const block of blocks) {
    const indent = frame.indentParagraphs && block.type === 'paragraph' && prev === 'paragraph';
    const laid = layoutBlock(env, block, frame, indent);
    if (laid.boxes.length === 0) continue;
    const first = laid.boxes[0];
    if (out.length > 0) {
      const paraGap = block.type === 'paragraph' && prev === 'paragraph' ? frame.paraSpace : 0;
      first.spaceBefore = Math.max(pendingAfter, laid.before, paraGap, first.spaceBefore);
    }
    if (keepNext) {
      first.breakAfter = false;
      keepNext = false;
    }
    out.push(...laid.boxes);
    pendingAfter = laid.after;
    prev = block.type;
    if (block.type === 'heading') keepNext = true;
  }
  return out;
}

export function layoutBlock(env: LayoutEnv, block: Block, frame: Frame, indent: boolean): BlockLayout {
  const { styles } = env;
  switch (block.type) {
    case 'paragraph': {
      const node = structNode('P', frame.parent);
      const boxes = setParagraphBoxes(env, block.content, block.id, frame, node, {
        indent: indent ? styles.indent : 0,
        style: serif(frame.size),
        align: 'justify',
        hyphenate: true,
        leading: frame.leading,
        pos: block.pos,
      });
      return { boxes, before: 0, after: 0 };
    }
    case 'heading':
      return layoutHeading(env, block, frame);
    case 'blockquote':
      return layoutQuote(env, block, frame);
    case 'list':
      return layoutList(env, block, frame);
    case 'code':
      return layoutCode(env, block, frame);
    case 'thematicBreak':
      return layoutBreak(env, frame);
    case 'table':
      return layoutTable(env, block, frame);
    case 'figure':
      return layoutFigure(env, block, frame);
  }
}

export interface SetOptions {
  indent: number;
  style: TextStyle;
  align: 'justify' | 'left' | 'center' | 'right';
  hyphenate: boolean;
  leading: number;
  kind?: FlowBox['kind'];
  /** Width override (defaults to the frame's). */
  width?: number;
  /** Keep all lines together (headings, captions). */
  unbreakable?: boolean;
  /** Where the text is in the manuscript, for warnings. */
  pos?: SourcePos;
}

/** Sets inlines as a paragraph: one box per line, widow/orphan-safe break permissions. */
export function setParagraphBoxes(env: LayoutEnv, content: readonly Inline[], blockId: string, frame: Frame, owner: Owner, opts: SetOptions, words?: WordCounter): FlowBox[] {
  const lines = setInlines(env, content, blockId, opts, opts.width ?? frame.width, words);
  const n = lines.length;
  return lines.map((line, i) => {
    // The typesetter aligns runs inside the measure; a first-line indent is on the start side.
    const x = frame.x + (i === 0 && !env.rtl ? opts.indent : 0);
    return box(opts.kind ?? 'line', line.leading, [{ kind: 'line', line, x, baseline: baselineOffset(line), owner }], frame.chapter, {
      breakAfter: opts.unbreakable ? false : i === n - 1 || (i + 1 >= 2 && n - i - 1 >= 2),
      noteRefs: [...line.noteRefs],
      firstWord: line.firstWord,
      para: { blockId, line: i, lines: n },
      hyphenated: line.hyphenated || undefined,
    });
  });
}

/** Lines of inlines (hard breaks start a new piece whose previous line is not justified). */
export function setInlines(env: LayoutEnv, content: readonly Inline[], blockId: string, opts: SetOptions, width: number, words = new WordCounter()): SetLine[] {
  const segments = inlineSpans(content, opts.style, {
    blockId,
    onInlineImage: () => env.diagnostics.warn('an image inside a paragraph is set as its alt text in the PDF', opts.pos),
  }, words);
  const lines: SetLine[] = [];
  segments.forEach((spans, k) => {
    if (spans.length === 0) return;
    const indent = k === 0 ? opts.indent : 0;
    lines.push(...env.setter.setParagraph(spans, {
      width: indent > 0 ? (i: number) => (i === 0 ? width - indent : width) : width,
      lang: env.lang,
      align: opts.align,
      hyphenate: opts.hyphenate,
      leading: opts.leading,
      pos: opts.pos,
    }));
  });
  return lines;
}

/**
 * A number or mark (list label, note number, folio) set as one left-to-right line
 * against the end of its box as the book reads: right-aligned, or left-aligned in a
 * right-to-left book. Labels so hang toward their text, and folios sit at the
 * contents' outer edge.
 */
export function setEndAligned(env: LayoutEnv, text: string, style: TextStyle, width: number, leading: number): SetLine {
  const [line] = env.setter.setParagraph([{ text, style }], {
    width,
    lang: env.lang,
    align: env.rtl ? 'left' : 'right',
    direction: 'ltr',
    hyphenate: false,
    leading,
  });
  return line;
}

/** Hangs a label (list item, note number) at `x` on the baseline of the first line of `first`. */
export function hangLabel(first: FlowBox, label: SetLine, x: number, owner: StructNode): void {
  const firstLine = first.items.find((d): d is Extract<Drawable, { kind: 'line' }> => d.kind === 'line');
  first.items.unshift({ kind: 'line', line: label, x, baseline: firstLine ? firstLine.baseline : baselineOffset(label), owner });
}

/**
 * The narrowest measure that sets a display line group (headings, titles) in no
 * more lines than the full measure does: the lines come out of even length
 * instead of a long line over a lone last word.
 */
export function balancedWidth(lineCount: (width: number) => number, width: number): number {
  const n = lineCount(width);
  if (n <= 1) return width;
  let lo = width / 2;
  let hi = width;
  for (let k = 0; k < 8; k++) {
    const mid = (lo + hi) / 2;
    if (lineCount(mid) <= n) hi = mid;
    else lo = mid;
  }
  return Math.min(width, hi + 0.5);
}

function layoutHeading(env: LayoutEnv, block: HeadingBlock, frame: Frame): BlockLayout {
  const depth = Math.min(Math.max(block.depth, 1), 6);
  const hs = env.styles.headings[depth];
  const node = structNode(`H${depth}`, frame.parent);
  const opts: SetOptions = {
    indent: 0,
    style: serif(hs.size, hs.bold, hs.italic),
    align: 'left',
    hyphenate: false,
    leading: hs.leading,
    kind: 'heading',
    unbreakable: true,
    pos: block.pos,
  };
  opts.width = balancedWidth((w) => setInlines(env, block.content, block.id, opts, w).length, frame.width);
  const boxes = setParagraphBoxes(env, block.content, block.id, frame, node, opts);
  if (boxes.length === 0) {
    boxes.push(box('heading', hs.leading, [], frame.chapter, { breakAfter: false }));
  }
  boxes[0].items.unshift({ kind: 'anchor', name: block.slug, y: 0 });
  boxes[0].heading = { blockId: block.id, slug: block.slug, depth: block.depth, text: block.text };
  for (const b of boxes) delete b.para;
  return { boxes, before: hs.before, after: hs.after };
}

function layoutQuote(env: LayoutEnv, block: BlockQuoteBlock, frame: Frame): BlockLayout {
  const { quote, display } = env.styles;
  const node = structNode('BlockQuote', frame.parent);
  const size = Math.min(frame.size, quote.size);
  const inner: Frame = {
    ...frame,
    x: frame.x + quote.inset,
    width: frame.width - 2 * quote.inset,
    size,
    leading: size === frame.size ? frame.leading : quote.leading,
    parent: node,
  };
  return { boxes: layoutBlocks(env, block.children, inner), before: display, after: display };
}

const BULLETS = ['•', '–', '•', '–'];

function layoutList(env: LayoutEnv, block: ListBlock, frame: Frame): BlockLayout {
  const { styles, setter } = env;
  const list = structNode('L', frame.parent);
  const labelStyle = serif(frame.size);
  const labels = block.items.map((item, k) => {
    if (item.checked === true) return '☑';
    if (item.checked === false) return '☐';
    return block.ordered ? `${block.start + k}.` : BULLETS[frame.listDepth % BULLETS.length];
  });
  const widest = Math.max(0, ...labels.map((l) => setter.measure(l, labelStyle)));
  const indent = Math.max(styles.list.indent, Math.ceil(widest + styles.list.gap));
  const itemSpace = block.tight ? 0 : Math.round(styles.display * 0.6);
  const out: FlowBox[] = [];
  block.items.forEach((item, k) => {
    const li = structNode('LI', list);
    const lbl = structNode('Lbl', li);
    const body = structNode('LBody', li);
    const inner: Frame = {
      ...frame,
      x: env.rtl ? frame.x : frame.x + indent,
      width: frame.width - indent,
      parent: body,
      indentParagraphs: false,
      paraSpace: block.tight ? 0 : itemSpace,
      listDepth: frame.listDepth + 1,
    };
    const boxes = layoutBlocks(env, item.children, inner);
    if (boxes.length === 0) boxes.push(box('line', frame.leading, [{ kind: 'struct', owner: body }], frame.chapter));
    const first = boxes[0];
    // Labels hang toward the text: right-aligned left of it, or left-aligned right of it in RTL.
    const label = setEndAligned(env, labels[k], labelStyle, indent - styles.list.gap, frame.leading);
    hangLabel(first, label, env.rtl ? frame.x + frame.width - indent + styles.list.gap : frame.x, lbl);
    if (k > 0) first.spaceBefore = Math.max(first.spaceBefore, itemSpace);
    out.push(...boxes);
  });
  return { boxes: out, before: frame.listDepth > 0 ? 0 : styles.display, after: frame.listDepth > 0 ? 0 : styles.display };
}

function layoutCode(env: LayoutEnv, block: CodeBlock, frame: Frame): BlockLayout {
  const { code, display } = env.styles;
  const node = structNode('Code', frame.parent);
  const size = Math.min(code.size, frame.size);
  const style = mono(size);
  const width = frame.width - 2 * code.pad;
  // A source line too long for the measure wraps; its continuation lines hang
  // two characters in, so wrapped lines are told from new ones.
  const hang = Math.min(env.setter.measure('  ', style), width / 4);
  const words = new WordCounter();
  type CodeLine = { line?: SetLine; x: number };
  const rows: CodeLine[] = [];
  const sourceLines = block.value.replace(/\t/g, '    ').split('\n');
  if (sourceLines.length > 1 && sourceLines[sourceLines.length - 1] === '') sourceLines.pop();
  for (const text of sourceLines) {
    words.breakWord();
    const span: Span = { text, style, source: { blockId: block.id, word: words.next } };
    words.feed(text);
    const set = /\S/u.test(text) ? env.setter.setParagraph([span], {
      width: (i: number) => (i === 0 ? width : width - hang),
      lang: env.lang,
      align: 'left',
      hyphenate: false,
      preformatted: true,
      leading: code.leading,
      direction: 'ltr',
      pos: block.pos,
    }) : [];
    if (set.length === 0) rows.push({ x: 0 });
    set.forEach((line, i) => rows.push({ line, x: i === 0 ? 0 : hang }));
  }
  const n = rows.length;
  const fill = { group: block.id, x: frame.x, w: frame.width, grey: code.grey };
  const boxes = rows.map((row, i) => {
    const top = i === 0 ? code.pad : 0;
    const bottom = i === n - 1 ? code.pad : 0;
    const leading = row.line?.leading ?? code.leading;
    const items: Drawable[] = row.line
      ? [{ kind: 'line', line: row.line, x: frame.x + code.pad + row.x, baseline: top + baselineOffset(row.line), owner: node }]
      : i === 0 ? [{ kind: 'struct', owner: node }] : [];
    return box('code', leading + top + bottom, items, frame.chapter, {
      breakAfter: i === n - 1 || (i + 1 >= 2 && n - i - 1 >= 2),
      firstWord: row.line?.firstWord,
      fill,
      para: { blockId: block.id, line: i, lines: n },
    });
  });
  return { boxes, before: display, after: display };
}

function layoutBreak(env: LayoutEnv, frame: Frame): BlockLayout {
  // A centred ornament that still marks the break when it falls at a page turn.
  const style = serif(Math.round(frame.size * 1.15 * 100) / 100);
  const [line] = env.setter.setParagraph([{ text: '*\u2003\u2003*\u2003\u2003*', style }], {
    width: frame.width,
    lang: env.lang,
    align: 'center',
    hyphenate: false,
    leading: frame.leading,
  });
  const b = box('break', line.leading, [{ kind: 'line', line, x: frame.x, baseline: baselineOffset(line), owner: ARTIFACT }], frame.chapter);
  return { boxes: [b], before: env.styles.display, after: env.styles.display };
}
