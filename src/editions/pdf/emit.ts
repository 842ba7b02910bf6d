// Writing the composed book into pdfkit, page by page, in order: no buffered
// pages and no pdfkit text flow — every line is placed where the page model says.

import type { Diagnostics } from '../../diagnostics.js';
import type { Book, TocEntry } from '../../model/document.js';
import { labelsFor } from '../common/labels.js';
import type { GlyphRun, SetLine } from './typeset/types.js';
import type { Doc, Setter } from './setter.js';
import type { BookStyles } from './styles.js';
import type { PageGeometry } from './geometry.js';
import { textLeft } from './geometry.js';
import { ARTIFACT, type Drawable, type Owner, type StructNode } from './flow.js';
import type { ComposedBook, ComposedPage } from './pages.js';
import type { PlacedBox } from './paginate.js';
import { Tagger, type StructElement } from './tagging.js';
import { ImageDrawer } from './images.js';
import { serif } from './styles.js';

export interface EmitContext {
  doc: Doc;
  setter: Setter;
  geometry: PageGeometry;
  styles: BookStyles;
  lang: string;
  book: Book;
  composed: ComposedBook;
  documentNode: StructNode;
  noteRoots: Map<number, StructNode>;
  diagnostics: Diagnostics;
  progress?: (detail: string) => void;
}

interface Segment {
  runs: GlyphRun[];
  link?: string;
  noteRef?: number;
}

/** Splits a line into stretches that are plain text, one link, or one note marker. */
function segments(runs: readonly GlyphRun[]): Segment[] {
  const out: Segment[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    const link = run.noteRef !== undefined ? undefined : run.link;
    if (last && last.link === link && last.noteRef === undefined && run.noteRef === undefined) {
      last.runs.push(run);
    } else {
      out.push({ runs: [run], link, noteRef: run.noteRef });
    }
  }
  return out;
}

function grey(g: number): string {
  const v = Math.round(Math.min(1, Math.max(0, g)) * 255).toString(16).padStart(2, '0');
  return `#${v}${v}${v}`;
}

/** Named destination of one setting of a note (`3@5` → `note-3-5`). */
export function occurrenceDestination(occurrence: string): string {
  return `note-${occurrence.replace('@', '-')}`;
}

export class Emitter {
  private readonly tagger: Tagger;
  private readonly images: ImageDrawer;
  private readonly anchors = new Set<string>();
  private readonly dests = new Set<string>();
  private readonly firstNoteDest = new Set<number>();
  /** The link being drawn, so a link broken across lines stays one Link element. */
  private openLink?: { owner: StructElement; target: string; el: StructElement };
  /** Note occurrences set at the foot of the current page, by note number. */
  private pageNotes = new Map<number, string>();

  constructor(private readonly ctx: EmitContext) {
    this.tagger = new Tagger(ctx.doc, ctx.documentNode);
    this.images = new ImageDrawer(ctx.doc, ctx.diagnostics);
    for (const slug of ctx.composed.headings.keys()) this.anchors.add(slug);
    for (const page of ctx.composed.pages) {
      for (const piece of page.notes) for (const b of piece.boxes) for (const d of b.box.items) if (d.kind === 'anchor') this.anchors.add(d.name);
    }
  }

  emit(): void {
    const { composed } = this.ctx;
    composed.pages.forEach((page, k) => {
      this.ctx.progress?.(`writing page ${k + 1} of ${composed.pages.length}`);
      this.page(page, k + 1);
    });
    this.outline();
    this.tagger.finish();
  }

  private page(page: ComposedPage, pageNo: number): void {
    const { doc, geometry: g } = this.ctx;
    this.openLink = undefined;
    this.pageNotes = new Map(page.notes.map((n) => [n.note, n.occurrence]));
    doc.addPage({ size: [g.width, g.height], margin: 0 });
    const left = textLeft(g, pageNo);
    const top = g.top;

    this.fills(page.boxes, left, top);
    for (const placed of page.boxes) this.boxItems(placed, left, top, placed.repeated ? ARTIFACT : undefined);
    const last = page.boxes[page.boxes.length - 1];
    if (last && !last.repeated && last.box.pageEnd) {
      for (const item of last.box.pageEnd) this.draw(item, left, top + last.y, undefined, undefined);
    }

    if (page.notes.length > 0 && page.noteRuleY !== undefined) {
      const ruleY = top + page.noteRuleY;
      this.tagger.artifact('Layout', () => this.rule(left, ruleY, this.ctx.styles.note.ruleWidth, 0.5, 0));
      for (const piece of page.notes) {
        const root = this.ctx.noteRoots.get(piece.note);
        if (!root) continue;
        if (!this.tagger.hasNote(piece.occurrence, root)) {
          // Cited by nothing drawn on this page (should not happen): hang it on the document.
          this.tagger.attachNote(piece.occurrence, root, this.tagger.root, occurrenceDestination(piece.occurrence));
        }
        piece.boxes.forEach((placed, k) => {
          if (k === 0 && piece.start) {
            this.ctx.doc.addNamedDestination(occurrenceDestination(piece.occurrence), 'XYZ', null as never, top + placed.y - 2, null as never);
            if (!this.firstNoteDest.has(piece.note)) {
              this.firstNoteDest.add(piece.note);
              this.ctx.doc.addNamedDestination(`fn-${piece.note}`, 'XYZ', null as never, top + placed.y - 2, null as never);
            }
          }
          this.boxItems(placed, left, top, undefined, piece.occurrence);
        });
      }
    }
    this.pagination(page, left);
    this.openLink = undefined;
    this.tagger.endPage();
  }

