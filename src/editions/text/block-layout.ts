// Blocks as lines of plain text. Every block is laid out into the width it is given
// and containers (lists, quotes, notes) shrink the width and prefix the lines, so
// nesting composes and the width promise holds at every depth.
//
// Conventions:
// - Blocks are separated by one blank line; a depth-1 heading by two, to mark the
//   section break (chapters, which open with one, are three apart: see index.ts).
// - Depth-1 headings are underlined with `=`, depth-2 with `-`, both as long as the
//   heading's widest line. Deeper headings stand alone on their lines with blank
//   lines around, as in pandoc's plain output: a third kind of underline would be
//   guesswork for the reader, and the contents shows the hierarchy.
// - Bullets are `-` and `*` by turns of nesting; ordered items `1.` with the list's
//   start, numbers right-aligned; task items `[x]`/`[ ]` after the mark. Following
//   lines hang under the item's text. Tight lists have no blank lines between items.
// - Quotes take `> ` per level (a bare `>` on blank lines), counted in the width.
// - Code blocks are indented four spaces and never wrapped: a code line is
//   unbreakable content and is the one thing allowed past the width. Tabs are
//   expanded to four-column stops so the indentation survives any viewer.
// - A thematic break is a centred `* * *`; figures are `[Figure: caption]`.

import type { Block, CodeBlock, HeadingBlock, ListBlock } from '../../model/document.js';
import { displayWidth } from './display-width.js';
import type { InlineWriter } from './inline-text.js';
import { layoutTable } from './table-layout.js';
import { wrapText } from './wrap.js';

/** Control characters other than tab and newline: invisible at best, terminal escapes at worst. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Narrowest width a container hands down; deeper nesting overflows rather than loop. */
const MIN_WIDTH = 8;

export function centre(line: string, width: number): string {
  const room = width - displayWidth(line);
  return room > 1 ? ' '.repeat(Math.floor(room / 2)) + line : line;
}

/** Prefixes the first line with `first` and the others with `rest`; blank lines stay empty. */
export function hang(lines: readonly string[], first: string, rest: string): string[] {
  if (lines.length === 0) return [first.trimEnd()];
  return lines.map((line, i) => {
    if (line === '') return i === 0 ? first.trimEnd() : '';
    return (i === 0 ? first : rest) + line;
  });
}

export class BlockLayout {
  constructor(private readonly inline: InlineWriter) {}

  /** Lays out a run of sibling blocks; `tight` joins them without blank lines (tight list items). */
  blocks(blocks: readonly Block[], width: number, tight = false, listLevel = 0): string[] {
    const out: string[] = [];
    for (const block of blocks) {
      const lines = this.block(block, width, listLevel);
      if (lines.length === 0) continue;
      if (out.length > 0 && !tight) {
        out.push('');
        if (block.type === 'heading' && block.depth === 1) out.push('');
      }
      for (const line of lines) out.push(line);
    }
    return out;
  }

  block(block: Block, width: number, listLevel = 0): string[] {
    const w = Math.max(width, MIN_WIDTH);
    switch (block.type) {
      case 'heading':
        return this.heading(block, w);
      case 'paragraph':
        return wrapText(this.inline.write(block.content), w);
      case 'figure': {
        const caption = this.inline.write(block.caption).trim() || block.image.alt.trim();
        return wrapText(caption ? `[Figure: ${caption}]` : '[Figure]', w);
      }
      case 'blockquote':
        return hang(this.blocks(block.children, w - 2), '> ', '> ').map((line) => (line === '' ? '>' : line));
      case 'list':
        return this.list(block, w, listLevel);
      case 'code':
        return codeLines(block);
      case 'thematicBreak':
        return [centre('* * *', w)];
      case 'table':
        return layoutTable(block, w, this.inline);
    }
  }

  heading(block: HeadingBlock, width: number): string[] {
    const lines = wrapText(this.inline.write(block.content, false), width);
    if (lines.length === 0) return [];
    if (block.depth > 2) return lines;
    let longest = 0;
    for (const line of lines) longest = Math.max(longest, displayWidth(line));
    return [...lines, (block.depth === 1 ? '=' : '-').repeat(longest)];
  }

  private list(list: ListBlock, width: number, level: number): string[] {
    const last = list.start + list.items.length - 1;
    const numberWidth = Math.max(String(list.start).length, String(last).length);
    const bullet = level % 2 === 0 ? '-' : '*';
    const out: string[] = [];
    list.items.forEach((item, i) => {
      let mark = list.ordered ? `${String(list.start + i).padStart(numberWidth)}. ` : `${bullet} `;
      if (item.checked !== null) mark += item.checked ? '[x] ' : '[ ] ';
      const indent = displayWidth(mark);
      const body = this.blocks(item.children, width - indent, list.tight, level + 1);
      if (out.length > 0 && !list.tight) out.push('');
      for (const line of hang(body, mark, ' '.repeat(indent))) out.push(line);
    });
    return out;
  }
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(4 - (displayWidth(out) % 4));
    else out += ch;
  }
  return out;
}

function codeLines(block: CodeBlock): string[] {
  const lines = block.value.replace(/\r\n?/g, '\n').replace(CONTROLS, '').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => {
    const text = expandTabs(line).trimEnd();
    return text === '' ? '' : `    ${text}`;
  });
}
