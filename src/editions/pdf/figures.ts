// Figures: the image at its natural size (CSS pixels, 96 per inch, as the EPUB
// shows it), scaled down to fit the text block, centred, with its caption under
// it in the same unbreakable box so the two never part.

import type { FigureBlock } from '../../model/document.js';
import { box, structNode, type FlowBox } from './flow.js';
import type { BlockLayout, Frame, LayoutEnv } from './blocks.js';
import { setParagraphBoxes } from './blocks.js';
import { serif } from './styles.js';

const PT_PER_PX = 0.75;

export function layoutFigure(env: LayoutEnv, block: FigureBlock, frame: Frame): BlockLayout {
  const { styles, geometry } = env;
  const resource = env.resources.get(block.image.resource);
  const group = structNode('Div', frame.parent);
  const figure = structNode('Figure', group, { alt: block.image.alt || undefined, bbox: true });
  const caption = structNode('Caption', group);
  const captionFrame: Frame = { ...frame, size: styles.caption.size, leading: styles.caption.leading };
  const captionBoxes = block.caption.length === 0 ? [] : setParagraphBoxes(env, block.caption, block.id, captionFrame, caption, {
    indent: 0,
    style: serif(styles.caption.size, false, true),
    align: 'center',
    hyphenate: false,
    leading: styles.caption.leading,
    unbreakable: true,
    pos: block.pos,
  });
  const captionHeight = captionBoxes.reduce((h, b) => h + b.height, 0);
  const gap = captionBoxes.length > 0 ? styles.caption.gap : 0;

  if (!resource) {
    env.diagnostics.warn(`figure image "${block.image.resource}" is missing; the PDF shows only its caption`, block.pos);
    return { boxes: captionBoxes, before: styles.display, after: styles.display };
  }
  const naturalW = Math.max(1, resource.width) * PT_PER_PX;
  const naturalH = Math.max(1, resource.height) * PT_PER_PX;
  const maxW = frame.width;
  const maxH = geometry.textHeight - captionHeight - gap - styles.leading;
  const scale = Math.min(1, maxW / naturalW, maxH / naturalH);
  const w = naturalW * scale;
  const h = naturalH * scale;
  const x = frame.x + (frame.width - w) / 2;

  const items: FlowBox['items'] = [{ kind: 'image', resource, x, y: 0, w, h, owner: figure }];
  let y = h + gap;
  let firstWord: FlowBox['firstWord'];
  for (const cb of captionBoxes) {
    for (const item of cb.items) {
      if (item.kind === 'line') items.push({ ...item, baseline: item.baseline + y });
    }
    firstWord ??= cb.firstWord;
    y += cb.height;
  }
  const b = box('figure', y, items, frame.chapter, { firstWord, noteRefs: captionBoxes.flatMap((c) => c.noteRefs) });
  return { boxes: [b], before: styles.display, after: styles.display };
}