  /** Grey fields behind consecutive boxes of one group (code blocks), drawn first. */
  private fills(boxes: readonly PlacedBox[], left: number, top: number): void {
    let k = 0;
    while (k < boxes.length) {
      const fill = boxes[k].box.fill;
      if (!fill) {
        k++;
        continue;
      }
      let m = k;
      while (m + 1 < boxes.length && boxes[m + 1].box.fill?.group === fill.group) m++;
      const y0 = top + boxes[k].y;
      const y1 = top + boxes[m].y + boxes[m].box.height;
      this.tagger.artifact('Layout', () => {
        this.ctx.doc.rect(left + fill.x, y0, fill.w, y1 - y0).fill(grey(fill.grey));
      });
      k = m + 1;
    }
  }

  private boxItems(placed: PlacedBox, left: number, top: number, forceOwner?: typeof ARTIFACT, scope?: string): void {
    const y0 = top + placed.y;
    for (const item of placed.box.items) this.draw(item, left, y0, forceOwner, scope);
  }

  private draw(item: Drawable, left: number, y0: number, forceOwner: typeof ARTIFACT | undefined, scope: string | undefined): void {
    const { doc } = this.ctx;
    switch (item.kind) {
      case 'line':
        this.line(item.line, left + item.x, y0 + item.baseline, forceOwner ?? item.owner, scope);
        break;
      case 'rect':
        this.tagger.artifact('Layout', () => doc.rect(left + item.x, y0 + item.y, item.w, item.h).fill(grey(item.grey)));
        break;
      case 'rule':
        this.tagger.artifact('Layout', () => this.rule(left + item.x, y0 + item.y, item.w, item.thickness, item.grey));
        break;
      case 'dots': {
        // Text periods, so the contents reads "Heading . . . . 12" to any text extractor,
        // but an artifact: a screen reader hears the entry and its page number only.
        // One run ". . . ." whose word spaces are stretched to the pitch: one text
        // operator per leader rather than one per dot.
        const start = Math.ceil(item.from / item.pitch) * item.pitch;
        const count = Math.floor((item.to - item.dot.width - start) / item.pitch) + 1;
        const [dot] = item.dot.runs;
        if (count <= 0 || item.dot.runs.length !== 1) break;
        const run: GlyphRun = {
          ...dot,
          x: start + dot.x,
          text: Array.from({ length: count }, () => '.').join(' '),
          width: (count - 1) * item.pitch + dot.width,
          wordSpacing: item.pitch - dot.width - item.space,
        };
        const leader: SetLine = { ...item.dot, runs: [run], width: run.width, measure: run.width };
        this.tagger.artifact('Layout', () => this.ctx.setter.drawLine(doc, leader, left, y0 + item.baseline, { annotate: false }));
        break;
      }
      case 'image': {
        if (forceOwner === ARTIFACT) break;
        const x = left + item.x;
        const y = y0 + item.y;
        const el = this.tagger.element(item.owner, scope, [x, y, x + item.w, y + item.h]);
        this.tagger.content(el, item.owner.type, () => this.images.draw(item.resource, x, y, item.w, item.h));
        break;
      }
      case 'anchor':
        // A note set on several pages keeps its destination at the first setting.
        if (forceOwner === ARTIFACT || this.dests.has(item.name)) break;
        this.dests.add(item.name);
        doc.addNamedDestination(item.name, 'XYZ', null as never, Math.max(0, y0 + item.y - 6), null as never);
        break;
      case 'link': {
        if (forceOwner === ARTIFACT) break;
        const el = this.tagger.element(item.owner, scope);
        this.annotate(left + item.x, y0 + item.y, item.w, item.h, item.target, el, item.contents);
        break;
      }
      case 'struct':
        if (forceOwner === ARTIFACT) break;
        this.tagger.element(item.owner, scope);
        break;
    }
  }

  private rule(x: number, y: number, w: number, thickness: number, g: number): void {
    const { doc } = this.ctx;
    doc.save();
    doc.moveTo(x, y).lineTo(x + w, y).lineWidth(thickness).strokeColor(grey(g)).stroke();
    doc.restore();
  }

