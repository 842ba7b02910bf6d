// Inline content → XHTML. The writer also counts words exactly as
// `splitWords(plainText(...))` does, so a print page marker can be dropped in front
// of word N even when that word sits deep inside emphasis, a link or an abbreviation.

import type { Inline } from '../../model/document.js';
import { imageHref, useImage, type BookIndex } from './book-index.js';
import type { PageMarker } from './page-markers.js';
import { attrs, esc, safeHref } from './xml.js';

const WS = /\s/u;

/** `body`: chapter text; `note`: a note body; `label`: navigation text (no links, no note markers). */
export type InlineMode = 'body' | 'note' | 'label';

/** Writes a page-break marker and records where it went (for the page list and the NCX). */
export function placeMarker(ix: BookIndex, m: PageMarker, file: string): string {
  ix.placed.push({ ...m, file });
  ix.sequence.push(`${file}#${m.id}`);
  return `<span epub:type="pagebreak" role="doc-pagebreak"${attrs({ id: m.id, 'aria-label': m.label })}/>`;
}

export class InlineWriter {
  out = '';
  private word = 0;
  private inWord = false;

  constructor(
    private readonly ix: BookIndex,
    /** File being written, to make links to other files relative and same-file links bare. */
    private readonly file: string,
    private readonly mode: InlineMode,
    /** Markers still to place in this block, in word order; consumed. */
    private readonly queue: PageMarker[] = [],
    /** Note numbers whose first reference has been written (shared across the book). */
    private readonly seenNoteRefs: Set<number> = new Set(),
  ) {}

  /** Ends a cell or other boundary that separates words without writing anything. */
  boundary(): void {
    this.inWord = false;
  }

  inlines(nodes: readonly Inline[]): this {
    for (const node of nodes) this.inline(node);
    return this;
  }

  /** Raw text, page markers included where a queued word begins. */
  text(raw: string): void {
    if (this.queue.length === 0) {
      this.out += esc(raw);
      return;
    }
    let from = 0;
    for (let i = 0; i < raw.length; i++) {
      const ws = WS.test(raw[i]);
      if (!ws && !this.inWord) {
        if (this.queue.length && this.queue[0].word <= this.word) {
          this.out += esc(raw.slice(from, i));
          from = i;
          while (this.queue.length && this.queue[0].word <= this.word) this.marker(this.queue.shift()!);
        }
        this.word++;
      }
      this.inWord = !ws;
    }
    this.out += esc(raw.slice(from));
  }

  marker(m: PageMarker): void {
    this.out += placeMarker(this.ix, m, this.file);
  }

  /** Writes markers whose word was never reached (the page start pointed past the block's end). */
  flushMarkers(blockId: string): void {
    while (this.queue.length) {
      const m = this.queue.shift()!;
      this.ix.diagnostics.warn(`EPUB page list: print page ${m.label} starts at word ${m.word} of block ${blockId}, past its end; marker placed at the block's end`);
      this.marker(m);
    }
  }

  private inline(node: Inline): void {
    switch (node.type) {
      case 'text':
        this.text(node.value);
        return;
      case 'code':
        this.out += '<code>';
        this.text(node.value);
        this.out += '</code>';
        return;
      case 'break':
        this.out += this.mode === 'label' ? ' ' : '<br/>';
        this.inWord = false;
        return;
      case 'emphasis':
        return this.wrap('em', node.children);
      case 'strong':
        return this.wrap('strong', node.children);
      case 'strikethrough':
        return this.wrap('s', node.children);
      case 'subscript':
        return this.wrap('sub', node.children);
      case 'superscript':
        return this.wrap('sup', node.children);
      case 'abbr':
        this.out += `<abbr${attrs({ title: node.title })}>`;
        this.inlines(node.children);
        this.out += '</abbr>';
        return;
      case 'link':
        return this.link(node);
      case 'image': {
        const r = this.ix.resources.get(node.resource);
        if (this.mode === 'label') {
          this.out += esc(node.alt);
          return;
        }
        if (!r) {
          this.ix.diagnostics.warn(`EPUB: image resource ${node.resource} is missing; image left out`, node.pos);
          return;
        }
        useImage(this.ix, r, node.alt);
        this.out += `<img${attrs({ src: imageHref(r), alt: node.alt, title: node.title })}/>`;
        return;
      }
      case 'noteref':
        return this.noteRef(node.number);
    }
  }

  private wrap(tag: string, children: readonly Inline[]): void {
    this.out += `<${tag}>`;
    this.inlines(children);
    this.out += `</${tag}>`;
  }

  private link(node: Extract<Inline, { type: 'link' }>): void {
    if (this.mode === 'label') {
      this.inlines(node.children);
      return;
    }
    let href = safeHref(node.href);
    if (node.internal !== undefined) {
      const file = this.ix.anchorFile.get(node.internal);
      if (!file) {
        this.ix.diagnostics.warn(`EPUB: cross-reference to #${node.internal} has no target; written as plain text`);
        this.inlines(node.children);
        return;
      }
      href = file === this.file ? `#${node.internal}` : `${file}#${node.internal}`;
    }
    this.out += `<a${attrs({ href, title: node.title })}>`;
    this.inlines(node.children);
    this.out += '</a>';
  }

  private noteRef(n: number): void {
    if (this.mode === 'label') return;
    const note = this.ix.book.notes[n - 1];
    if (!note) {
      this.ix.diagnostics.warn(`EPUB: reference to note ${n}, which does not exist; left out`);
      return;
    }
    const file = this.ix.anchorFile.get(note.id)!;
    const href = file === this.file ? `#${note.id}` : `${file}#${note.id}`;
    // Only the first reference carries the id the note's back link points to.
    const first = this.mode === 'body' && !this.seenNoteRefs.has(n);
    if (first) this.seenNoteRefs.add(n);
    // `sup` outside the link: Apple Books only pops up notes whose link has no element child.
    this.out += `<sup><a epub:type="noteref" role="doc-noteref"${attrs({ href, id: first ? note.refId : undefined })}>${n}</a></sup>`;
  }
}
