// Tables in the booktabs manner: no vertical rules, a heavier rule above the
// header and below the last row, a light one under the header and hairlines
// between rows. Columns are sized from their content like an HTML auto layout:
// natural widths when they fit, otherwise each column gets its longest word plus
// a share of the rest in proportion to how much more it would like. One box per
// row; a row that starts a page brings a copy of the header with it.

import type { Inline, TableBlock } from '../../model/document.js';
import type { SetLine, TextStyle } from './typeset/types.js';
import { ARTIFACT, baselineOffset, box, structNode, type Drawable, type FlowBox, type StructNode } from './flow.js';
import type { BlockLayout, Frame, LayoutEnv } from './blocks.js';
import { setInlines } from './blocks.js';
import { inlineSpans, WordCounter } from './spans.js';
import { serif } from './styles.js';

const HEAVY = 0.8;
const LIGHT = 0.4;
const HAIR = 0.25;

export function layoutTable(env: LayoutEnv, block: TableBlock, frame: Frame): BlockLayout {
  const { styles } = env;
  const ts = styles.table;
  const cols = Math.max(block.align.length, block.head.length, ...block.rows.map((r) => r.length));
  if (cols === 0) return { boxes: [], before: 0, after: 0 };
  const size = Math.min(ts.size, frame.size);
  const headStyle = serif(size, true);
  const bodyStyle = serif(size);
  const leading = Math.round(size * 1.3 * 100) / 100;

  const widths = columnWidths(env, block, cols, headStyle, bodyStyle, frame.width, ts.padX);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const x0 = frame.x + Math.max(0, (frame.width - tableWidth) / 2);
  const colX: number[] = [];
  widths.reduce((x, w, i) => ((colX[i] = x), x + w), x0);

  const table = structNode('Table', frame.parent);
  const words = new WordCounter();

  const setRow = (cells: Inline[][], header: boolean, index: number, last: boolean): FlowBox => {
    const tr = structNode('TR', table);
    const style = header ? headStyle : bodyStyle;
    const cellLines: SetLine[][] = [];
    const owners: StructNode[] = [];
    for (let c = 0; c < cols; c++) {
      owners.push(structNode(header ? 'TH' : 'TD', tr, header ? { scope: 'Column' } : {}));
      const content = cells[c] ?? [];
      const align = block.align[c] ?? null;
      words.breakWord();
      cellLines.push(setInlines(env, content, block.id, {
        indent: 0,
        style,
        align: align === 'right' ? 'right' : align === 'center' ? 'center' : 'left',
        hyphenate: true,
        leading,
        pos: block.pos,
      }, widths[c] - 2 * ts.padX, words));
    }
    const textHeight = Math.max(leading, ...cellLines.map((ls) => ls.reduce((h, l) => h + l.leading, 0)));
    const height = textHeight + 2 * ts.padY;
    const items: Drawable[] = [];
    const noteRefs: number[] = [];
    let firstWord: FlowBox['firstWord'];
    for (let c = 0; c < cols; c++) {
      let y = ts.padY;
      if (cellLines[c].length === 0) items.push({ kind: 'struct', owner: owners[c] });
      for (const line of cellLines[c]) {
        items.push({ kind: 'line', line, x: colX[c] + ts.padX, baseline: y + baselineOffset(line), owner: owners[c] });
        noteRefs.push(...line.noteRefs);
        firstWord ??= line.firstWord;
        y += line.leading;
      }
    }
    if (header) {
      items.push({ kind: 'rule', x: x0, y: 0, w: tableWidth, thickness: HEAVY, grey: 0 });
      items.push({ kind: 'rule', x: x0, y: height, w: tableWidth, thickness: LIGHT, grey: 0 });
    } else if (last) {
      items.push({ kind: 'rule', x: x0, y: height, w: tableWidth, thickness: HEAVY, grey: 0 });
    } else {
      items.push({ kind: 'rule', x: x0, y: height, w: tableWidth, thickness: HAIR, grey: 0.55 });
    }
    const rows = block.rows.length;
    // Keep the header with the first row, and never strand a single row after a break.
    const breakAfter = !header && !(rows >= 3 && (index === 0 || index === rows - 2));
    // A row that ends a page closes the table piece there with the bottom rule.
    const pageEnd: Drawable[] | undefined = header || last ? undefined : [{ kind: 'rule', x: x0, y: height, w: tableWidth, thickness: HEAVY, grey: 0 }];
    return box('row', height, items, frame.chapter, { breakAfter, noteRefs, firstWord, pageEnd });
  };

  const boxes: FlowBox[] = [];
  let headerBox: FlowBox | undefined;
  if (block.head.length > 0) {
    headerBox = setRow(block.head, true, -1, block.rows.length === 0);
    boxes.push(headerBox);
  }
  block.rows.forEach((row, i) => {
    const b = setRow(row, false, i, i === block.rows.length - 1);
    if (headerBox) b.repeat = [artifactCopy(headerBox)];
    boxes.push(b);
  });
  if (!headerBox && boxes.length > 0) {
    boxes[0].items.push({ kind: 'rule', x: x0, y: 0, w: tableWidth, thickness: HEAVY, grey: 0 });
  }
  return { boxes, before: styles.display, after: styles.display };
}

