// Print page parity (issue #3): the PDF reports, for each page, the block and the
// index of the word that opens it; here those become "place a page-break marker
// before word N of leaf block B". Words are `splitWords(plainText(...))` exactly, so
// both editions count the same way.

import type { Diagnostics } from '../../diagnostics.js';
import type { Block, Book } from '../../model/document.js';
import { plainText, splitWords } from '../../model/words.js';
import type { PageStart } from '../edition.js';
import { idSafe } from './xml.js';

export interface PageMarker {
  /** Printed folio (`12`, `iv`). */
  label: string;
  /** Fragment id of the marker element, unique in the book. */
  id: string;
  /** Index of the word in its leaf block before which the marker goes (0 = before the block). */
  word: number;
  /** Physical PDF page, for ordering. */
  page: number;
}

/** Word count of a block that holds text itself (containers count 0 here). */
export function leafWords(block: Block): number {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return splitWords(plainText(block.content)).length;
    case 'figure':
      return splitWords(plainText(block.caption)).length;
    case 'code':
      return splitWords(block.value).length;
    case 'table': {
      // Cells are read header first, then row by row; a cell boundary separates words.
      let n = 0;
      for (const cell of block.head) n += splitWords(plainText(cell)).length;
      for (const row of block.rows) for (const cell of row) n += splitWords(plainText(cell)).length;
      return n;
    }
    default:
      return 0;
  }
}

function childBlocks(block: Block): Block[] {
  if (block.type === 'blockquote') return block.children;
  if (block.type === 'list') return block.items.flatMap((item) => item.children);
  return [];
}

function leaves(block: Block, out: Block[] = []): Block[] {
  const kids = childBlocks(block);
  if (kids.length === 0) out.push(block);
  else for (const k of kids) leaves(k, out);
  return out;
}

/**
 * Resolves page starts to markers keyed by the id of the block that renders them.
 * A start inside a container (quote, list) is moved to the leaf block holding that
 * word; word 0 of any block stays on the block itself (marker placed before it).
 */
export function resolvePageMarkers(
  book: Book,
  starts: readonly PageStart[],
  diagnostics: Diagnostics,
  takenIds: Set<string>,
): Map<string, PageMarker[]> {
  const byId = new Map<string, Block>();
  const visit = (b: Block) => {
    byId.set(b.id, b);
    for (const k of childBlocks(b)) visit(k);
  };
  for (const ch of book.chapters) for (const b of ch.blocks) visit(b);

  const markers = new Map<string, PageMarker[]>();
  const sorted = [...starts].sort((a, b) => a.page - b.page);
  for (const start of sorted) {
    const block = byId.get(start.blockId);
    if (!block) {
      diagnostics.warn(`EPUB page list: print page ${start.label} starts in block ${start.blockId}, which is not in the book; page left out`);
      continue;
    }
    let target = block;
    let word = Math.max(0, Math.floor(start.word));
    if (word > 0 && childBlocks(block).length > 0) {
      let rest = word;
      let found: Block | undefined;
      for (const leaf of leaves(block)) {
        const n = leafWords(leaf);
        if (rest < n) {
          found = leaf;
          break;
        }
        rest -= n;
      }
      if (found) {
        target = found;
        word = rest;
      }
    }
    const base = `page-${idSafe(start.label).replace(/^_/, '')}`;
    let id = base;
    for (let i = 2; takenIds.has(id); i++) id = `${base}-${i}`;
    takenIds.add(id);
    const list = markers.get(target.id) ?? [];
    list.push({ label: start.label, id, word, page: start.page });
    markers.set(target.id, list);
  }
  for (const list of markers.values()) list.sort((a, b) => a.word - b.word || a.page - b.page);
  return markers;
}
