// Tables as aligned columns, in the style of pandoc's "simple tables":
//
//   Name     Count    Note
//   -----  -------  ------
//   Alpha        1  _first_
//
// Columns are two spaces apart and padded by display width, so CJK and accented
// text line up. A table that does not fit the line has its cell text wrapped inside
// the columns, the room shared out in proportion to how much each column wants
// beyond its longest word; rows that then take several lines are separated by a
// blank line so they stay distinguishable. When even the longest words do not fit
// side by side the table is set as one record per row ("Name: Alpha") instead,
// because overflowing the line would break the edition's width promise.

import type { CellAlign, Inline, TableBlock } from '../../model/document.js';
import { displayWidth } from './display-width.js';
import type { InlineWriter } from './inline-text.js';
import { wrapText } from './wrap.js';

const GAP = '  ';

function widest(lines: readonly string[]): number {
  let w = 0;
  for (const line of lines) w = Math.max(w, displayWidth(line));
  return w;
}

function pad(text: string, width: number, align: CellAlign): string {
  const room = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}

/** Shares `room` columns out in proportion to `wants`, largest remainders first (deterministic). */
function share(room: number, wants: readonly number[]): number[] {
  const total = wants.reduce((a, b) => a + b, 0);
  if (total === 0) return wants.map(() => 0);
  const exact = wants.map((w) => (room * w) / total);
  const out = exact.map(Math.floor);
  let left = room - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ frac: x - Math.floor(x), i })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (out[i] < wants[i]) {
      out[i]++;
      left--;
    }
  }
  return out;
}

/**
 * Column widths within `room`: columns that want no more than an even share of
 * what is left get all they want (short columns stay on one line), repeatedly;
 * the rest get their longest word plus a proportional share of the remainder.
 */
function fit(natural: readonly number[], minimum: readonly number[], room: number): number[] {
  const widths = [...minimum];
  const open = new Set(natural.map((_, c) => c));
  let left = room;
  for (let settled = true; settled && open.size > 0; ) {
    settled = false;
    const fair = left / open.size;
    for (const c of [...open]) {
      if (natural[c] <= fair) {
        widths[c] = natural[c];
        left -= natural[c];
        open.delete(c);
        settled = true;
      }
    }
  }
  let cols = [...open];
  let base = cols.reduce((a, c) => a + minimum[c], 0);
  if (base > left) {
    // Settling the short columns starved a long one of its longest word: share everything instead.
    cols = natural.map((_, c) => c);
    base = minimum.reduce((a, b) => a + b, 0);
    left = room;
  }
  const extra = share(left - base, cols.map((c) => natural[c] - minimum[c]));
  cols.forEach((c, i) => (widths[c] = minimum[c] + extra[i]));
  return widths;
}

function stacked(head: string[], rows: string[][], width: number): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    if (lines.length > 0) lines.push('');
    row.forEach((cell, c) => {
      const label = head[c].trim() ? `${head[c].replace(/\n/g, ' ')}: ` : '';
      const wrapped = wrapText(label + cell, width - 2);
      wrapped.forEach((line, i) => lines.push(i === 0 ? line : `  ${line}`));
      if (wrapped.length === 0 && label) lines.push(label.trimEnd());
    });
  }
  return lines;
}

export function layoutTable(table: TableBlock, width: number, inline: InlineWriter): string[] {
  const columns = table.align.length;
  const cells = (row: readonly Inline[][]) => {
    const out: string[] = [];
    for (let c = 0; c < columns; c++) out.push(inline.write(row[c] ?? []));
    return out;
  };
  const head = cells(table.head);
  const rows = table.rows.map(cells);
  const hasHead = head.some((cell) => cell.trim() !== '');
  const all = hasHead ? [head, ...rows] : rows;

  const natural: number[] = [];
  const minimum: number[] = [];
  for (let c = 0; c < columns; c++) {
    let nat = 1;
    let min = 1;
    for (const row of all) {
      nat = Math.max(nat, widest(wrapText(row[c], Number.POSITIVE_INFINITY)));
      min = Math.max(min, widest(wrapText(row[c], 1)));
    }
    natural.push(nat);
    minimum.push(min);
  }

  const gaps = GAP.length * (columns - 1);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths = natural;
  if (sum(natural) + gaps > width) {
    if (sum(minimum) + gaps > width) return stacked(head, rows, width);
    widths = fit(natural, minimum, width - gaps);
  }

  const setRow = (row: string[]): string[] => {
    const wrapped = row.map((cell, c) => wrapText(cell, widths[c]));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      out.push(wrapped.map((w, c) => pad(w[i] ?? '', widths[c], table.align[c])).join(GAP).trimEnd());
    }
    return out;
  };

  const body = rows.map(setRow);
  const multiline = body.some((r) => r.length > 1);
  const lines: string[] = [];
  if (hasHead) {
    lines.push(...setRow(head));
    lines.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  }
  body.forEach((r, i) => {
    if (multiline && i > 0) lines.push('');
    lines.push(...r);
  });
  return lines;
}
