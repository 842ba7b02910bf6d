// Footnote bodies, set once at note size across the full text width, with the
// note's number hanging in the left margin of the note block.

import type { Note } from '../../model/document.js';
import type { LayoutEnv } from './blocks.js';
import { hangLabel, layoutBlocks, setEndAligned } from './blocks.js';
import { box, structNode, type FlowBox, type StructNode } from './flow.js';
import { serif } from './styles.js';

export interface ComposedNote {
  number: number;
  boxes: FlowBox[];
  /** The Note element; its parent is the paragraph citing it, decided when drawn. */
  root: StructNode;
}

/**
 * `bodyCited`: numbers of the notes cited from the text. A note cited only from
 * inside another note is set right after the note citing it, in the same foot.
 */
export function composeNotes(env: LayoutEnv, notes: readonly Note[], bodyCited: ReadonlySet<number>): Map<number, ComposedNote> {
  const { styles, geometry } = env;
  const size = styles.note.size;
  const labelStyle = serif(size);
  const widest = Math.max(0, ...notes.map((n) => env.setter.measure(String(n.number), labelStyle)));
  const hang = Math.ceil(widest + size * 0.6);
  const out = new Map<number, ComposedNote>();
  const nestedOf = new Map<number, number[]>();
  for (const note of notes) {
    const root = structNode('Note', null);
    const boxes = layoutBlocks(env, note.children, {
      x: env.rtl ? 0 : hang,
      width: geometry.textWidth - hang,
      size,
      leading: styles.note.leading,
      parent: root,
      chapter: note.chapter,
      indentParagraphs: false,
      paraSpace: styles.note.gap,
      listDepth: 0,
    });
    const nested: number[] = [];
    for (const b of boxes) {
      b.kind = 'note';
      for (const n of b.noteRefs) if (!bodyCited.has(n) && !nested.includes(n)) nested.push(n);
      // Lines of a note are not page starts and do not cite further notes at this foot.
      b.firstWord = undefined;
      b.noteRefs = [];
      b.forceBreak = undefined;
    }
    nestedOf.set(note.number, nested);
    if (boxes.length > 0) boxes[0].spaceBefore = 0;
    const label = setEndAligned(env, String(note.number), labelStyle, hang - size * 0.4, styles.note.leading);
    if (boxes.length === 0) boxes.push(box('note', styles.note.leading, [], note.chapter));
    hangLabel(boxes[0], label, env.rtl ? geometry.textWidth - hang + size * 0.4 : 0, structNode('Lbl', root));
    out.set(note.number, { number: note.number, boxes, root });
  }
  // Notes cited only from notes travel with (and are tagged inside) the first note citing them.
  const placed = new Set<number>();
  const attach = (n: number, seen: Set<number>): FlowBox[] => {
    const composed = out.get(n);
    if (!composed) return [];
    const extra: FlowBox[] = [];
    for (const m of nestedOf.get(n) ?? []) {
      if (seen.has(m) || placed.has(m)) continue;
      placed.add(m);
      const inner = out.get(m);
      if (!inner) continue;
      inner.root.parent = composed.root;
      const boxes = [...attach(m, new Set([...seen, m]))];
      if (boxes.length > 0) {
        boxes[0] = { ...boxes[0], spaceBefore: env.styles.note.gap, items: [{ kind: 'anchor', name: `fn-${m}`, y: 0 }, ...boxes[0].items] };
      }
      extra.push(...boxes);
    }
    return [...composed.boxes, ...extra];
  };
  for (const note of notes) {
    if (bodyCited.has(note.number)) out.get(note.number)!.boxes = attach(note.number, new Set([note.number]));
  }
  return out;
}