/** The header drawn again on a continuation page: same marks, but not content twice. */
function artifactCopy(b: FlowBox): FlowBox {
  const items = b.items
    .filter((d) => d.kind !== 'struct')
    .map((d) => (d.kind === 'line' ? { ...d, owner: ARTIFACT } : d));
  return { ...b, items, noteRefs: [], firstWord: undefined, breakAfter: false, repeat: undefined, pageEnd: undefined };
}

function columnWidths(env: LayoutEnv, block: TableBlock, cols: number, head: TextStyle, body: TextStyle, available: number, padX: number): number[] {
  const minW = new Array<number>(cols).fill(0);
  const maxW = new Array<number>(cols).fill(0);
  const measureCell = (cell: Inline[] | undefined, style: TextStyle, c: number) => {
    if (!cell) return;
    for (const spans of inlineSpans(cell, style, { blockId: block.id })) {
      let natural = 0;
      for (const span of spans) {
        natural += env.setter.measure(span.text, span.style);
        for (const word of span.text.split(/\s+/u)) {
          if (word) minW[c] = Math.max(minW[c], env.setter.measure(word, span.style));
        }
      }
      maxW[c] = Math.max(maxW[c], natural);
    }
  };
  for (let c = 0; c < cols; c++) {
    measureCell(block.head[c], head, c);
    for (const row of block.rows) measureCell(row[c], body, c);
  }
  const pad = 2 * padX;
  const min = minW.map((w) => Math.ceil(w + pad + 1));
  const max = maxW.map((w, c) => Math.max(min[c], Math.ceil(w + pad + 1)));
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= available) return max;
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin >= available) {
    // Even single words do not fit. Columns that need no more than a fair share keep
    // their minimum; the others share what is left in proportion to their need, and
    // the typesetter hyphenates their long words.
    const widths = [...min];
    let greedy = min.map((_, c) => c);
    for (;;) {
      const fixed = widths.reduce((a, w, c) => (greedy.includes(c) ? a : a + w), 0);
      const share = (available - fixed) / greedy.length;
      const next = greedy.filter((c) => min[c] > share);
      if (next.length === greedy.length || next.length === 0) break;
      greedy = next;
    }
    const fixed = widths.reduce((a, w, c) => (greedy.includes(c) ? a : a + w), 0);
    const need = greedy.reduce((a, c) => a + min[c], 0);
    for (const c of greedy) widths[c] = (min[c] / need) * Math.max(0, available - fixed);
    return widths;
  }
  const extra = available - sumMin;
  const want = sumMax - sumMin;
  return min.map((w, c) => w + ((max[c] - w) / want) * extra);
}