  private line(line: SetLine, x: number, baseline: number, owner: Owner, scope: string | undefined): void {
    const { doc, setter } = this.ctx;
    if (owner === ARTIFACT) {
      this.tagger.artifact('Layout', () => setter.drawLine(doc, line, x, baseline, { annotate: false }));
      return;
    }
    const el = this.tagger.element(owner, scope);
    for (const seg of segments(line.runs)) {
      const part: SetLine = { ...line, runs: seg.runs };
      if (seg.link === undefined && seg.noteRef === undefined) {
        this.openLink = undefined;
        this.tagger.content(el, owner.type, () => setter.drawLine(doc, part, x, baseline, { annotate: false }));
        continue;
      }
      const target = seg.noteRef !== undefined ? `#${this.noteTarget(seg.noteRef)}` : seg.link!;
      let linkEl: StructElement;
      if (seg.noteRef === undefined && this.openLink && this.openLink.owner === el && this.openLink.target === target) {
        linkEl = this.openLink.el;
      } else {
        linkEl = this.tagger.link(el);
        this.openLink = seg.noteRef === undefined ? { owner: el, target, el: linkEl } : undefined;
      }
      this.tagger.content(linkEl, 'Link', () => setter.drawLine(doc, part, x, baseline, { annotate: false }));
      const x0 = Math.min(...seg.runs.map((r) => r.x));
      const x1 = Math.max(...seg.runs.map((r) => r.x + r.width));
      const text = seg.runs.map((r) => r.text).join('');
      const label = seg.noteRef !== undefined ? labelsFor(this.ctx.lang).noteLink(seg.noteRef) : seg.link!.startsWith('#') ? text : `${text} (${seg.link})`;
      this.annotate(x + x0, baseline - line.ascent, x1 - x0, line.ascent + line.descent, target, linkEl, label);
      if (seg.noteRef !== undefined) this.citeNote(seg.noteRef, el);
    }
  }

  private noteTarget(note: number): string {
    const occurrence = this.pageNotes.get(note);
    return occurrence ? occurrenceDestination(occurrence) : `fn-${note}`;
  }

  private citeNote(note: number, parent: StructElement): void {
    const occurrence = this.pageNotes.get(note);
    const root = this.ctx.noteRoots.get(note);
    if (!occurrence || !root) return;
    this.tagger.attachNote(occurrence, root, parent, occurrenceDestination(occurrence));
  }

  private annotate(x: number, y: number, w: number, h: number, target: string, el: StructElement, contents: string): void {
    const { doc, diagnostics } = this.ctx;
    if (w <= 0 || h <= 0) return;
    const options = { structParent: el, Contents: new String(contents) } as never;
    if (target.startsWith('#')) {
      const name = target.slice(1);
      if (!this.anchors.has(name) && !name.startsWith('fn-') && !name.startsWith('note-')) {
        diagnostics.warn(`cross-reference to "#${name}" has no heading to point to; the PDF link is left out`);
        return;
      }
      doc.goTo(x, y, w, h, name, options);
    } else {
      doc.link(x, y, w, h, target, options);
    }
  }

  /** Running head and folio, as pagination artifacts. */
  private pagination(page: ComposedPage, left: number): void {
    const { doc, setter, geometry: g, styles, lang } = this.ctx;
    const set = (text: string, italic: boolean): SetLine => {
      const lines = (t: string) => setter.setParagraph([{ text: t, style: serif(styles.runningHead.size, false, italic) }], {
        width: g.textWidth, lang, align: 'center', hyphenate: false,
      });
      // A running head is one line: a title too long for it is cut at a word, with an ellipsis.
      let words = text.split(/\s+/u);
      let set = lines(text);
      while (set.length > 1 && words.length > 1) {
        words = words.slice(0, -1);
        set = lines(`${words.join(' ')}…`);
      }
      return set[0];
    };
    if (page.runningHead) {
      const line = set(page.runningHead, true);
      const baseline = g.top - styles.leading * 1.6;
      this.tagger.artifact('Pagination', () => setter.drawLine(doc, line, left, baseline, { annotate: false }));
    }
    if (page.folio) {
      const line = set(page.label, false);
      const baseline = g.top + g.textHeight + styles.leading * 2.2;
      this.tagger.artifact('Pagination', () => setter.drawLine(doc, line, left, baseline, { annotate: false }));
    }
  }

  /** Bookmarks mirroring the contents, each pointing at its heading's page and height. */
  private outline(): void {
    const { doc, composed, geometry: g } = this.ctx;
    const add = (parent: { addItem(title: string, options?: object): unknown }, entries: readonly TocEntry[]) => {
      for (const entry of entries) {
        const where = composed.headings.get(entry.slug);
        if (!where) continue;
        const item = parent.addItem(entry.text, { pageNumber: where.page - 1, expanded: entry.depth === 1 && entry.children.length > 0 }) as {
          addItem(title: string, options?: object): unknown;
          outlineData: Record<string, unknown>;
        };
        const pages = (doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
        item.outlineData.Dest = [pages[where.page - 1], 'XYZ', null, g.height - Math.max(0, g.top + where.y - 6), null];
        add(item, entry.children);
      }
    };
    add(doc.outline as never, this.ctx.book.toc);
  }
}
