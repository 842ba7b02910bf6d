// The contents page(s): every entry of the book's contents tree (already cut at
// `tocDepth` by the model), indented by depth, with dot leaders to the printed
// folio of the page where the heading lands, and the whole entry a link to it.
// Tagged as TOC › TOCI › Link, with a nested TOC for sub-entries.

import type { Inline, TocEntry } from '../../model/document.js';
import { labelsFor } from '../common/labels.js';
import type { LayoutEnv } from './blocks.js';
import { setEndAligned, setInlines } from './blocks.js';
import { baselineOffset, box, structNode, type Drawable, type FlowBox, type StructNode } from './flow.js';
import { serif } from './styles.js';

/** Entry text without links or note markers: the entry itself is the link. */
function entryInlines(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of content) {
    if (node.type === 'noteref' || node.type === 'image' || node.type === 'break') continue;
    if (node.type === 'link') out.push(...entryInlines(node.children));
    else if ('children' in node) out.push({ ...node, children: entryInlines(node.children) });
    else out.push(node);
  }
  return out;
}

export function layoutContents(env: LayoutEnv, entries: readonly TocEntry[], folioOf: (entry: TocEntry) => string, document: StructNode): FlowBox[] {
  const { styles, geometry } = env;
  const ts = styles.toc;
  const boxes: FlowBox[] = [];
  const hs = styles.headings[1];
  const titleNode = structNode('H1', document);
  const [title] = env.setter.setParagraph([{ text: labelsFor(env.lang).contents, style: serif(hs.size, hs.bold, hs.italic) }], {
    width: geometry.textWidth,
    lang: env.lang,
    align: 'left',
    hyphenate: false,
    leading: hs.leading,
  });
  boxes.push(box('heading', styles.chapterSink, [], -1, { breakAfter: false }));
  boxes.push(box('heading', title.leading, [{ kind: 'line', line: title, x: 0, baseline: baselineOffset(title), owner: titleNode }], -1, { breakAfter: false }));
  const toc = structNode('TOC', document);
  let first = true;
  const walk = (list: readonly TocEntry[], parent: StructNode, depth: number) => {
    for (const entry of list) {
      const item = structNode('TOCI', parent);
      const link = structNode('Link', item);
      const entryBoxes = setEntry(env, entry, folioOf(entry), depth, link);
      if (first) {
        entryBoxes[0].spaceBefore = hs.after;
        first = false;
      } else if (depth === 1) {
        entryBoxes[0].spaceBefore = Math.round(ts.leading * 0.4);
      }
      boxes.push(...entryBoxes);
      if (entry.children.length > 0) walk(entry.children, structNode('TOC', item), depth + 1);
    }
  };
  walk(entries, toc, 1);
  return boxes;
}

function setEntry(env: LayoutEnv, entry: TocEntry, folio: string, depth: number, link: StructNode): FlowBox[] {
  const { styles, geometry } = env;
  const ts = styles.toc;
  const style = serif(ts.size, false, false);
  const indent = (depth - 1) * ts.indent;
  const gap = ts.size * 0.8;
  const textWidth = geometry.textWidth - indent - ts.folioWidth - gap;
  const lines = setInlines(env, entryInlines(entry.content), entry.blockId, {
    indent: 0,
    style,
    align: 'left',
    hyphenate: false,
    leading: ts.leading,
  }, textWidth);
  // Headings only carry words of the body: entries are not page starts.
  const folioLine = setEndAligned(env, folio, style, ts.folioWidth, ts.leading);
  const [dot] = env.setter.setParagraph([{ text: '.', style }], { width: ts.dotPitch * 2, lang: env.lang, align: 'left', direction: 'ltr', hyphenate: false });
  const space = env.setter.measure('. .', style) - 2 * env.setter.measure('.', style);
  const n = lines.length;
  // Right-to-left books mirror the entry: text from the right edge, folio on the left.
  const textX = env.rtl ? ts.folioWidth + gap : indent;
  const folioX = env.rtl ? 0 : geometry.textWidth - ts.folioWidth;
  return lines.map((line, i) => {
    const baseline = baselineOffset(line);
    const items: Drawable[] = [{ kind: 'line', line, x: textX, baseline, owner: link }];
    if (i === n - 1) {
      const dots = env.rtl
        ? { from: folioLine.width + gap * 0.6, to: textX + textWidth - line.width - gap * 0.6 }
        : { from: indent + line.width + gap * 0.6, to: folioX + ts.folioWidth - folioLine.width - gap * 0.6 };
      items.push({ kind: 'dots', ...dots, baseline, pitch: ts.dotPitch, dot, space });
      items.push({ kind: 'line', line: folioLine, x: folioX, baseline, owner: link });
    }
    items.push({
      kind: 'link', x: env.rtl ? 0 : indent, y: 0, w: geometry.textWidth - indent, h: line.leading,
      target: `#${entry.slug}`, owner: link, contents: labelsFor(env.lang).pageLink(entry.text, folio),
    });
    return box('toc', line.leading, items, -1, { breakAfter: i === n - 1 });
  });
}

