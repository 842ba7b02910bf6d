// The book's shape once its blocks exist: chapters split at the top heading level,
// notes placed with the chapter that first cites them, block ids renumbered in
// reading order, and the contents tree.

import type { Block, Chapter, HeadingBlock, Note, TocEntry } from '../model/document.js';

export function splitChapters(blocks: Block[], opening: ReadonlySet<HeadingBlock>, bookTitle: string): Chapter[] {
  const chapters: Chapter[] = [];
  let current: Chapter | undefined;
  for (const block of blocks) {
    if (block.type === 'heading' && opening.has(block)) {
      current = { index: 0, id: '', heading: block, title: block.text || bookTitle, blocks: [block], notes: [] };
      chapters.push(current);
    } else {
      if (!current) {
        current = { index: 0, id: '', title: bookTitle, blocks: [], notes: [] };
        chapters.push(current);
      }
      current.blocks.push(block);
    }
  }
  chapters.forEach((c, i) => {
    c.index = i;
    c.id = `ch${String(i + 1).padStart(2, '0')}`;
  });
  return chapters;
}

/** Chapter holding the block with provisional number `seq` (chapters are contiguous in reading order). */
export function chapterFinder(chapters: readonly Chapter[]): (seq: number) => number {
  const starts = chapters.map((c) => (c.blocks.length > 0 ? Number(c.blocks[0].id.slice(1)) : Infinity));
  return (seq) => {
    let found = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= seq) found = i;
    return found;
  };
}

/** Gives every block its final id `b1`, `b2`, … in reading order: chapters, then notes. */
export function renumberBlocks(chapters: readonly Chapter[], notes: readonly Note[]): void {
  let n = 0;
  const visit = (blocks: readonly Block[]) => {
    const stack: Block[] = [...blocks].reverse();
    while (stack.length > 0) {
      const b = stack.pop()!;
      b.id = `b${++n}`;
      const children: Block[] =
        b.type === 'blockquote' ? b.children : b.type === 'list' ? b.items.flatMap((i) => i.children) : [];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    }
  };
  for (const c of chapters) visit(c.blocks);
  for (const note of notes) visit(note.children);
}

/** Headings at the root of each chapter down to `tocDepth`, nested by depth. */
export function buildToc(chapters: readonly Chapter[], tocDepth: number): TocEntry[] {
  const toc: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const chapter of chapters) {
    for (const b of chapter.blocks) {
      if (b.type !== 'heading' || b.depth > tocDepth) continue;
      const entry: TocEntry = {
        slug: b.slug,
        blockId: b.id,
        text: b.text,
        content: [...b.content],
        depth: b.depth,
        chapter: chapter.index,
        children: [],
      };
      while (stack.length > 0 && stack[stack.length - 1].depth >= entry.depth) stack.pop();
      if (stack.length === 0) toc.push(entry);
      else stack[stack.length - 1].children.push(entry);
      stack.push(entry);
    }
  }
  return toc;
}
