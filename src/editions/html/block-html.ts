// Blocks as HTML. Heading levels follow the outline depth, one below the book
// title's <h1> (depth 1 → <h2>, …, clamped at <h6>), so the page has one outline
// whatever heading levels the manuscript started from.

import type { Block, CellAlign, Inline, ListBlock, ListItem, TableBlock } from '../../model/document.js';
import type { Labels } from '../common/labels.js';
import { escapeAttr, escapeText } from './escape.js';
import type { InlineHtml } from './inline-html.js';

export function headingLevel(depth: number): number {
  return Math.min(Math.max(depth + 1, 2), 6);
}

function alignClass(align: CellAlign): string {
  return align ? ` class="align-${align}"` : '';
}

export class BlockHtml {
  constructor(
    private readonly inline: InlineHtml,
    private readonly labels: Labels,
  ) {}

  blocks(blocks: readonly Block[], out: string[]): void {
    for (const block of blocks) this.block(block, out);
  }

  block(block: Block, out: string[]): void {
    switch (block.type) {
      case 'heading': {
        const h = `h${headingLevel(block.depth)}`;
        out.push(`<${h} id="${escapeAttr(block.slug)}">${this.inline.render(block.content)}</${h}>`);
        return;
      }
      case 'paragraph':
        out.push(`<p>${this.inline.render(block.content)}</p>`);
        return;
      case 'figure': {
        const caption = this.inline.render(block.caption);
        out.push('<figure>');
        out.push(this.inline.image(block.image));
        if (caption.trim()) out.push(`<figcaption>${caption}</figcaption>`);
        out.push('</figure>');
        return;
      }
      case 'blockquote':
        out.push('<blockquote>');
        this.blocks(block.children, out);
        out.push('</blockquote>');
        return;
      case 'list':
        this.list(block, out);
        return;
      case 'code': {
        const lang = block.lang?.replace(/[^A-Za-z0-9_+-]/g, '');
        const cls = lang ? ` class="language-${lang}"` : '';
        out.push(`<pre><code${cls}>${escapeText(block.value.replace(/\r\n?/g, '\n'))}</code></pre>`);
        return;
      }
      case 'thematicBreak':
        out.push('<hr>');
        return;
      case 'table':
        this.table(block, out);
        return;
    }
  }

  private list(list: ListBlock, out: string[]): void {
    const tag = list.ordered ? 'ol' : 'ul';
    const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
    out.push(`<${tag}${start}>`);
    for (const item of list.items) this.item(item, list.tight, out);
    out.push(`</${tag}>`);
  }

  private item(item: ListItem, tight: boolean, out: string[]): void {
    // A disabled checkbox says "checked"/"not checked" to assistive technology; the label names the state.
    const state = item.checked ? this.labels.taskDone : this.labels.taskOpen;
    const box = item.checked === null ? '' : `<input type="checkbox" disabled${item.checked ? ' checked' : ''} aria-label="${escapeAttr(state)}"> `;
    const [first, ...rest] = item.children;
    const cls = box ? ' class="task"' : '';
    if (first?.type === 'paragraph') {
      // Tight items hold their text directly, as in pandoc and CommonMark's reference HTML.
      const text = box + this.inline.render(first.content);
      if (rest.length === 0 && tight) {
        out.push(`<li${cls}>${text}</li>`);
        return;
      }
      out.push(`<li${cls}>${tight ? text : `<p>${text}</p>`}`);
    } else {
      out.push(`<li${cls}>${box}`);
      if (first) this.block(first, out);
    }
    this.blocks(rest, out);
    out.push('</li>');
  }

  private table(table: TableBlock, out: string[]): void {
    const cell = (tag: 'th' | 'td', content: readonly Inline[], c: number, scope = '') =>
      `<${tag}${scope}${alignClass(table.align[c] ?? null)}>${this.inline.render(content)}</${tag}>`;
    // A wide table scrolls inside its own box on a narrow screen; focusable so the keyboard can scroll it.
    out.push(`<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttr(this.labels.table)}">`, '<table>');
    if (table.head.some((c) => c.length > 0)) {
      out.push(`<thead><tr>${table.head.map((c, i) => cell('th', c, i, ' scope="col"')).join('')}</tr></thead>`);
    }
    out.push('<tbody>');
    for (const row of table.rows) out.push(`<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`);
    out.push('</tbody></table>', '</div>');
  }
}
