// Fragment ids of the web edition. Headings and notes keep the ids the model gave
// them (the same in every edition); ids this edition adds — later references to a
// note, the contents — are checked against those so the page never has two
// elements with one id.

import type { Block, Book, Inline } from '../../model/document.js';

export class PageIds {
  private readonly used = new Set<string>();
  /** For each note number, the id of each reference to it, in reading order. */
  readonly noteRefs = new Map<number, string[]>();
  /** Note number → fragment id of its body. */
  readonly noteIds = new Map<number, string>();

  constructor(book: Book) {
    for (const chapter of book.chapters) reserveHeadings(chapter.blocks, this.used);
    for (const note of book.notes) {
      this.used.add(note.id);
      this.used.add(note.refId);
      this.noteIds.set(note.number, note.id);
    }
    const counts = new Map<number, number>();
    const count = (inlines: readonly Inline[]) => walkNoteRefs(inlines, (n) => counts.set(n, (counts.get(n) ?? 0) + 1));
    for (const chapter of book.chapters) forEachInlines(chapter.blocks, count);
    for (const note of book.notes) forEachInlines(note.children, count);
    for (const note of [...book.notes].sort((a, b) => a.number - b.number)) {
      const ids = [note.refId];
      for (let k = 2; k <= (counts.get(note.number) ?? 1); k++) ids.push(this.unique(`${note.refId}-${k}`));
      this.noteRefs.set(note.number, ids);
    }
  }

  /** `base`, or `base-2`, `base-3`, … whichever is still free; reserves it. */
  unique(base: string): string {
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}-${k}`;
    this.used.add(id);
    return id;
  }
}

function reserveHeadings(blocks: readonly Block[], used: Set<string>): void {
  for (const block of blocks) {
    if (block.type === 'heading') used.add(block.slug);
    else if (block.type === 'blockquote') reserveHeadings(block.children, used);
    else if (block.type === 'list') for (const item of block.items) reserveHeadings(item.children, used);
  }
}

function walkNoteRefs(inlines: readonly Inline[], visit: (n: number) => void): void {
  for (const node of inlines) {
    if (node.type === 'noteref') visit(node.number);
    else if ('children' in node) walkNoteRefs(node.children, visit);
  }
}

/** Calls `visit` with every run of inlines in `blocks`, in reading order. */
export function forEachInlines(blocks: readonly Block[], visit: (inlines: readonly Inline[]) => void): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        visit(block.content);
        break;
      case 'figure':
        visit(block.caption);
        break;
      case 'blockquote':
        forEachInlines(block.children, visit);
        break;
      case 'list':
        for (const item of block.items) forEachInlines(item.children, visit);
        break;
      case 'table':
        for (const cell of block.head) visit(cell);
        for (const row of block.rows) for (const cell of row) visit(cell);
        break;
      case 'code':
      case 'thematicBreak':
        break;
    }
  }
}
