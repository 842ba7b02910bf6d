// The title page: title, subtitle and authors in the upper third, the imprint
// (publisher, date, rights) at the foot of the text block. Placed directly, not
// flowed.

import type { Metadata } from '../../model/document.js';
import { formatDate } from '../common/names-and-dates.js';
import { balancedWidth, type LayoutEnv } from './blocks.js';
import { baselineOffset, box, structNode, type StructNode } from './flow.js';
import type { PlacedBox } from './paginate.js';
import { serif } from './styles.js';
import type { TextStyle } from './typeset/types.js';

export function layoutTitlePage(env: LayoutEnv, meta: Metadata, document: StructNode): PlacedBox[] {
  const { styles, geometry } = env;
  const s = styles.size;
  const placed: PlacedBox[] = [];
  const block = (text: string, style: TextStyle, leading: number, y: number, type = 'P'): number => {
    const node = structNode(type, document);
    const set = (width: number) => env.setter.setParagraph([{ text, style }], { width, lang: env.lang, align: 'center', hyphenate: false, leading });
    const width = balancedWidth((w) => set(w).length, geometry.textWidth);
    const lines = set(width);
    const x = (geometry.textWidth - width) / 2;
    for (const line of lines) {
      placed.push({ box: box('line', line.leading, [{ kind: 'line', line, x, baseline: baselineOffset(line), owner: node }], -1), y });
      y += line.leading;
    }
    return y;
  };

  let y = geometry.textHeight * 0.16;
  const titleSize = Math.round(s * 2.4);
  y = block(meta.title, serif(titleSize), Math.round(titleSize * 1.18), y);
  if (meta.subtitle) {
    y += s * 0.9;
    const sub = Math.round(s * 1.35);
    y = block(meta.subtitle, serif(sub, false, true), Math.round(sub * 1.3), y);
  }
  if (meta.authors.length > 0) {
    y += s * 3.5;
    const size = Math.round(s * 1.25);
    for (const author of meta.authors) y = block(author, serif(size), Math.round(size * 1.45), y);
  }

  // The imprint sits at the foot of the text block, built upwards.
  const foot: Array<{ text: string; style: TextStyle; leading: number; gapAfter: number }> = [];
  if (meta.publisher) foot.push({ text: meta.publisher, style: serif(s), leading: Math.round(s * 1.4), gapAfter: 0 });
  foot.push({ text: formatDate(meta.date, meta.lang), style: serif(Math.round(s * 0.9 * 10) / 10), leading: Math.round(s * 1.3), gapAfter: 0 });
  if (meta.rights) foot.push({ text: meta.rights, style: serif(Math.round(s * 0.8 * 10) / 10, false, true), leading: Math.round(s * 1.2), gapAfter: 0 });
  const footHeight = foot.reduce((h, f, k) => h + f.leading + (k === foot.length - 2 && meta.rights ? s : 0), 0);
  let fy = geometry.textHeight - footHeight;
  foot.forEach((f, k) => {
    fy = block(f.text, f.style, f.leading, fy);
    if (k === foot.length - 2 && meta.rights) fy += s;
  });
  return placed;
}
