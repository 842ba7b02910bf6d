// Block content → XHTML, with print page markers: a page that opens with a block
// gets its marker just before the block's element; one that opens mid-block gets it
// inside the text, in front of the word.

import type { Block, CellAlign, Inline, ListBlock } from '../../model/document.js';
import { plainText } from '../../model/words.js';
import { imageHref, useImage, type BookIndex } from './book-index.js';
import { InlineWriter, placeMarker, type InlineMode } from './inlines.js';
import type { PageMarker } from './page-markers.js';
import { attrs } from './xml.js';

export class BlockWriter {
  constructor(
    private readonly ix: BookIndex,
    private readonly file: string,
    private readonly mode: Exclude<InlineMode, 'label'>,
    private readonly seenNoteRefs: Set<number>,
  ) {}

  blocks(blocks: readonly Block[], tight = false): string {
    let out = '';
    for (const b of blocks) out += this.block(b, tight);
    return out;
  }

  /** Markers for a block: those at word 0 are written before it, the rest go to the inline writer. */
  private take(block: Block): { before: string; queue: PageMarker[] } {
    if (this.mode !== 'body') return { before: '', queue: [] };
    const list = this.ix.markers.get(block.id);
    if (!list?.length) return { before: '', queue: [] };
    let before = '';
    const queue = [...list];
    while (queue.length && queue[0].word === 0) before += placeMarker(this.ix, queue.shift()!, this.file);
    return { before, queue };
  }

  private writer(queue: PageMarker[]): InlineWriter {
    return new InlineWriter(this.ix, this.file, this.mode, queue, this.seenNoteRefs);
  }

  private inlineBlock(block: Block, content: readonly Inline[], queue: PageMarker[]): string {
    const w = this.writer(queue).inlines(content);
    w.flushMarkers(block.id);
    return w.out;
  }

  block(b: Block, tight = false): string {
    const { before, queue } = this.take(b);
    switch (b.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, b.depth));
        if (this.mode === 'body') this.ix.sequence.push(`${this.file}#${b.slug}`);
        return `${before}<h${level}${attrs({ id: b.slug })}>${this.inlineBlock(b, b.content, queue)}</h${level}>\n`;
      }
      case 'paragraph': {
        const body = this.inlineBlock(b, b.content, queue);
        return tight ? `${before}${body}` : `${before}<p>${body}</p>\n`;
      }
      case 'figure':
        return before + this.figure(b, queue);
      case 'blockquote':
        return `${before}<blockquote>\n${this.blocks(b.children)}</blockquote>\n${this.leftovers(b.id, queue)}`;
      case 'list':
        return before + this.list(b) + this.leftovers(b.id, queue);
      case 'code': {
        const w = this.writer(queue);
        w.text(b.value);
        w.flushMarkers(b.id);
        return `${before}<pre><code${attrs({ class: b.lang ? `language-${b.lang}` : undefined })}>${w.out}</code></pre>\n`;
      }
      case 'thematicBreak':
        return `${before}<hr/>\n${this.leftovers(b.id, queue)}`;
      case 'table':
        return before + this.table(b, queue);
    }
  }

  private leftovers(blockId: string, queue: PageMarker[]): string {
    if (!queue.length) return '';
    const w = this.writer(queue);
    w.flushMarkers(blockId);
    return w.out;
  }

  private figure(b: Extract<Block, { type: 'figure' }>, queue: PageMarker[]): string {
    const r = this.ix.resources.get(b.image.resource);
    let img = '';
    if (r) {
      useImage(this.ix, r, b.image.alt);
      img = `<img${attrs({ src: imageHref(r), alt: b.image.alt })}/>`;
    } else {
      this.ix.diagnostics.warn(`EPUB: image resource ${b.image.resource} is missing; figure left without its image`, b.image.pos);
    }
    const caption = this.inlineBlock(b, b.caption, queue);
    const figcaption = b.caption.length ? `<figcaption>${caption}</figcaption>` : caption;
    return `<figure>${img}${figcaption}</figure>\n`;
  }

  private list(b: ListBlock): string {
    const tag = b.ordered ? 'ol' : 'ul';
    let out = `<${tag}${attrs({ start: b.ordered && b.start !== 1 ? b.start : undefined })}>\n`;
    for (const item of b.items) {
      const task = item.checked !== null;
      out += task ? '<li class="task">' : '<li>';
      if (task) out += this.taskBox(item.checked === true);
      // A tight item's paragraphs are set as bare text, as the Markdown means it.
      const kids = item.children;
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i];
        const bare = b.tight && kid.type === 'paragraph';
        out += this.block(kid, bare);
        if (bare && i + 1 < kids.length) out += '\n';
      }
      out += '</li>\n';
    }
    return `${out}</${tag}>\n`;
  }

  /** No form controls in an EPUB without scripting: a ballot box glyph with a spoken label. */
  private taskBox(done: boolean): string {
    const l = this.ix.labels;
    return `<span class="task-box" role="img"${attrs({ 'aria-label': done ? l.taskDone : l.taskOpen })}>${done ? '\u2611' : '\u2610'}</span> `;
  }

  private table(b: Extract<Block, { type: 'table' }>, queue: PageMarker[]): string {
    const w = this.writer(queue);
    const alignClass = (a: CellAlign) => (a ? `align-${a}` : undefined);
    const cell = (tag: 'th' | 'td', content: readonly Inline[], i: number) => {
      w.out += `<${tag}${attrs({ scope: tag === 'th' ? 'col' : undefined, class: alignClass(b.align[i] ?? null) })}>`;
      w.inlines(content);
      w.boundary();
      w.out += `</${tag}>`;
    };
    w.out += '<div class="table-wrap"><table>\n';
    // A header row of blank cells (GFM requires one) announces nothing: leave it out.
    // Blank cells hold no words, so the page-marker word count is unaffected.
    const blank = (c: readonly Inline[]) => plainText(c).trim() === '' && c.every((i) => i.type === 'text' || i.type === 'break');
    if (!b.head.every(blank)) {
      w.out += '<thead><tr>';
      b.head.forEach((c, i) => cell('th', c, i));
      w.out += '</tr></thead>\n';
    }
    w.out += '<tbody>\n';
    for (const row of b.rows) {
      w.out += '<tr>';
      row.forEach((c, i) => cell('td', c, i));
      w.out += '</tr>\n';
    }
    w.out += '</tbody>\n</table></div>\n';
    w.flushMarkers(b.id);
    return w.out;
  }
}
